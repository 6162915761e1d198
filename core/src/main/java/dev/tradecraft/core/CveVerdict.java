package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

/**
 * One service's state for one CVE, with the reason a person can check, e.g. "header 16.0.0.10417
 * fits 16.0.10417.20027, vulnerable, and 16.0.10417.20037, fixed".
 */
public record CveVerdict(String cve, ExposureState state, String reason)
{
    public CveVerdict
    {
        checkNotBlank(cve, "cve");
        requireNonNull(state, "state is null");
        checkNotBlank(reason, "reason");
    }
}
