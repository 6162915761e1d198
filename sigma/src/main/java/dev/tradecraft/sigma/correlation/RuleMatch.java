package dev.tradecraft.sigma.correlation;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tradecraft.core.Event;
import dev.tradecraft.sigma.SigmaRule;

/**
 * A base rule that matched an event, as a correlation takes it in.
 *
 * @param ruleId the id of the rule that matched
 * @param matchedFields what {@link dev.tradecraft.sigma.MatchSink} gave: the rule's fields with the event's values
 */
public record RuleMatch(String ruleId, Event event, Map<String, String> matchedFields)
{
    /**
     * The order correlations see matches in: event time, then the event's place (organisation,
     * host, file, position), then rule id — a total order, so the same matches give the same hits
     * whatever order they were found in.
     */
    public static final Comparator<RuleMatch> EVENT_TIME_ORDER = Comparator
            .comparing((RuleMatch match) -> match.event().time().orElse(Instant.MIN))
            .thenComparing(match -> match.event().origin().organisation())
            .thenComparing(match -> match.event().origin().host())
            .thenComparing(match -> match.event().position().file())
            .thenComparing(match -> match.event().position().unit())
            .thenComparingLong(match -> match.event().position().index())
            .thenComparing(RuleMatch::ruleId);

    public RuleMatch
    {
        checkNotBlank(ruleId, "ruleId");
        requireNonNull(event, "event is null");
        matchedFields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(matchedFields, "matchedFields is null")));
    }

    public static RuleMatch of(SigmaRule rule, Event event, Map<String, String> matchedFields)
    {
        return new RuleMatch(requireNonNull(rule, "rule is null").id(), event, matchedFields);
    }
}
