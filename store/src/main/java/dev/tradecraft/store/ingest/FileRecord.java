package dev.tradecraft.store.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file a command read (or skipped), with its content hash.
 *
 * @param name as evidence names it (the hunt's display name, the scan file as given)
 * @param sha256 of the content as stored on disk, lower-case hex
 * @param bytes size on disk
 * @param kind log or scan
 * @param organisation the organisation it belongs to; empty for scan files
 * @param host the host; empty for scan files
 * @param format the format it was read as; empty when skipped
 * @param events events or records read
 * @param skippedUnits malformed lines or records skipped inside it
 * @param skipReason why the whole file was skipped; empty when it was read
 */
public record FileRecord(String name, String sha256, long bytes, Kind kind, String organisation, String host, String format, long events,
        long skippedUnits, String skipReason)
{
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public enum Kind
    {
        LOG, SCAN;

        public String label()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FileRecord
    {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case SHA-256: " + sha256);
        }
        requireNonNull(kind, "kind is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(host, "host is null");
        requireNonNull(format, "format is null");
        requireNonNull(skipReason, "skipReason is null");
        if (bytes < 0 || events < 0 || skippedUnits < 0) {
            throw new IllegalArgumentException("counts must not be negative for " + name);
        }
    }
}
