package dev.tradecraft.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates correlation rules over base-rule matches. Immutable and thread-safe; each evaluation
 * runs in its own {@link CorrelationSession}.
 *
 * <p>Semantics: matches are taken in event time; each correlation keeps, per organisation and
 * group-by values, a sliding window of the last timespan (a match exactly one timespan older
 * than the newest is still inside). Whole-window types report once each time their condition
 * becomes true for a group, not again while it stays true; value_percentile judges each match.
 * A correlation hit is fed at once to the correlations that reference it. Matches without a time
 * cannot be placed in a window and are left out (counted by the session).
 */
public final class CorrelationEngine
{
    private final List<SigmaCorrelation> correlations;
    private final Set<String> baseRuleIds;
    private final Set<String> quiet;

    /**
     * @param correlations resolved correlations (as {@link dev.tradecraft.sigma.RuleLoadResult#correlations()}
     *        gives them), each after the correlations it references
     * @throws IllegalArgumentException when a correlation references one that comes later or not at all
     */
    public CorrelationEngine(List<SigmaCorrelation> correlations)
    {
        this.correlations = List.copyOf(requireNonNull(correlations, "correlations is null"));
        Set<String> all = new HashSet<>();
        for (SigmaCorrelation correlation : this.correlations) {
            if (!all.add(correlation.id())) {
                throw new IllegalArgumentException("correlation id listed twice: " + correlation.id());
            }
        }
        Set<String> earlier = new HashSet<>();
        Set<String> base = new LinkedHashSet<>();
        Map<String, Boolean> generated = new HashMap<>();
        for (SigmaCorrelation correlation : this.correlations) {
            for (String reference : correlation.rules()) {
                if (all.contains(reference) && !earlier.contains(reference)) {
                    throw new IllegalArgumentException("correlation " + correlation.label() + " references correlation " + reference
                            + ", which does not come before it");
                }
                if (!all.contains(reference)) {
                    base.add(reference);
                }
                generated.merge(reference, correlation.generate(), Boolean::logicalOr);
            }
            earlier.add(correlation.id());
        }
        this.baseRuleIds = Set.copyOf(base);
        Set<String> silenced = new HashSet<>();
        generated.forEach((id, generate) -> {
            if (!generate) {
                silenced.add(id);
            }
        });
        this.quiet = Set.copyOf(silenced);
    }

    public List<SigmaCorrelation> correlations()
    {
        return correlations;
    }

    public boolean isEmpty()
    {
        return correlations.isEmpty();
    }

    /** The ids of the (non-correlation) rules whose matches the correlations take in. */
    public Set<String> baseRuleIds()
    {
        return baseRuleIds;
    }

    /**
     * Whether the matches of a rule or correlation are reported on their own: not when some
     * correlation references it and none of those that do says {@code generate: true} — the
     * specification's default is that referenced rules only feed the correlation.
     */
    public boolean reportsOwnMatches(String ruleOrCorrelationId)
    {
        return !quiet.contains(ruleOrCorrelationId);
    }

    /** A new, empty evaluation. */
    public CorrelationSession session()
    {
        List<CorrelationState> states = new ArrayList<>(correlations.size());
        for (SigmaCorrelation correlation : correlations) {
            states.add(new CorrelationState(correlation));
        }
        return new CorrelationSession(states);
    }

    /**
     * Evaluates a batch of matches in any order: they are sorted by {@link RuleMatch#EVENT_TIME_ORDER}
     * first, so the hits, and their order, do not depend on how the matches were found.
     */
    public List<CorrelationHit> evaluate(Collection<RuleMatch> matches)
    {
        requireNonNull(matches, "matches is null");
        List<RuleMatch> ordered = new ArrayList<>(matches);
        ordered.sort(RuleMatch.EVENT_TIME_ORDER);
        CorrelationSession session = session();
        List<CorrelationHit> hits = new ArrayList<>();
        for (RuleMatch match : ordered) {
            hits.addAll(session.offer(match));
        }
        return hits;
    }
}
