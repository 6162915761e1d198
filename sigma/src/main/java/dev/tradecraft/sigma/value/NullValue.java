package dev.tradecraft.sigma.value;

/** YAML {@code null} in a rule: the field is absent from the event (or was JSON null). */
public record NullValue()
        implements SigmaValue
{
    @Override
    public String toString()
    {
        return "null";
    }
}
