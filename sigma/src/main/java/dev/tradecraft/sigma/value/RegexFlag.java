package dev.tradecraft.sigma.value;

/** Flags of a Sigma regular expression, set by the {@code i}, {@code m} and {@code s} modifiers. */
public enum RegexFlag
{
    IGNORE_CASE, MULTILINE, DOTALL
}
