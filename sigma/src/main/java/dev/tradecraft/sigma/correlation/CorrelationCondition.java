package dev.tradecraft.sigma.correlation;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * When a correlation matches: every bound holds for the aggregated value (several keys in the
 * rule are an AND, so {@code gt: 100, lte: 200} is a range).
 *
 * @param bounds at least one, in rule order
 * @param field the field whose values value_count, value_sum, value_avg and value_percentile aggregate
 */
public record CorrelationCondition(List<Bound> bounds, Optional<String> field)
{
    /** One comparison with its threshold. */
    public record Bound(Comparison comparison, double threshold)
    {
        public Bound
        {
            requireNonNull(comparison, "comparison is null");
            checkArgument(Double.isFinite(threshold), "threshold must be finite: %s", threshold);
        }

        @Override
        public String toString()
        {
            return comparison.sigmaName() + " " + CorrelationValues.format(threshold);
        }
    }

    public CorrelationCondition
    {
        bounds = List.copyOf(requireNonNull(bounds, "bounds is null"));
        checkArgument(!bounds.isEmpty(), "a condition needs at least one bound");
        requireNonNull(field, "field is null");
        field.ifPresent(name -> checkArgument(!name.isBlank(), "field is blank"));
    }

    /** The default of a temporal correlation without a condition: every referenced rule matched. */
    public static CorrelationCondition allOf(int rules)
    {
        return new CorrelationCondition(List.of(new Bound(Comparison.GTE, rules)), Optional.empty());
    }

    public boolean test(double value)
    {
        for (Bound bound : bounds) {
            if (!bound.comparison().test(value, bound.threshold())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder();
        field.ifPresent(name -> text.append("field ").append(name).append(' '));
        for (int i = 0; i < bounds.size(); i++) {
            text.append(i == 0 ? "" : " and ").append(bounds.get(i));
        }
        return text.toString();
    }
}
