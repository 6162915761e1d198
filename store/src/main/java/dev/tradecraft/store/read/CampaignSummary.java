package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as listed.
 *
 * @param id e.g. TC-1
 * @param verdict single-actor, multiple-actors or undetermined
 * @param confidence 0 to 100
 * @param organisations victims, sorted
 * @param intrusions intrusions in it
 * @param firstSeen first activity
 * @param lastSeen last activity
 * @param actors the actors the evidence points to
 * @param evidence sentences for the grouping and verdict
 * @param against sentences against it
 */
public record CampaignSummary(String id, String verdict, int confidence, List<String> organisations, int intrusions,
        Optional<Instant> firstSeen, Optional<Instant> lastSeen, List<String> actors, List<String> evidence, List<String> against)
{
    public CampaignSummary
    {
        requireNonNull(id, "id is null");
        requireNonNull(verdict, "verdict is null");
        organisations = List.copyOf(organisations);
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(lastSeen, "lastSeen is null");
        actors = List.copyOf(actors);
        evidence = List.copyOf(evidence);
        against = List.copyOf(against);
    }
}
