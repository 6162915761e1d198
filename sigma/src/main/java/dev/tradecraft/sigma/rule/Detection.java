package dev.tradecraft.sigma.rule;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.condition.Condition;
import dev.tradecraft.sigma.value.FieldRefValue;
import dev.tradecraft.sigma.value.SigmaValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's detection: its search identifiers in file order and its condition.
 *
 * @param identifiers by name, in file order
 * @param conditionText the condition(s) as written; several are OR-ed
 * @param condition the condition resolved against the identifiers: only And, Or, Not and Ref
 */
public record Detection(Map<String, SearchIdentifier> identifiers, List<String> conditionText, Condition condition)
{
    public Detection
    {
        requireNonNull(identifiers, "identifiers is null");
        checkArgument(!identifiers.isEmpty(), "identifiers is empty");
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        conditionText = List.copyOf(requireNonNull(conditionText, "conditionText is null"));
        requireNonNull(condition, "condition is null");
    }

    /** The field names the detection refers to (including field references), in rule order, once each. */
    public List<String> fields()
    {
        Set<String> fields = new LinkedHashSet<>();
        for (SearchIdentifier identifier : identifiers.values()) {
            for (DetectionGroup group : identifier.groups()) {
                for (DetectionItem item : group.items()) {
                    item.field().ifPresent(fields::add);
                    for (List<SigmaValue> alternatives : item.values()) {
                        for (SigmaValue value : alternatives) {
                            if (value instanceof FieldRefValue ref) {
                                fields.add(ref.field());
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(new ArrayList<>(fields));
    }
}
