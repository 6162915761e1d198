package dev.tradecraft.sigma.logsource;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** The event's field must equal one of the values, ignoring case. */
public record FieldRequirement(String field, List<String> anyOf)
{
    public FieldRequirement
    {
        checkNotBlank(field, "field");
        anyOf = List.copyOf(requireNonNull(anyOf, "anyOf is null"));
        checkArgument(!anyOf.isEmpty(), "anyOf is empty for field %s", field);
    }

    public boolean matches(String value)
    {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < anyOf.size(); i++) {
            if (anyOf.get(i).equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString()
    {
        return field + (anyOf.size() == 1 ? "=" + anyOf.get(0) : " in " + anyOf);
    }
}
