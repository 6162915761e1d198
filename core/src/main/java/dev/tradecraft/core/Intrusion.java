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
 * One adversary's activity at one organisation: the sightings that belong together there (same
 * source, or host activity tied to it), the unit campaigns are built from.
 *
 * @param id stable identifier, unique within one analysis
 * @param organisation the victim
 * @param sightings what was seen, ordered by time
 */
public record Intrusion(String id, String organisation, List<Sighting> sightings)
{
    public Intrusion
    {
        checkNotBlank(id, "id");
        checkNotBlank(organisation, "organisation");
        sightings = List.copyOf(requireNonNull(sightings, "sightings is null"));
        checkArgument(!sightings.isEmpty(), "intrusion %s has no sighting", id);
        for (Sighting sighting : sightings) {
            checkArgument(sighting.organisation().equals(organisation), "sighting of %s in an intrusion of %s", sighting.organisation(), organisation);
        }
    }

    public Optional<Instant> firstSeen()
    {
        return sightings.stream().map(Sighting::time).flatMap(Optional::stream).min(Instant::compareTo);
    }

    public Optional<Instant> lastSeen()
    {
        return sightings.stream().map(Sighting::time).flatMap(Optional::stream).max(Instant::compareTo);
    }

    public SortedSet<String> hosts()
    {
        TreeSet<String> hosts = new TreeSet<>();
        sightings.forEach(sighting -> hosts.add(sighting.origin().host()));
        return hosts;
    }

    /** Every artefact of the intrusion, sorted, without duplicates. */
    public SortedSet<Observable> observables()
    {
        TreeSet<Observable> all = new TreeSet<>();
        sightings.forEach(sighting -> all.addAll(sighting.observables()));
        return all;
    }

    public SortedSet<String> values(ObservableType type)
    {
        TreeSet<String> values = new TreeSet<>();
        for (Sighting sighting : sightings) {
            values.addAll(sighting.values(type));
        }
        return values;
    }
}
