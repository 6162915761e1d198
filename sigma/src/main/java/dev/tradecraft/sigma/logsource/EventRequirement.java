package dev.tradecraft.sigma.logsource;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;

import java.util.ArrayList;
import java.util.List;

/**
 * What one kind of event looks like: stated components of {@link Event#logsource()}, field
 * values, and fields that must be absent; all must hold.
 *
 * @param logsource components that must equal the event's; empty components are not checked
 */
public record EventRequirement(Logsource logsource, List<FieldRequirement> fields, List<String> absent)
{
    public EventRequirement
    {
        requireNonNull(logsource, "logsource is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        absent = List.copyOf(requireNonNull(absent, "absent is null"));
    }

    public boolean matches(Event event)
    {
        Logsource actual = event.logsource();
        if (!component(logsource.product(), actual.product())
                || !component(logsource.category(), actual.category())
                || !component(logsource.service(), actual.service())) {
            return false;
        }
        EventFields values = event.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldRequirement requirement = fields.get(i);
            if (!requirement.matches(values.get(requirement.field()))) {
                return false;
            }
        }
        for (int i = 0; i < absent.size(); i++) {
            if (values.contains(absent.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Both requirements at once, or null when they contradict on a logsource component.
     */
    public EventRequirement and(EventRequirement other)
    {
        String product = merge(logsource.product(), other.logsource.product());
        String category = merge(logsource.category(), other.logsource.category());
        String service = merge(logsource.service(), other.logsource.service());
        if (product == null || category == null || service == null) {
            return null;
        }
        List<FieldRequirement> allFields = new ArrayList<>(fields);
        allFields.addAll(other.fields);
        List<String> allAbsent = new ArrayList<>(absent);
        allAbsent.addAll(other.absent);
        return new EventRequirement(new Logsource(product, category, service), allFields, allAbsent);
    }

    private static String merge(String first, String second)
    {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty() || first.equals(second)) {
            return first;
        }
        return null;
    }

    private static boolean component(String required, String actual)
    {
        return required.isEmpty() || required.equals(actual);
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        if (!logsource.equals(Logsource.UNSTATED)) {
            out.append("event ").append(logsource);
        }
        for (FieldRequirement field : fields) {
            out.append(out.length() > 0 ? ", " : "").append(field);
        }
        for (String field : absent) {
            out.append(out.length() > 0 ? ", " : "").append("no ").append(field);
        }
        return out.length() == 0 ? "any event" : out.toString();
    }
}
