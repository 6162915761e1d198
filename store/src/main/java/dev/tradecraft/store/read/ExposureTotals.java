package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

/**
 * Scanned services of the judged product (SharePoint) and their state for the CVE counted.
 *
 * @param key what is counted: the CVE for the totals, or a country or product for a breakdown
 * @param services services seen
 * @param vulnerable judged vulnerable
 * @param ambiguous the evidence cannot tell
 * @param notVulnerable judged not vulnerable
 */
public record ExposureTotals(String key, long services, long vulnerable, long ambiguous, long notVulnerable)
{
    public ExposureTotals
    {
        requireNonNull(key, "key is null");
    }
}
