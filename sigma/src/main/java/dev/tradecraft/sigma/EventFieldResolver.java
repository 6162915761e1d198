package dev.tradecraft.sigma;

import dev.tradecraft.core.EventFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the values of all the fields a ruleset reads in one pass over an event's fields, with
 * {@link EventFields#get}'s rule (the field of exactly that name, else the first whose name is equal
 * ignoring case). Asking the event field by field costs a scan of its names per field (events read
 * from JSON carry no name index), and a rule set reads dozens of fields, most of them absent.
 * Thread-safe: what it learns of names is kept in a concurrent map.
 */
final class EventFieldResolver
{
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Integer> exact;
    // Compared as String.equalsIgnoreCase compares, so no lower-cased copy of a name is made.
    private final Map<String, int[]> ignoringCase;
    private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

    EventFieldResolver(String[] fieldNames)
    {
        Map<String, Integer> exact = new HashMap<>(fieldNames.length * 2);
        Map<String, List<Integer>> ignoringCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int id = 0; id < fieldNames.length; id++) {
            exact.put(fieldNames[id], id);
            ignoringCase.computeIfAbsent(fieldNames[id], name -> new ArrayList<>()).add(id);
        }
        Map<String, int[]> arrays = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ignoringCase.forEach((name, ids) -> arrays.put(name, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.exact = exact;
        this.ignoringCase = arrays;
    }

    /**
     * Stamps {@code generation} into {@code found} for every field id the event has a value for and
     * puts the value in {@code values}.
     */
    void resolve(EventFields fields, String[] values, int[] found, int generation)
    {
        for (int i = 0, size = fields.size(); i < size; i++) {
            Resolution resolution = resolution(fields.name(i));
            if (resolution.exact >= 0) {
                values[resolution.exact] = fields.value(i);
                found[resolution.exact] = generation;
            }
            for (int other : resolution.ignoringCase) {
                // An exact name wins wherever it stands; among the others, the first in the event.
                if (found[other] != generation) {
                    values[other] = fields.value(i);
                    found[other] = generation;
                }
            }
        }
    }

    /** What an event field name stands for, remembered: logs repeat a few names endlessly. */
    private Resolution resolution(String name)
    {
        Resolution known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Integer id = exact.get(name);
        int[] ids = ignoringCase.get(name);
        Resolution resolution = new Resolution(id == null ? -1 : id, ids == null ? new int[0] : ids);
        // Attacker-chosen names are unbounded; past the bound, names are simply looked up each time.
        if (resolved.size() < MAX_REMEMBERED) {
            resolved.put(name, resolution);
        }
        return resolution;
    }

    private record Resolution(int exact, int[] ignoringCase) {}
}
