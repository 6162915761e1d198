package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What sniffing found in a file.
 *
 * @param format the format, or empty when the file cannot be read as any
 * @param compressed whether the file is gzip-compressed (the format is that of the content)
 * @param reason a sentence for humans saying what was seen, e.g.
 *        {@code IIS W3C (#Software: Microsoft Internet Information Services 10.0)}
 */
public record Sniffed(Optional<LogFormat> format, boolean compressed, String reason)
{
    public Sniffed
    {
        requireNonNull(format, "format is null");
        requireNonNull(reason, "reason is null");
    }
}
