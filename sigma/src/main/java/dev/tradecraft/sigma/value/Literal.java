package dev.tradecraft.sigma.value;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/** Literal text inside a {@link StringPattern}; never empty, never contains Sigma escapes. */
public record Literal(String text)
        implements PatternPart
{
    public Literal
    {
        requireNonNull(text, "text is null");
        checkArgument(!text.isEmpty(), "text is empty");
    }
}
