package dev.tradecraft.sigma.condition;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * {@code all of pattern}: every identifier whose name matches.
 *
 * @param pattern identifier pattern with {@code *}, or {@code them}
 */
public record AllOf(String pattern)
        implements Condition
{
    public AllOf
    {
        checkNotBlank(pattern, "pattern");
    }

    @Override
    public String toString()
    {
        return "all of " + pattern;
    }
}
