package dev.tradecraft.sigma.logsource;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way events can belong to a rule logsource (e.g. process creation as Sysmon event 1, or as
 * Security event 4688), with the field renames that apply to events of this kind only.
 *
 * @param name for explanations, e.g. {@code process_creation/security}
 * @param anyOf the event must meet at least one requirement
 * @param renames rule field name to event field name
 */
public record MappingAlternative(String name, List<EventRequirement> anyOf, Map<String, String> renames)
{
    public MappingAlternative
    {
        requireNonNull(name, "name is null");
        anyOf = List.copyOf(requireNonNull(anyOf, "anyOf is null"));
        checkArgument(!anyOf.isEmpty(), "alternative %s has no event requirement", name);
        renames = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(renames, "renames is null")));
    }

    public boolean accepts(Event event)
    {
        for (int i = 0; i < anyOf.size(); i++) {
            if (anyOf.get(i).matches(event)) {
                return true;
            }
        }
        return false;
    }

    /** The event field a rule field reads under this alternative. */
    public String eventField(String ruleField)
    {
        return renames.getOrDefault(ruleField, ruleField);
    }

    @Override
    public String toString()
    {
        return name + ": " + anyOf + (renames.isEmpty() ? "" : " renames " + renames);
    }
}
