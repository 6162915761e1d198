package dev.tradecraft.hunt;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What happened to one file: read as a format, with how many events and skipped units; or not read,
 * with the reason.
 *
 * @param file the file
 * @param format the format it was read as, empty when skipped
 * @param events events read
 * @param skippedUnits malformed lines or records skipped inside the file
 * @param skipReason why the whole file was skipped, empty when it was read
 */
public record FileOutcome(LogFile file, Optional<String> format, long events, long skippedUnits, Optional<String> skipReason)
{
    public FileOutcome
    {
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        requireNonNull(skipReason, "skipReason is null");
    }

    public static FileOutcome read(LogFile file, String format, long events, long skippedUnits)
    {
        return new FileOutcome(file, Optional.of(format), events, skippedUnits, Optional.empty());
    }

    public static FileOutcome skipped(LogFile file, String reason)
    {
        return new FileOutcome(file, Optional.empty(), 0, 0, Optional.of(reason));
    }

    public boolean wasRead()
    {
        return skipReason.isEmpty();
    }
}
