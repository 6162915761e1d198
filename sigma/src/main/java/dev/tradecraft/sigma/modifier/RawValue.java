package dev.tradecraft.sigma.modifier;

import static java.util.Objects.requireNonNull;

/**
 * A scalar as the rule's YAML wrote it, before any Sigma interpretation: {@code re} needs the
 * exact text, while plain strings are read with Sigma's escaping.
 *
 * @param text the scalar's text ({@code ""} for null)
 */
public record RawValue(Type type, String text)
{
    public enum Type
    {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL
    }

    public RawValue
    {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
    }

    public static RawValue string(String text)
    {
        return new RawValue(Type.STRING, text);
    }

    @Override
    public String toString()
    {
        return type == Type.NULL ? "null" : text;
    }
}
