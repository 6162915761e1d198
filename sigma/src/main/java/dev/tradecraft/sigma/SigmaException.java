package dev.tradecraft.sigma;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A Sigma-related input (a mapping file, a rule file) that cannot be used at all, with where.
 * Immutable; the message reads {@code source:line: reason}.
 */
public final class SigmaException
        extends Exception
{
    private final String source;
    private final int line;
    private final String reason;

    public SigmaException(String source, int line, String reason)
    {
        this(source, line, reason, null);
    }

    public SigmaException(String source, int line, String reason, Throwable cause)
    {
        super(requireNonNull(source, "source is null") + (line > 0 ? ":" + line : "") + ": " + requireNonNull(reason, "reason is null"), cause);
        checkArgument(line >= 0, "line is negative: %s", line);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** File or resource name. */
    public String source()
    {
        return source;
    }

    /** 1-based line, 0 when unknown. */
    public int line()
    {
        return line;
    }

    /** The reason without the position. */
    public String reason()
    {
        return reason;
    }
}
