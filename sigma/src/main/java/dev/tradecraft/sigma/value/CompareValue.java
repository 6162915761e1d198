package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * {@code |lt}, {@code |lte}, {@code |gt}, {@code |gte}: the event value, read as a number, compared
 * with the rule's number. An event value that is not a number does not match.
 */
public record CompareValue(Operator operator, BigDecimal number)
        implements SigmaValue
{
    public enum Operator
    {
        LT("<"), LTE("<="), GT(">"), GTE(">=");

        private final String symbol;

        Operator(String symbol)
        {
            this.symbol = symbol;
        }

        public String symbol()
        {
            return symbol;
        }
    }

    public CompareValue
    {
        requireNonNull(operator, "operator is null");
        requireNonNull(number, "number is null");
    }

    public boolean matches(String eventValue)
    {
        BigDecimal parsed = Numbers.parse(eventValue);
        if (parsed == null) {
            return false;
        }
        int order = parsed.compareTo(number);
        return switch (operator) {
            case LT -> order < 0;
            case LTE -> order <= 0;
            case GT -> order > 0;
            case GTE -> order >= 0;
        };
    }

    @Override
    public String toString()
    {
        return operator.symbol() + " " + number.toPlainString();
    }
}
