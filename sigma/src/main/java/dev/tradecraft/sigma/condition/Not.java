package dev.tradecraft.sigma.condition;

import static java.util.Objects.requireNonNull;

/** The operand does not hold. */
public record Not(Condition operand)
        implements Condition
{
    public Not
    {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public String toString()
    {
        return "not " + operand;
    }
}
