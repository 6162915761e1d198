package dev.tradecraft.sigma.logsource;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of one mapping file.
 *
 * @param sources the named sources it defines
 * @param entries its mapping entries, in file order
 */
public record ParsedMappings(Map<String, List<EventRequirement>> sources, List<MappingEntry> entries)
{
    public ParsedMappings
    {
        Map<String, List<EventRequirement>> copy = new LinkedHashMap<>();
        requireNonNull(sources, "sources is null").forEach((name, requirements) -> copy.put(name, List.copyOf(requirements)));
        sources = Collections.unmodifiableMap(copy);
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }
}
