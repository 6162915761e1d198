package dev.tradecraft.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Event;

/**
 * One pass of a {@link CorrelationEngine} over matches in event-time order. Not thread-safe.
 */
public final class CorrelationSession
{
    private final List<CorrelationState> states;
    private Instant latest = Instant.MIN;
    private long untimed;

    CorrelationSession(List<CorrelationState> states)
    {
        this.states = states;
    }

    /**
     * Takes the next match and returns the correlation hits it completes, those of chained
     * correlations after the ones they reference.
     *
     * @throws IllegalArgumentException when the match is older than one offered before
     */
    public List<CorrelationHit> offer(RuleMatch match)
    {
        requireNonNull(match, "match is null");
        Optional<Instant> time = match.event().time();
        if (time.isEmpty()) {
            untimed++;
            return List.of();
        }
        if (time.get().isBefore(latest)) {
            throw new IllegalArgumentException("matches must come in event-time order: " + time.get() + " after " + latest);
        }
        latest = time.get();
        List<CorrelationHit> hits = new ArrayList<>(0);
        feed(match.ruleId(), match.event(), time.get(), match.matchedFields(), hits);
        return hits;
    }

    private void feed(String id, Event event, Instant time, Map<String, String> fields, List<CorrelationHit> hits)
    {
        for (CorrelationState state : states) {
            if (!state.references(id)) {
                continue;
            }
            Optional<CorrelationHit> hit = state.offer(id, event, time, fields);
            if (hit.isPresent()) {
                hits.add(hit.get());
                feed(hit.get().correlation().id(), event, time, hit.get().fields(), hits);
            }
        }
    }

    /** Matches left out because their event has no time. */
    public long untimed()
    {
        return untimed;
    }

    /** Groups with a live window, over all correlations. */
    public int groups()
    {
        int groups = 0;
        for (CorrelationState state : states) {
            groups += state.groups();
        }
        return groups;
    }

    /** Matches held in live windows, over all correlations: what the session's memory follows. */
    public long retainedMatches()
    {
        long retained = 0;
        for (CorrelationState state : states) {
            retained += state.retained();
        }
        return retained;
    }
}
