package dev.tradecraft.sigma;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.logsource.EventRequirement;
import dev.tradecraft.sigma.logsource.FieldRequirement;
import dev.tradecraft.sigma.logsource.MappingAlternative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the logsource alternatives an event belongs to without checking every one: event
 * requirements are indexed by the values they demand of the two fields most requirements name
 * (with the built-in mappings, Channel and EventID), so an event meets only the requirements filed
 * under its own values, plus the few that name neither field. Those are then checked in full.
 * Which fields to index on is read from the mappings, not assumed. Immutable.
 */
final class LogsourceDispatch
{
    private final String first;
    private final String second;
    // Keys compare ignoring case, as FieldRequirement does.
    private final Map<String, Map<String, Candidate[]>> both;
    private final Map<String, Candidate[]> firstOnly;
    private final Map<String, Candidate[]> secondOnly;
    private final Candidate[] neither;

    /**
     * @param keyed whether the requirement asks nothing but the values it is filed under, so being
     *        found under the event's values is the whole check
     */
    private record Candidate(int slot, EventRequirement requirement, boolean keyed) {}

    private LogsourceDispatch(String first, String second, Map<String, Map<String, Candidate[]>> both, Map<String, Candidate[]> firstOnly,
            Map<String, Candidate[]> secondOnly, Candidate[] neither)
    {
        this.first = first;
        this.second = second;
        this.both = both;
        this.firstOnly = firstOnly;
        this.secondOnly = secondOnly;
        this.neither = neither;
    }

    static LogsourceDispatch of(MappingAlternative[] slots)
    {
        Map<String, Integer> named = new HashMap<>();
        for (MappingAlternative slot : slots) {
            for (EventRequirement requirement : slot.anyOf()) {
                for (FieldRequirement field : requirement.fields()) {
                    named.merge(field.field(), 1, Integer::sum);
                }
            }
        }
        List<String> byUse = new ArrayList<>(named.keySet());
        byUse.sort((a, b) -> named.get(a).equals(named.get(b)) ? a.compareTo(b) : Integer.compare(named.get(b), named.get(a)));
        String first = byUse.isEmpty() ? null : byUse.get(0);
        String second = byUse.size() < 2 ? null : byUse.get(1);

        Map<String, Map<String, List<Candidate>>> both = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<Candidate>> firstOnly = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<Candidate>> secondOnly = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Candidate> neither = new ArrayList<>();
        for (int slot = 0; slot < slots.length; slot++) {
            for (EventRequirement requirement : slots[slot].anyOf()) {
                List<String> firstValues = values(requirement, first);
                List<String> secondValues = values(requirement, second);
                Candidate candidate = new Candidate(slot, requirement, keyedOnly(requirement, firstValues != null ? first : null, secondValues != null ? second : null));
                if (firstValues != null && secondValues != null) {
                    for (String one : firstValues) {
                        for (String two : secondValues) {
                            both.computeIfAbsent(one, key -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                                    .computeIfAbsent(two, key -> new ArrayList<>()).add(candidate);
                        }
                    }
                }
                else if (firstValues != null) {
                    for (String one : firstValues) {
                        firstOnly.computeIfAbsent(one, key -> new ArrayList<>()).add(candidate);
                    }
                }
                else if (secondValues != null) {
                    for (String two : secondValues) {
                        secondOnly.computeIfAbsent(two, key -> new ArrayList<>()).add(candidate);
                    }
                }
                else {
                    neither.add(candidate);
                }
            }
        }
        Map<String, Map<String, Candidate[]>> bothArrays = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        both.forEach((key, inner) -> bothArrays.put(key, arrays(inner)));
        return new LogsourceDispatch(first, second, bothArrays, arrays(firstOnly), arrays(secondOnly), neither.toArray(new Candidate[0]));
    }

    /**
     * Marks the slots whose alternative accepts the event.
     *
     * @param accepted one flag per slot, all false on entry
     * @param acceptedSlots receives the accepted slots, in no particular order
     * @return how many slots were accepted
     */
    int accept(Event event, boolean[] accepted, int[] acceptedSlots)
    {
        EventFields fields = event.fields();
        String firstValue = first == null ? null : fields.get(first);
        String secondValue = second == null ? null : fields.get(second);
        int count = 0;
        if (firstValue != null) {
            if (secondValue != null) {
                Map<String, Candidate[]> inner = both.get(firstValue);
                if (inner != null) {
                    count = check(inner.get(secondValue), event, accepted, acceptedSlots, count);
                }
            }
            count = check(firstOnly.get(firstValue), event, accepted, acceptedSlots, count);
        }
        if (secondValue != null) {
            count = check(secondOnly.get(secondValue), event, accepted, acceptedSlots, count);
        }
        return check(neither, event, accepted, acceptedSlots, count);
    }

    private static int check(Candidate[] candidates, Event event, boolean[] accepted, int[] acceptedSlots, int count)
    {
        if (candidates == null) {
            return count;
        }
        for (Candidate candidate : candidates) {
            if (!accepted[candidate.slot] && (candidate.keyed || candidate.requirement.matches(event))) {
                accepted[candidate.slot] = true;
                acceptedSlots[count++] = candidate.slot;
            }
        }
        return count;
    }

    /** Whether the requirement names exactly the given fields (null: not that one), once each, and nothing else. */
    private static boolean keyedOnly(EventRequirement requirement, String first, String second)
    {
        if (!requirement.absent().isEmpty() || !requirement.logsource().equals(Logsource.UNSTATED)) {
            return false;
        }
        int expected = (first != null ? 1 : 0) + (second != null ? 1 : 0);
        if (requirement.fields().size() != expected) {
            return false;
        }
        for (FieldRequirement field : requirement.fields()) {
            if (!field.field().equals(first) && !field.field().equals(second)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(EventRequirement requirement, String field)
    {
        if (field == null) {
            return null;
        }
        for (FieldRequirement candidate : requirement.fields()) {
            if (candidate.field().equals(field)) {
                return candidate.anyOf();
            }
        }
        return null;
    }

    private static Map<String, Candidate[]> arrays(Map<String, List<Candidate>> lists)
    {
        Map<String, Candidate[]> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lists.forEach((key, list) -> result.put(key, list.toArray(new Candidate[0])));
        return result;
    }
}
