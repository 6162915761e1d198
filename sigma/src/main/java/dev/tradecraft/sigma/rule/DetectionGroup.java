package dev.tradecraft.sigma.rule;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** Items that must all hold: one YAML map of a search identifier, or its keyword list. */
public record DetectionGroup(List<DetectionItem> items)
{
    public DetectionGroup
    {
        items = List.copyOf(requireNonNull(items, "items is null"));
        checkArgument(!items.isEmpty(), "items is empty");
    }
}
