package dev.tradecraft.sigma.rule;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named search of a detection ({@code selection}, {@code filter_main}, {@code keywords}...):
 * holds when any of its groups holds. A map is one group; a list of maps is one group per map;
 * a list of plain values is one keyword group.
 *
 * @param line 1-based line of the name
 */
public record SearchIdentifier(String name, int line, List<DetectionGroup> groups)
{
    public SearchIdentifier
    {
        checkNotBlank(name, "name");
        checkArgument(line >= 0, "line is negative: %s", line);
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        checkArgument(!groups.isEmpty(), "groups is empty");
    }
}
