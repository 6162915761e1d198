package dev.tradecraft.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the event field names a ruleset reads, so one event's field lookups can be cached in
 * arrays instead of repeated by every rule that reads the same field.
 */
final class FieldIds
{
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String eventField)
    {
        Integer id = ids.get(eventField);
        if (id == null) {
            id = names.size();
            ids.put(eventField, id);
            names.add(eventField);
        }
        return id;
    }

    String[] names()
    {
        return names.toArray(new String[0]);
    }
}
