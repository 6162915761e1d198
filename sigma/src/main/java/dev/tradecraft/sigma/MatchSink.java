package dev.tradecraft.sigma;

import java.util.Map;

/** Receives the rules that matched one event. */
@FunctionalInterface
public interface MatchSink
{
    /**
     * Called once per matching rule, on the thread that called {@link SigmaRuleset#match}.
     *
     * @param matchedFields rule field name to the event's value for the fields the rule refers to
     *        and the event has, in rule order; for keyword searches, the event fields whose value
     *        matched. Unmodifiable.
     */
    void matched(SigmaRule rule, Map<String, String> matchedFields);
}
