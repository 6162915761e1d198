package dev.tradecraft.sigma.condition;

import static java.util.Objects.requireNonNull;

/**
 * A condition that cannot be parsed or resolved. Immutable.
 */
public final class ConditionException
        extends Exception
{
    public enum Kind
    {
        /** Not valid condition syntax. */
        SYNTAX,
        /** Names an identifier, or a pattern matching none, that the detection does not have. */
        UNKNOWN_IDENTIFIER,
        /** Obsolete or not yet supported syntax: {@code | count()} aggregations, {@code near}. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int column;
    private final String reason;

    public ConditionException(Kind kind, int column, String reason)
    {
        super(reason + (column > 0 ? " (at column " + column + ")" : ""));
        this.kind = requireNonNull(kind, "kind is null");
        this.column = column;
        this.reason = requireNonNull(reason, "reason is null");
    }

    public Kind kind()
    {
        return kind;
    }

    /** 1-based column in the condition text, or 0 when the problem is not at one place. */
    public int column()
    {
        return column;
    }

    public String reason()
    {
        return reason;
    }
}
