package dev.tradecraft.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tradecraft.core.Event;

/**
 * A correlation that matched: the group, the aggregated value and the event that completed it.
 *
 * @param event the match that made the condition true; the hit's time and position are its
 * @param fields the group-by fields (alias names where the correlation uses aliases) with the
 *        group's values, then the correlation type's name ({@code event_count}, …) with the aggregated value
 * @param value the aggregated value the condition held for
 */
public record CorrelationHit(SigmaCorrelation correlation, Event event, Map<String, String> fields, double value)
{
    public CorrelationHit
    {
        requireNonNull(correlation, "correlation is null");
        requireNonNull(event, "event is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
    }
}
