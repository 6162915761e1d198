package dev.tradecraft.sigma.condition;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** All operands hold. */
public record And(List<Condition> operands)
        implements Condition
{
    public And
    {
        operands = List.copyOf(requireNonNull(operands, "operands is null"));
        checkArgument(operands.size() >= 2, "And needs at least two operands: %s", operands);
    }

    @Override
    public String toString()
    {
        return Or.join(operands, " and ");
    }
}
