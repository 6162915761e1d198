package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A place in an input file that evidence points back to: a line of a text log, a record of a JSON
 * stream or event log, or a byte offset when nothing finer is known. Prints as {@code file:line},
 * {@code file:record N} or {@code file:offset N}, the form used in every message and report.
 */
public record SourcePosition(String file, Unit unit, long index)
{
    public enum Unit
    {
        LINE, RECORD, OFFSET
    }

    public SourcePosition
    {
        requireNonNull(file, "file is null");
        requireNonNull(unit, "unit is null");
        checkArgument(index >= 0, "index is negative: %s", index);
    }

    public static SourcePosition line(String file, long line)
    {
        return new SourcePosition(file, Unit.LINE, line);
    }

    public static SourcePosition record(String file, long record)
    {
        return new SourcePosition(file, Unit.RECORD, record);
    }

    public static SourcePosition offset(String file, long offset)
    {
        return new SourcePosition(file, Unit.OFFSET, offset);
    }

    @Override
    public String toString()
    {
        return switch (unit) {
            case LINE -> file + ":" + index;
            case RECORD -> file + ":record " + index;
            case OFFSET -> file + ":offset " + index;
        };
    }
}
