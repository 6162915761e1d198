package dev.tradecraft.sigma.value;

/** A piece of a {@link StringPattern}: literal text or a wildcard. */
public sealed interface PatternPart
        permits Literal, Wildcard
{
}
