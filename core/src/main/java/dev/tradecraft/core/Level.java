package dev.tradecraft.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Severity of a detection, with the Sigma names. Ordered from least to most severe. */
public enum Level
{
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in Sigma rules and in every output format. */
    public String sigmaName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Sigma level; {@code info} is accepted as the common short form. */
    public static Level parse(String text)
    {
        String normalised = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("info")) {
            return INFORMATIONAL;
        }
        for (Level level : values()) {
            if (level.sigmaName().equals(normalised)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "', must be one of: "
                + Arrays.stream(values()).map(Level::sigmaName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString()
    {
        return sigmaName();
    }
}
