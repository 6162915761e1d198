package dev.tradecraft.flink.source;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.LogFormat;

/**
 * One record of the input topic: a line of a log file (or one pretty-printed JSON object), with
 * where it came from. The position is the one {@code tradecraft hunt} gives the same text in the
 * same file, so hits of both paths can be compared one for one.
 *
 * @param organisation organisation the file belongs to
 * @param host host inside the organisation
 * @param file the file's name as evidence prints it, e.g. {@code weblogs/contoso/sp-wfe01/u_ex250718.log}
 * @param format the file's format, found by content when the file was sent
 * @param unit whether {@code index} counts lines or records of the file
 * @param index 1-based line or record number
 * @param text the line without its line break, or the object's text
 */
public record LogRecord(String organisation, String host, String file, LogFormat format, SourcePosition.Unit unit, long index, String text)
{
    public LogRecord
    {
        checkNotBlank(organisation, "organisation");
        checkNotBlank(host, "host");
        checkNotBlank(file, "file");
        requireNonNull(format, "format is null");
        requireNonNull(unit, "unit is null");
        checkArgument(unit != SourcePosition.Unit.OFFSET, "unit must be LINE or RECORD: %s", unit);
        checkArgument(index >= 1, "index must be at least 1: %s", index);
        requireNonNull(text, "text is null");
    }

    public Origin origin()
    {
        return new Origin(organisation, host);
    }

    public SourcePosition position()
    {
        return new SourcePosition(file, unit, index);
    }

    /**
     * The key that keeps a file's records together and in order: one Kafka partition, one Flink
     * key group. NUL cannot occur in an organisation, host or path name, so the key is unambiguous.
     */
    public String fileKey()
    {
        return fileKey(organisation, host, file);
    }

    public static String fileKey(String organisation, String host, String file)
    {
        return organisation + '\u0000' + host + '\u0000' + file;
    }
}
