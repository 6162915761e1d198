package dev.tradecraft.sigma.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The correlation types of the Sigma specification (v2.1.0), with their Sigma names. */
public enum CorrelationType
{
    EVENT_COUNT,
    VALUE_COUNT,
    TEMPORAL,
    TEMPORAL_ORDERED,
    VALUE_SUM,
    VALUE_AVG,
    VALUE_PERCENTILE;

    /** The lower-case name used in rules and in the fields of a correlation hit. */
    public String sigmaName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the condition must name the {@code field} whose values are aggregated. */
    public boolean needsField()
    {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** Whether the condition counts distinct referenced rules, and so may be left out. */
    public boolean isTemporal()
    {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** Parses a Sigma type name; the message of the exception lists the valid ones. */
    public static CorrelationType parse(String text)
    {
        for (CorrelationType type : values()) {
            if (type.sigmaName().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown correlation type '" + text + "', must be one of: "
                + Arrays.stream(values()).map(CorrelationType::sigmaName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString()
    {
        return sigmaName();
    }
}
