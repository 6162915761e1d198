package dev.tradecraft.sigma.logsource;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.sigma.yaml.YamlNodes;
import dev.tradecraft.sigma.yaml.YamlShapeException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a logsource mapping file (format described in the built-in
 * {@code dev/tradecraft/sigma/logsources.yml}). Strict: an unknown key or a wrong shape is an
 * error with its line, because a typo in a mapping silently changes which events rules see.
 */
public final class MappingsParser
{
    private static final Set<String> TOP_KEYS = Set.of("sources", "mappings");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "logsource", "alternatives");
    private static final Set<String> ALTERNATIVE_KEYS = Set.of("name", "source", "event", "fields", "absent", "renames");
    private static final Set<String> REQUIREMENT_KEYS = Set.of("event", "fields", "absent");
    private static final Set<String> LOGSOURCE_KEYS = Set.of("product", "category", "service");

    private final String source;
    private final Map<String, List<EventRequirement>> sources;

    private MappingsParser(String source, Map<String, List<EventRequirement>> knownSources)
    {
        this.source = source;
        this.sources = new LinkedHashMap<>(knownSources);
    }

    /**
     * @param knownSources named sources the file may use without defining them (the built-in ones)
     */
    public static ParsedMappings parse(String source, String text, Map<String, List<EventRequirement>> knownSources)
            throws SigmaException
    {
        requireNonNull(source, "source is null");
        requireNonNull(text, "text is null");
        requireNonNull(knownSources, "knownSources is null");
        MappingsParser parser = new MappingsParser(source, knownSources);
        try {
            return parser.parseDocument(text);
        }
        catch (YamlShapeException e) {
            throw new SigmaException(source, e.line(), e.getMessage());
        }
        catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new SigmaException(source, line, "YAML syntax error: " + e.getProblem());
        }
        catch (YamlEngineException e) {
            throw new SigmaException(source, 0, "YAML error: " + e.getMessage());
        }
    }

    private ParsedMappings parseDocument(String text)
            throws YamlShapeException
    {
        Iterator<Node> documents = YamlNodes.documents(source, text);
        if (!documents.hasNext()) {
            throw new YamlShapeException(0, "empty mapping file");
        }
        Node document = documents.next();
        if (documents.hasNext()) {
            throw new YamlShapeException(YamlNodes.line(documents.next()), "a mapping file holds one YAML document");
        }
        Map<String, NodeTuple> top = checkedEntries(YamlNodes.mapping(document, "mapping file"), TOP_KEYS, "mapping file");
        Map<String, List<EventRequirement>> defined = new LinkedHashMap<>();
        NodeTuple sourcesTuple = top.get("sources");
        if (sourcesTuple != null) {
            Map<String, NodeTuple> named = YamlNodes.entries(YamlNodes.mapping(sourcesTuple.getValueNode(), "sources"));
            for (Map.Entry<String, NodeTuple> entry : named.entrySet()) {
                List<EventRequirement> requirements = requirements(entry.getValue().getValueNode(), "source '" + entry.getKey() + "'");
                sources.put(entry.getKey(), requirements);
                defined.put(entry.getKey(), requirements);
            }
        }
        NodeTuple mappingsTuple = top.get("mappings");
        if (mappingsTuple == null) {
            throw new YamlShapeException(YamlNodes.line(document), "mapping file has no 'mappings' list");
        }
        if (!(mappingsTuple.getValueNode() instanceof SequenceNode list)) {
            throw new YamlShapeException(YamlNodes.line(mappingsTuple.getValueNode()), "'mappings' must be a list");
        }
        List<MappingEntry> entries = new ArrayList<>();
        for (Node node : list.getValue()) {
            entries.add(entry(node, entries.size() + 1));
        }
        return new ParsedMappings(defined, entries);
    }

    private MappingEntry entry(Node node, int index)
            throws YamlShapeException
    {
        Map<String, NodeTuple> fields = checkedEntries(YamlNodes.mapping(node, "mapping entry " + index), ENTRY_KEYS, "mapping entry");
        String name = fields.containsKey("name") ? YamlNodes.scalar(fields.get("name").getValueNode(), "name") : "entry " + index;
        NodeTuple logsourceTuple = fields.get("logsource");
        if (logsourceTuple == null) {
            throw new YamlShapeException(YamlNodes.line(node), "mapping '" + name + "' has no logsource");
        }
        Map<String, NodeTuple> logsource = checkedEntries(YamlNodes.mapping(logsourceTuple.getValueNode(), "logsource"), LOGSOURCE_KEYS, "logsource");
        LogsourcePattern pattern = new LogsourcePattern(text(logsource, "product"), text(logsource, "category"), text(logsource, "service"));
        NodeTuple alternativesTuple = fields.get("alternatives");
        if (alternativesTuple == null || !(alternativesTuple.getValueNode() instanceof SequenceNode alternativesList)
                || alternativesList.getValue().isEmpty()) {
            throw new YamlShapeException(YamlNodes.line(node), "mapping '" + name + "' needs a non-empty 'alternatives' list");
        }
        List<MappingAlternative> alternatives = new ArrayList<>();
        for (Node alternative : alternativesList.getValue()) {
            alternatives.add(alternative(alternative, name, alternatives.size() + 1));
        }
        return new MappingEntry(name, pattern, alternatives, source, YamlNodes.line(node));
    }

    private MappingAlternative alternative(Node node, String entryName, int index)
            throws YamlShapeException
    {
        Map<String, NodeTuple> fields = checkedEntries(YamlNodes.mapping(node, "alternative"), ALTERNATIVE_KEYS, "alternative");
        String name = entryName + "/" + (fields.containsKey("name") ? YamlNodes.scalar(fields.get("name").getValueNode(), "name") : String.valueOf(index));
        EventRequirement own = requirement(fields, name);
        List<EventRequirement> anyOf = new ArrayList<>();
        if (fields.containsKey("source")) {
            Node sourceNode = fields.get("source").getValueNode();
            String sourceName = YamlNodes.scalar(sourceNode, "source");
            List<EventRequirement> base = sources.get(sourceName);
            if (base == null) {
                throw new YamlShapeException(YamlNodes.line(sourceNode), "unknown source '" + sourceName + "' (known: " + String.join(", ", sources.keySet()) + ")");
            }
            for (EventRequirement requirement : base) {
                EventRequirement merged = requirement.and(own);
                if (merged == null) {
                    throw new YamlShapeException(YamlNodes.line(node), "alternative '" + name + "' contradicts source '" + sourceName + "' on the event logsource");
                }
                anyOf.add(merged);
            }
        }
        else {
            anyOf.add(own);
        }
        Map<String, String> renames = new LinkedHashMap<>();
        if (fields.containsKey("renames")) {
            Map<String, NodeTuple> pairs = YamlNodes.entries(YamlNodes.mapping(fields.get("renames").getValueNode(), "renames"));
            for (Map.Entry<String, NodeTuple> pair : pairs.entrySet()) {
                renames.put(pair.getKey(), YamlNodes.scalar(pair.getValue().getValueNode(), "rename of " + pair.getKey()));
            }
        }
        return new MappingAlternative(name, anyOf, renames);
    }

    private List<EventRequirement> requirements(Node node, String what)
            throws YamlShapeException
    {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new YamlShapeException(YamlNodes.line(node), what + " must be a non-empty list of alternatives");
        }
        List<EventRequirement> result = new ArrayList<>();
        for (Node item : list.getValue()) {
            result.add(requirement(checkedEntries(YamlNodes.mapping(item, what + " alternative"), REQUIREMENT_KEYS, what), what));
        }
        return result;
    }

    private EventRequirement requirement(Map<String, NodeTuple> fields, String what)
            throws YamlShapeException
    {
        Logsource logsource = Logsource.UNSTATED;
        if (fields.containsKey("event")) {
            Map<String, NodeTuple> event = checkedEntries(YamlNodes.mapping(fields.get("event").getValueNode(), "event"), LOGSOURCE_KEYS, "event");
            logsource = new Logsource(text(event, "product"), text(event, "category"), text(event, "service"));
        }
        List<FieldRequirement> required = new ArrayList<>();
        if (fields.containsKey("fields")) {
            Map<String, NodeTuple> values = YamlNodes.entries(YamlNodes.mapping(fields.get("fields").getValueNode(), "fields"));
            for (Map.Entry<String, NodeTuple> value : values.entrySet()) {
                List<String> anyOf = YamlNodes.scalars(value.getValue().getValueNode(), "field " + value.getKey());
                if (anyOf.isEmpty()) {
                    throw new YamlShapeException(YamlNodes.line(value.getValue().getKeyNode()), what + ": field " + value.getKey() + " has no value");
                }
                required.add(new FieldRequirement(value.getKey(), anyOf));
            }
        }
        List<String> absent = fields.containsKey("absent") ? YamlNodes.scalars(fields.get("absent").getValueNode(), "absent") : List.of();
        return new EventRequirement(logsource, required, absent);
    }

    private static String text(Map<String, NodeTuple> fields, String key)
            throws YamlShapeException
    {
        NodeTuple tuple = fields.get(key);
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
            return "";
        }
        return YamlNodes.scalar(tuple.getValueNode(), key);
    }

    private static Map<String, NodeTuple> checkedEntries(MappingNode mapping, Set<String> allowed, String what)
            throws YamlShapeException
    {
        Map<String, NodeTuple> entries = YamlNodes.entries(mapping);
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new YamlShapeException(YamlNodes.line(entry.getValue().getKeyNode()),
                        "unknown key '" + entry.getKey() + "' in " + what + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return entries;
    }
}
