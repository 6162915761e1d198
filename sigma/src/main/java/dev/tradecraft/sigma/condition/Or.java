package dev.tradecraft.sigma.condition;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** At least one operand holds. */
public record Or(List<Condition> operands)
        implements Condition
{
    public Or
    {
        operands = List.copyOf(requireNonNull(operands, "operands is null"));
        checkArgument(operands.size() >= 2, "Or needs at least two operands: %s", operands);
    }

    @Override
    public String toString()
    {
        return join(operands, " or ");
    }

    static String join(List<Condition> operands, String operator)
    {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            out.append(operands.get(i));
        }
        return out.append(')').toString();
    }
}
