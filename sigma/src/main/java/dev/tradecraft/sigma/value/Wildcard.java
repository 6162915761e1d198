package dev.tradecraft.sigma.value;

/** The two Sigma wildcards. */
public enum Wildcard
        implements PatternPart
{
    /** {@code *}: any run of characters, including none. */
    ANY_RUN,
    /** {@code ?}: exactly one character (one UTF-16 code unit). */
    ONE_CHAR
}
