package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One intrusion of a campaign: the organisation, its hosts involved, when, and how many sightings. */
public record CampaignVictim(String organisation, String intrusionId, List<String> hosts, Optional<Instant> firstSeen,
        Optional<Instant> lastSeen, int sightings)
{
    public CampaignVictim
    {
        requireNonNull(organisation, "organisation is null");
        requireNonNull(intrusionId, "intrusionId is null");
        hosts = List.copyOf(hosts);
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
