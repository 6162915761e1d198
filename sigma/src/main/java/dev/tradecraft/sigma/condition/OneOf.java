package dev.tradecraft.sigma.condition;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * {@code 1 of pattern} / {@code any of pattern}: at least one identifier whose name matches.
 *
 * @param pattern identifier pattern with {@code *}, or {@code them}
 */
public record OneOf(String pattern)
        implements Condition
{
    public OneOf
    {
        checkNotBlank(pattern, "pattern");
    }

    @Override
    public String toString()
    {
        return "1 of " + pattern;
    }
}
