package dev.tradecraft.sigma.rule;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.modifier.Modifier;
import dev.tradecraft.sigma.value.SigmaValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code field|modifiers: values} entry of a detection map, or a keyword search (no field).
 *
 * @param field the rule's field name; empty for a keyword search over all of the event's values
 * @param key the YAML key as written, e.g. {@code CommandLine|contains|all}
 * @param modifiers the modifiers, in order
 * @param all the value entries are AND-ed ({@code |all}) instead of OR-ed
 * @param negated the item is negated ({@code |neq})
 * @param values one entry per YAML value; each entry is the OR of the alternatives that value
 *        became (windash and base64offset make several)
 * @param line 1-based line of the key
 */
public record DetectionItem(
        Optional<String> field,
        String key,
        List<Modifier> modifiers,
        boolean all,
        boolean negated,
        List<List<SigmaValue>> values,
        int line)
{
    public DetectionItem
    {
        requireNonNull(field, "field is null");
        requireNonNull(key, "key is null");
        modifiers = List.copyOf(requireNonNull(modifiers, "modifiers is null"));
        requireNonNull(values, "values is null");
        checkArgument(!values.isEmpty(), "values is empty");
        List<List<SigmaValue>> copy = new ArrayList<>(values.size());
        for (List<SigmaValue> alternatives : values) {
            checkArgument(!alternatives.isEmpty(), "a value has no alternatives");
            copy.add(List.copyOf(alternatives));
        }
        values = List.copyOf(copy);
        checkArgument(line >= 0, "line is negative: %s", line);
    }

    public boolean isKeyword()
    {
        return field.isEmpty();
    }
}
