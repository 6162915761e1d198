package dev.tradecraft.sigma.correlation;

import java.util.Locale;

/** One criterion of a correlation condition: the aggregated value against a threshold. */
public enum Comparison
{
    GT, GTE, LT, LTE, EQ, NEQ;

    /** The key used in rules: {@code gt}, {@code gte}, … */
    public String sigmaName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean test(double value, double threshold)
    {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
            case EQ -> value == threshold;
            case NEQ -> value != threshold;
        };
    }

    /** The comparison a condition key names, or null when the key is none. */
    static Comparison ofKey(String key)
    {
        for (Comparison comparison : values()) {
            if (comparison.sigmaName().equals(key)) {
                return comparison;
            }
        }
        return null;
    }
}
