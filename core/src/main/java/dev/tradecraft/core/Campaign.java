package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Intrusions at several organisations (or one) that share tradecraft, with the judgement whether
 * one actor is behind them, how sure, and the evidence for and against in sentences a person can
 * check.
 *
 * @param id stable identifier, e.g. {@code TC-1}, numbered by first activity
 * @param verdict single actor, several actors, or undetermined
 * @param confidence 0 to 100
 * @param intrusions the intrusions, ordered by first activity
 * @param actors the actors the evidence points to: one for a single actor, several for several,
 *        none when undetermined
 * @param evidence sentences with numbers that support the grouping and the verdict
 * @param against sentences that argue against it
 */
public record Campaign(String id, CampaignVerdict verdict, int confidence, List<Intrusion> intrusions, List<InferredActor> actors,
        List<String> evidence, List<String> against)
{
    public Campaign
    {
        checkNotBlank(id, "id");
        requireNonNull(verdict, "verdict is null");
        checkArgument(confidence >= 0 && confidence <= 100, "confidence must be in [0,100]: %s", confidence);
        intrusions = List.copyOf(requireNonNull(intrusions, "intrusions is null"));
        checkArgument(!intrusions.isEmpty(), "campaign %s has no intrusion", id);
        actors = List.copyOf(requireNonNull(actors, "actors is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        against = List.copyOf(requireNonNull(against, "against is null"));
    }

    /** The victims, sorted. */
    public SortedSet<String> organisations()
    {
        TreeSet<String> organisations = new TreeSet<>();
        intrusions.forEach(intrusion -> organisations.add(intrusion.organisation()));
        return organisations;
    }

    public Optional<Instant> firstSeen()
    {
        return intrusions.stream().map(Intrusion::firstSeen).flatMap(Optional::stream).min(Instant::compareTo);
    }

    public Optional<Instant> lastSeen()
    {
        return intrusions.stream().map(Intrusion::lastSeen).flatMap(Optional::stream).max(Instant::compareTo);
    }

    public SortedSet<String> values(ObservableType type)
    {
        TreeSet<String> values = new TreeSet<>();
        intrusions.forEach(intrusion -> values.addAll(intrusion.values(type)));
        return values;
    }
}
