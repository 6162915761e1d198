package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.logsource.EventRequirement;
import dev.tradecraft.sigma.logsource.MappingAlternative;
import dev.tradecraft.sigma.logsource.MappingEntry;
import dev.tradecraft.sigma.logsource.MappingsParser;
import dev.tradecraft.sigma.logsource.ParsedMappings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events a rule's logsource selects, and how its field names read under each kind of event.
 * Mappings are data: the built-in set covers web server logs and the Windows categories and
 * services of SigmaHQ's thor.yml; user files in the same format add entries. Immutable.
 */
public final class LogsourceMappings
{
    private static final String BUILT_IN_RESOURCE = "logsources.yml";

    private final Map<String, List<EventRequirement>> sources;
    private final List<MappingEntry> entries;

    private LogsourceMappings(Map<String, List<EventRequirement>> sources, List<MappingEntry> entries)
    {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.entries = List.copyOf(entries);
    }

    /** The mappings shipped in this module ({@code dev/tradecraft/sigma/logsources.yml}). */
    public static LogsourceMappings builtIn()
    {
        return BuiltIn.INSTANCE;
    }

    /**
     * Reads a user mapping file. It may use the built-in named sources ({@code sysmon},
     * {@code security}, ...) without defining them.
     */
    public static LogsourceMappings load(Path yaml)
            throws SigmaException
    {
        requireNonNull(yaml, "yaml is null");
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        }
        catch (IOException | UncheckedIOException e) {
            throw new SigmaException(yaml.toString(), 0, "cannot read mapping file: " + e.getMessage(), e);
        }
        return parse(yaml.toString(), text);
    }

    /** Mappings from text in the file format; for resources and tests. */
    static LogsourceMappings parse(String source, String text)
            throws SigmaException
    {
        ParsedMappings parsed = MappingsParser.parse(source, text, builtIn().sources);
        return new LogsourceMappings(parsed.sources(), parsed.entries());
    }

    /** These entries followed by {@code more}'s; a rule logsource matched by both gets the alternatives of both. */
    public LogsourceMappings plus(LogsourceMappings more)
    {
        requireNonNull(more, "more is null");
        Map<String, List<EventRequirement>> allSources = new LinkedHashMap<>(sources);
        allSources.putAll(more.sources);
        List<MappingEntry> allEntries = new ArrayList<>(entries);
        allEntries.addAll(more.entries);
        return new LogsourceMappings(allSources, allEntries);
    }

    public List<MappingEntry> entries()
    {
        return entries;
    }

    /** The ways an event can belong to this rule logsource, from every entry that covers it; empty when none does. */
    public List<MappingAlternative> alternativesFor(Logsource ruleLogsource)
    {
        requireNonNull(ruleLogsource, "ruleLogsource is null");
        List<MappingAlternative> result = new ArrayList<>();
        for (MappingEntry entry : entries) {
            if (entry.logsource().matches(ruleLogsource)) {
                result.addAll(entry.alternatives());
            }
        }
        return result;
    }

    @Override
    public String toString()
    {
        return "LogsourceMappings(" + entries.size() + " entries)";
    }

    // Loaded on first use; a broken built-in resource is a build defect, not an input problem.
    private static final class BuiltIn
    {
        static final LogsourceMappings INSTANCE = load();

        private static LogsourceMappings load()
        {
            try (InputStream in = LogsourceMappings.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("built-in resource missing: " + BUILT_IN_RESOURCE);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                ParsedMappings parsed = MappingsParser.parse("builtin:" + BUILT_IN_RESOURCE, text, Map.of());
                return new LogsourceMappings(parsed.sources(), parsed.entries());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in " + BUILT_IN_RESOURCE, e);
            }
            catch (SigmaException e) {
                throw new IllegalStateException("built-in logsource mappings are broken: " + e.getMessage(), e);
            }
        }
    }
}
