package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A hit as shown: rule, where, when and the fields that matched (attacker-controlled text).
 *
 * @param position e.g. {@code line 12} or {@code record 4711}
 * @param matched the fields the rule matched
 * @param context the event's fields a responder reads first (request, client, process), matched or not
 */
public record HitRow(String ruleId, String kind, String title, String level, String organisation, String host, String file, String position,
        Optional<Instant> time, Map<String, String> matched, Map<String, String> context)
{
    public HitRow
    {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(title, "title is null");
        requireNonNull(level, "level is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(host, "host is null");
        requireNonNull(file, "file is null");
        requireNonNull(position, "position is null");
        requireNonNull(time, "time is null");
        matched = Map.copyOf(matched);
        context = Map.copyOf(context);
    }
}
