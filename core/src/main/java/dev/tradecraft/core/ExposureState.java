package dev.tradecraft.core;

import java.util.Locale;

/** Whether a service is open to a CVE, as far as the evidence can tell. */
public enum ExposureState
{
    VULNERABLE, NOT_VULNERABLE, AMBIGUOUS;

    /** {@code vulnerable}, {@code not-vulnerable}, {@code ambiguous}: the form used in every output. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString()
    {
        return label();
    }
}
