package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The verdict of one sniffing probe: a format with the text encoding to read it in, or the problem
 * kind that keeps the file from being read.
 */
record SniffOutcome(Optional<LogFormat> format, ProblemKind failure, String reason, Charset charset)
{
    SniffOutcome
    {
        requireNonNull(format, "format is null");
        requireNonNull(failure, "failure is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(charset, "charset is null");
    }

    static SniffOutcome readable(LogFormat format, String reason, Charset charset)
    {
        // The failure kind is never looked at for a readable file; UNKNOWN_FORMAT is a placeholder.
        return new SniffOutcome(Optional.of(format), ProblemKind.UNKNOWN_FORMAT, reason, charset);
    }

    static SniffOutcome unreadable(ProblemKind failure, String reason, Charset charset)
    {
        return new SniffOutcome(Optional.empty(), failure, reason, charset);
    }

    Sniffed toSniffed(boolean compressed)
    {
        return new Sniffed(format, compressed, compressed ? reason + ", gzip-compressed" : reason);
    }
}
