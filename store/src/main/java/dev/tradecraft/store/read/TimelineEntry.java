package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** One sighting of a campaign, in time order: what stage, where, which rule, and the evidence (file and position). */
public record TimelineEntry(Optional<Instant> time, String organisation, String host, String stage, String ruleId, String evidence)
{
    public TimelineEntry
    {
        requireNonNull(time, "time is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(host, "host is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(evidence, "evidence is null");
    }
}
