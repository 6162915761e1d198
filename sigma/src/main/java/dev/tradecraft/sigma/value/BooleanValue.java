package dev.tradecraft.sigma.value;

/**
 * A YAML boolean in a rule; it matches the event's text form {@code true} / {@code false},
 * ignoring case.
 */
public record BooleanValue(boolean value)
        implements SigmaValue
{
    public boolean matches(String eventValue)
    {
        return eventValue.equalsIgnoreCase(value ? "true" : "false");
    }

    @Override
    public String toString()
    {
        return Boolean.toString(value);
    }
}
