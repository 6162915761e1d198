package dev.tradecraft.sigma.logsource;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A rule logsource and the alternatives (OR) that define its events.
 *
 * @param source the mapping file or resource, for explanations
 * @param line where the entry starts
 */
public record MappingEntry(String name, LogsourcePattern logsource, List<MappingAlternative> alternatives, String source, int line)
{
    public MappingEntry
    {
        requireNonNull(name, "name is null");
        requireNonNull(logsource, "logsource is null");
        alternatives = List.copyOf(requireNonNull(alternatives, "alternatives is null"));
        checkArgument(!alternatives.isEmpty(), "entry %s has no alternatives", name);
        requireNonNull(source, "source is null");
        checkArgument(line >= 0, "line is negative: %s", line);
    }
}
