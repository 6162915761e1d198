package dev.tradecraft.sigma;

import java.util.Locale;

/** The maturity a Sigma rule declares; {@link #UNSTATED} when it declares none. */
public enum RuleStatus
{
    STABLE, TEST, EXPERIMENTAL, DEPRECATED, UNSUPPORTED, UNSTATED;

    /** The lower-case name used in rule files. */
    public String sigmaName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a rule's {@code status}; throws IllegalArgumentException naming the valid values. */
    public static RuleStatus parse(String text)
    {
        String normalised = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (RuleStatus status : values()) {
            if (status != UNSTATED && status.sigmaName().equals(normalised)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "', must be one of: stable, test, experimental, deprecated, unsupported");
    }

    @Override
    public String toString()
    {
        return sigmaName();
    }
}
