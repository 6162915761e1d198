package dev.tradecraft.sigma.correlation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Event;

/**
 * The live windows of one correlation in a session: one per group (organisation and group-by
 * values), each holding the matches of the last timespan. A group whose newest match has left the
 * window is forgotten, so memory follows the window, not the input.
 */
final class CorrelationState
{
    private final SigmaCorrelation correlation;
    private final Map<String, Integer> upstreams = new LinkedHashMap<>();
    // Access order: the least recently fed group is first, so stale groups are found from the head.
    private final LinkedHashMap<List<String>, Group> groups = new LinkedHashMap<>(16, 0.75f, true);
    private long retained;

    private static final class Group
    {
        final Deque<WindowEntry> window = new ArrayDeque<>();
        final Aggregator aggregator;
        boolean held;

        Group(Aggregator aggregator)
        {
            this.aggregator = aggregator;
        }
    }

    CorrelationState(SigmaCorrelation correlation)
    {
        this.correlation = correlation;
        for (String rule : correlation.rules()) {
            upstreams.put(rule, upstreams.size());
        }
    }

    SigmaCorrelation correlation()
    {
        return correlation;
    }

    boolean references(String id)
    {
        return upstreams.containsKey(id);
    }

    int groups()
    {
        return groups.size();
    }

    long retained()
    {
        return retained;
    }

    /**
     * Takes one match of a referenced rule (at or after every earlier one in time) and returns the
     * hit it completes, if any.
     *
     * @param fields the match's own fields, looked at before the event's (for a chained
     *        correlation they are the group and value of the referenced correlation's hit)
     */
    Optional<CorrelationHit> offer(String upstreamId, Event event, Instant time, Map<String, String> fields)
    {
        Instant cutoff = time.minus(correlation.timespan().duration());
        forgetStaleGroups(cutoff);
        Map<String, String> groupValues = new LinkedHashMap<>();
        List<String> key = new ArrayList<>(correlation.groupBy().size() + 1);
        // Groups never span organisations: the same user name at two customers is two users.
        key.add(event.origin().organisation());
        for (String entry : correlation.groupBy()) {
            String value = lookup(correlation.fieldFor(entry, upstreamId), fields, event);
            if (value == null) {
                // As in a SIEM's "stats by": a match without a group value belongs to no group.
                return Optional.empty();
            }
            key.add(value);
            groupValues.put(entry, value);
        }
        String value = null;
        double number = Double.NaN;
        if (correlation.type().needsField()) {
            value = lookup(correlation.condition().field().orElseThrow(), fields, event);
            if (value == null) {
                return Optional.empty();
            }
            if (correlation.type() != CorrelationType.VALUE_COUNT) {
                number = CorrelationValues.number(value);
                if (Double.isNaN(number)) {
                    return Optional.empty();
                }
            }
        }
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(Aggregator.of(correlation.type(), upstreams.size()));
            groups.put(List.copyOf(key), group);
        }
        evict(group, cutoff);
        WindowEntry entry = new WindowEntry(time, upstreams.get(upstreamId), value, number);
        group.window.addLast(entry);
        group.aggregator.add(entry);
        retained++;
        double aggregate = group.aggregator.value(entry, group.window);
        boolean holds = correlation.condition().test(aggregate);
        boolean report = holds && (group.aggregator.judgesEachMatch() || !group.held);
        group.held = holds;
        if (!report) {
            return Optional.empty();
        }
        groupValues.put(correlation.type().sigmaName(), CorrelationValues.format(aggregate));
        return Optional.of(new CorrelationHit(correlation, event, groupValues, aggregate));
    }

    private void forgetStaleGroups(Instant cutoff)
    {
        Iterator<Group> oldestFirst = groups.values().iterator();
        while (oldestFirst.hasNext()) {
            Group group = oldestFirst.next();
            if (!group.window.isEmpty() && !group.window.peekLast().time().isBefore(cutoff)) {
                return;
            }
            retained -= group.window.size();
            oldestFirst.remove();
        }
    }

    /** An entry exactly one timespan old is still inside: "within 10m" includes 10m. */
    private void evict(Group group, Instant cutoff)
    {
        while (!group.window.isEmpty() && group.window.peekFirst().time().isBefore(cutoff)) {
            group.aggregator.remove(group.window.removeFirst());
            retained--;
        }
    }

    private static String lookup(String field, Map<String, String> fields, Event event)
    {
        String value = fields.get(field);
        return value != null ? value : event.field(field);
    }
}
