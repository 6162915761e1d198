package dev.tradecraft.core;

import java.util.Locale;

/** Whether a campaign is likely the work of one actor. */
public enum CampaignVerdict
{
    SINGLE_ACTOR, MULTIPLE_ACTORS, UNDETERMINED;

    /** {@code single-actor}, {@code multiple-actors}, {@code undetermined}: the form used in every output. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CampaignVerdict parse(String text)
    {
        for (CampaignVerdict verdict : values()) {
            if (verdict.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown campaign verdict '" + text + "', must be one of: single-actor, multiple-actors, undetermined");
    }

    @Override
    public String toString()
    {
        return label();
    }
}
