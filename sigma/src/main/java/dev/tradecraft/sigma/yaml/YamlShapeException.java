package dev.tradecraft.sigma.yaml;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * YAML that parsed but does not have the shape the reader expects, at a line. Immutable.
 */
public final class YamlShapeException
        extends Exception
{
    private final int line;
    private final boolean duplicateKey;

    public YamlShapeException(int line, String message)
    {
        this(line, message, false);
    }

    private YamlShapeException(int line, String message, boolean duplicateKey)
    {
        super(requireNonNull(message, "message is null"));
        checkArgument(line >= 0, "line is negative: %s", line);
        this.line = line;
        this.duplicateKey = duplicateKey;
    }

    static YamlShapeException duplicateKey(int line, String message)
    {
        return new YamlShapeException(line, message, true);
    }

    /** 1-based line, 0 when unknown. */
    public int line()
    {
        return line;
    }

    /** Whether the problem is a key that appears twice in one mapping (a YAML error rather than a shape error). */
    public boolean duplicateKey()
    {
        return duplicateKey;
    }
}
