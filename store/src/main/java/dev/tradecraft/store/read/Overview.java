package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The numbers an incident lead looks at first. Exposed, compromised and attributed stay three
 * different numbers.
 *
 * @param exposure scanned SharePoint services and their state for the CVE counted
 * @param organisations organisations hunted
 * @param compromised organisations judged compromised
 * @param attempted organisations with exploit attempts and no compromise
 * @param clean organisations with neither
 * @param campaigns campaigns found across the organisations
 * @param singleActorCampaigns campaigns judged likely one actor
 * @param hits hits kept
 * @param files files read (logs and scans)
 * @param runs distinct runs (the same command on the same input counts once)
 * @param lastRun when the last run finished
 */
public record Overview(ExposureTotals exposure, long organisations, long compromised, long attempted, long clean, long campaigns,
        long singleActorCampaigns, long hits, long files, long runs, Optional<Instant> lastRun)
{
    public Overview
    {
        requireNonNull(exposure, "exposure is null");
        requireNonNull(lastRun, "lastRun is null");
    }
}
