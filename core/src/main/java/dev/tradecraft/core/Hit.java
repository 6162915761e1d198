package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A rule or indicator that matched an event. Hits are evidence: through the event they always point
 * back to organisation, host, file and position.
 *
 * @param rule what matched
 * @param event the event it matched
 * @param matchedFields the fields the rule looked at, with the event's values, in rule order
 */
public record Hit(RuleRef rule, Event event, Map<String, String> matchedFields)
{
    public Hit
    {
        requireNonNull(rule, "rule is null");
        requireNonNull(event, "event is null");
        matchedFields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(matchedFields, "matchedFields is null")));
    }

    public Origin origin()
    {
        return event.origin();
    }

    public SourcePosition position()
    {
        return event.position();
    }

    public Optional<Instant> time()
    {
        return event.time();
    }
}
