package dev.tradecraft.sigma.value;

/** {@code |exists}: the field is present (true) or absent (false), whatever its value. */
public record ExistsValue(boolean exists)
        implements SigmaValue
{
    @Override
    public String toString()
    {
        return "exists " + exists;
    }
}
