package dev.tradecraft.sigma.rule;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.Placeholders;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.RuleStatus;
import dev.tradecraft.sigma.SigmaFilter;
import dev.tradecraft.sigma.SigmaRule;
import dev.tradecraft.sigma.condition.Condition;
import dev.tradecraft.sigma.condition.ConditionException;
import dev.tradecraft.sigma.condition.ConditionParser;
import dev.tradecraft.sigma.condition.ConditionResolver;
import dev.tradecraft.sigma.condition.Or;
import dev.tradecraft.sigma.correlation.CorrelationParser;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;
import dev.tradecraft.sigma.modifier.Modifier;
import dev.tradecraft.sigma.modifier.ModifierChain;
import dev.tradecraft.sigma.modifier.ModifierException;
import dev.tradecraft.sigma.modifier.RawValue;
import dev.tradecraft.sigma.value.SigmaValue;
import dev.tradecraft.sigma.yaml.YamlNodes;
import dev.tradecraft.sigma.yaml.YamlShapeException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns the YAML text of one rule file into rules and problems. Every document is tried; a
 * document with problems reports all it can find and is left out, the others load.
 *
 * <p>Correlation documents are read into {@link SigmaCorrelation}s whose references stay as
 * written; the loader resolves them against the whole rule set. Filter documents are read into
 * {@link SigmaFilter}s, and v1 collections ({@code action: global}) are merged into the rule
 * documents that follow them.
 */
public final class RuleParser
{
    /** Level of a rule that states none: the spec makes it optional, and the middle keeps such rules visible. */
    public static final Level DEFAULT_LEVEL = Level.MEDIUM;

    private final String source;
    private final Placeholders placeholders;
    private final List<SigmaRule> rules = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<SigmaFilter> filters = new ArrayList<>();
    private final List<SigmaCorrelation> correlations = new ArrayList<>();

    private RuleParser(String source, Placeholders placeholders)
    {
        this.source = source;
        this.placeholders = placeholders;
    }

    /**
     * Parses all documents of {@code text}.
     *
     * @param source the file or resource name, used in problems and as {@link SigmaRule#source()}
     */
    public static RuleLoadResult parse(String source, String text)
    {
        return parse(source, text, Placeholders.NONE);
    }

    /** As {@link #parse(String, String)}, expanding {@code |expand} values with the site's placeholder values. */
    public static RuleLoadResult parse(String source, String text, Placeholders placeholders)
    {
        requireNonNull(source, "source is null");
        requireNonNull(text, "text is null");
        requireNonNull(placeholders, "placeholders is null");
        RuleParser parser = new RuleParser(source, placeholders);
        parser.parseDocuments(text);
        return new RuleLoadResult(parser.rules, parser.problems, parser.filters, parser.correlations);
    }

    private void parseDocuments(String text)
    {
        Iterator<Node> documents = YamlNodes.documents(source, text);
        RuleCollection collection = new RuleCollection();
        int index = 0;
        while (true) {
            Node document;
            try {
                if (!documents.hasNext()) {
                    return;
                }
                document = documents.next();
            }
            catch (YamlEngineException e) {
                problems.add(new RuleProblem(source, errorLine(e), RuleProblemKind.BAD_YAML, yamlMessage(e)
                        + (index > 0 ? " (after document " + index + "; the rest of the file is skipped)" : "")));
                return;
            }
            catch (RuntimeException e) {
                // A defect in the YAML library must cost this file, not the whole rule set.
                problems.add(new RuleProblem(source, 0, RuleProblemKind.BAD_YAML, "YAML parser failed: " + e));
                return;
            }
            index++;
            Node rule = document;
            if (document instanceof MappingNode mapping) {
                Optional<RuleCollection.Action> action = RuleCollection.action(mapping);
                if (action.isEmpty()) {
                    problems.add(new RuleProblem(source, YamlNodes.line(document), RuleProblemKind.BAD_VALUE,
                            "document " + index + ": action must be global, reset or repeat (Sigma v1 rule collections)"));
                    continue;
                }
                try {
                    Optional<MappingNode> merged = collection.accept(mapping, action.get());
                    if (merged.isEmpty()) {
                        continue;
                    }
                    rule = merged.get();
                }
                catch (IllegalStateException e) {
                    problems.add(new RuleProblem(source, YamlNodes.line(document), RuleProblemKind.BAD_VALUE, "document " + index + ": " + e.getMessage()));
                    continue;
                }
            }
            if (!parseDocument(rule, index)) {
                return;
            }
        }
    }

    /** Returns false when the rest of the file must be skipped. */
    private boolean parseDocument(Node document, int index)
    {
        if (YamlNodes.isNull(document)) {
            return true;
        }
        int line = YamlNodes.line(document);
        if (!(document instanceof MappingNode mapping)) {
            problems.add(new RuleProblem(source, line, RuleProblemKind.NOT_A_RULE,
                    "document " + index + " is " + YamlNodes.describe(document) + ", not a Sigma rule"));
            return true;
        }
        Map<String, NodeTuple> entries;
        try {
            entries = YamlNodes.entries(mapping);
        }
        catch (YamlShapeException e) {
            problems.add(new RuleProblem(source, e.line(), RuleProblemKind.BAD_YAML, "document " + index + ": " + e.getMessage()));
            return true;
        }
        String title = optionalText(entries, "title");
        String id = optionalText(entries, "id");
        String label = label(title, id, index);
        if (entries.containsKey("correlation")) {
            CorrelationParser.parse(source, entries, line, label, problems).ifPresent(correlations::add);
            return true;
        }
        if (entries.containsKey("filter") && !entries.containsKey("detection")) {
            parseFilter(entries, line, title, id, label);
            return true;
        }
        if (title == null && !entries.containsKey("detection") && !entries.containsKey("logsource")) {
            problems.add(new RuleProblem(source, line, RuleProblemKind.NOT_A_RULE,
                    "document " + index + " has no title, logsource or detection: not a Sigma rule"));
            return true;
        }
        new DocumentParser(entries, line, title, id, label).parse();
        return true;
    }

    /**
     * A filter document: {@code filter} holds {@code rules} (the ids it applies to) and a detection
     * (search identifiers and a condition), read as a rule's detection is.
     */
    private void parseFilter(Map<String, NodeTuple> entries, int line, String title, String id, String label)
    {
        NodeTuple filter = entries.get("filter");
        if (!(filter.getValueNode() instanceof MappingNode mapping)) {
            problems.add(new RuleProblem(source, YamlNodes.line(filter.getValueNode()), RuleProblemKind.BAD_VALUE, label + ": filter must be a mapping"));
            return;
        }
        List<String> targets = new ArrayList<>();
        List<NodeTuple> detection = new ArrayList<>();
        try {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("rules")) {
                    targets.addAll(YamlNodes.scalars(tuple.getValueNode(), "filter rules"));
                }
                else {
                    detection.add(tuple);
                }
            }
        }
        catch (YamlShapeException e) {
            problems.add(new RuleProblem(source, e.line(), RuleProblemKind.BAD_VALUE, label + ": " + e.getMessage()));
            return;
        }
        if (targets.isEmpty()) {
            problems.add(new RuleProblem(source, YamlNodes.line(filter.getKeyNode()), RuleProblemKind.MISSING_FIELD, label + ": filter names no rules"));
            return;
        }
        Map<String, NodeTuple> asRule = new LinkedHashMap<>(entries);
        asRule.remove("filter");
        asRule.put("detection", new NodeTuple(filter.getKeyNode(),
                new MappingNode(Tag.MAP, true, detection, mapping.getFlowStyle(), mapping.getStartMark(), mapping.getEndMark())));
        new DocumentParser(asRule, line, title, id, label).parseFilter(targets);
    }

    private static String optionalText(Map<String, NodeTuple> entries, String key)
    {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || !(tuple.getValueNode() instanceof ScalarNode scalar) || YamlNodes.isNull(scalar)) {
            return null;
        }
        String text = scalar.getValue().trim();
        return text.isEmpty() ? null : text;
    }

    private static String label(String title, String id, int index)
    {
        if (title != null) {
            return "rule '" + title + "'" + (id != null ? " (" + id + ")" : "");
        }
        return id != null ? "rule " + id : "document " + index;
    }

    private static int errorLine(YamlEngineException e)
    {
        if (e instanceof MarkedYamlEngineException marked) {
            Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
            return mark.map(value -> value.getLine() + 1).orElse(0);
        }
        return 0;
    }

    private static String yamlMessage(YamlEngineException e)
    {
        if (e instanceof MarkedYamlEngineException marked) {
            String context = marked.getContext();
            String problem = marked.getProblem();
            return "YAML syntax error: " + (problem == null ? "" : problem) + (context == null ? "" : " (" + context + ")");
        }
        return "YAML error: " + e.getMessage();
    }

    /** Parses one rule document; collects every problem it finds before deciding. */
    private final class DocumentParser
    {
        private final Map<String, NodeTuple> entries;
        private final int line;
        private final String title;
        private final String id;
        private final String label;
        private final List<RuleProblem> found = new ArrayList<>();
        private final Set<String> unresolved = new TreeSet<>();

        DocumentParser(Map<String, NodeTuple> entries, int line, String title, String id, String label)
        {
            this.entries = entries;
            this.line = line;
            this.title = title;
            this.id = id;
            this.label = label;
        }

        void parse()
        {
            if (title == null && entries.containsKey("title")) {
                problem(valueLine("title"), RuleProblemKind.BAD_VALUE, "title must be non-empty text");
            }
            else if (title == null) {
                problem(line, RuleProblemKind.MISSING_FIELD, "no title");
            }
            if (id == null && entries.containsKey("id") && !YamlNodes.isNull(entries.get("id").getValueNode())) {
                problem(valueLine("id"), RuleProblemKind.BAD_VALUE, "id must be a single non-empty value");
            }
            String name = optionalText(entries, "name");
            if (name == null && entries.containsKey("name") && !YamlNodes.isNull(entries.get("name").getValueNode())) {
                problem(valueLine("name"), RuleProblemKind.BAD_VALUE, "name must be a single non-empty value");
            }
            RuleStatus status = status();
            Level level = level();
            String author = joined("author");
            String description = joined("description");
            List<String> tags = list("tags");
            List<String> references = list("references");
            List<String> falsepositives = list("falsepositives");
            Logsource logsource = logsource();
            Detection detection = detection();
            if (!found.isEmpty()) {
                problems.addAll(found);
                return;
            }
            String ruleId = id != null ? id : derivedId();
            rules.add(new SigmaRule(ruleId, title, status, level, author, description, tags, references, falsepositives,
                    logsource, source, line, detection, unresolved, Optional.ofNullable(name)));
        }

        /** Reads the document as a filter whose detection is under {@code detection}. */
        void parseFilter(List<String> targets)
        {
            if (title == null) {
                problem(line, RuleProblemKind.MISSING_FIELD, "no title");
            }
            Logsource logsource = logsource();
            Detection detection = detection();
            if (!unresolved.isEmpty()) {
                problem(line, RuleProblemKind.UNRESOLVED_PLACEHOLDER, "no values for placeholders " + unresolved
                        + " (a filter is applied only whole: give them in a placeholder file, --placeholders FILE)");
            }
            if (!found.isEmpty()) {
                problems.addAll(found);
                return;
            }
            filters.add(new SigmaFilter(id != null ? id : derivedId(), title, logsource, targets, detection, source, line));
        }

        // Stable across runs and machines, so hits of an id-less rule group together over time.
        private String derivedId()
        {
            return UUID.nameUUIDFromBytes((source + "\n" + title).getBytes(StandardCharsets.UTF_8)).toString();
        }

        private RuleStatus status()
        {
            String text = optionalText(entries, "status");
            if (text == null) {
                return RuleStatus.UNSTATED;
            }
            try {
                return RuleStatus.parse(text);
            }
            catch (IllegalArgumentException e) {
                problem(valueLine("status"), RuleProblemKind.BAD_VALUE, e.getMessage());
                return RuleStatus.UNSTATED;
            }
        }

        private Level level()
        {
            String text = optionalText(entries, "level");
            if (text == null) {
                return DEFAULT_LEVEL;
            }
            try {
                return Level.parse(text);
            }
            catch (IllegalArgumentException e) {
                problem(valueLine("level"), RuleProblemKind.BAD_VALUE, e.getMessage());
                return DEFAULT_LEVEL;
            }
        }

        private String joined(String key)
        {
            return String.join(", ", list(key));
        }

        private List<String> list(String key)
        {
            NodeTuple tuple = entries.get(key);
            if (tuple == null) {
                return List.of();
            }
            try {
                return YamlNodes.scalars(tuple.getValueNode(), key);
            }
            catch (YamlShapeException e) {
                problem(e.line(), RuleProblemKind.BAD_VALUE, e.getMessage());
                return List.of();
            }
        }

        private Logsource logsource()
        {
            NodeTuple tuple = entries.get("logsource");
            if (tuple == null) {
                problem(line, RuleProblemKind.MISSING_FIELD, "no logsource");
                return Logsource.UNSTATED;
            }
            try {
                Map<String, NodeTuple> fields = YamlNodes.entries(YamlNodes.mapping(tuple.getValueNode(), "logsource"));
                return new Logsource(component(fields, "product"), component(fields, "category"), component(fields, "service"));
            }
            catch (YamlShapeException e) {
                problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_VALUE, e.getMessage());
                return Logsource.UNSTATED;
            }
        }

        private String component(Map<String, NodeTuple> fields, String key)
                throws YamlShapeException
        {
            NodeTuple tuple = fields.get(key);
            if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
                return "";
            }
            return YamlNodes.scalar(tuple.getValueNode(), "logsource " + key);
        }

        private Detection detection()
        {
            NodeTuple tuple = entries.get("detection");
            if (tuple == null) {
                problem(line, RuleProblemKind.MISSING_FIELD, "no detection");
                return null;
            }
            Map<String, NodeTuple> detection;
            try {
                detection = YamlNodes.entries(YamlNodes.mapping(tuple.getValueNode(), "detection"));
            }
            catch (YamlShapeException e) {
                problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_VALUE, e.getMessage());
                return null;
            }
            Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
            NodeTuple conditionTuple = null;
            for (Map.Entry<String, NodeTuple> entry : detection.entrySet()) {
                String name = entry.getKey();
                Node value = entry.getValue().getValueNode();
                int nameLine = YamlNodes.line(entry.getValue().getKeyNode());
                if (name.equals("condition")) {
                    conditionTuple = entry.getValue();
                }
                else if (name.equals("timeframe")) {
                    problem(nameLine, RuleProblemKind.UNSUPPORTED_FEATURE,
                            "legacy 'timeframe' in detection is obsolete in Sigma v2; write a correlation rule instead");
                }
                else {
                    SearchIdentifier identifier = identifier(name, nameLine, value);
                    if (identifier != null) {
                        identifiers.put(name, identifier);
                    }
                }
            }
            if (conditionTuple == null) {
                problem(YamlNodes.line(tuple.getKeyNode()), RuleProblemKind.MISSING_FIELD, "detection has no condition");
                return null;
            }
            if (detection.size() == 1) {
                problem(YamlNodes.line(tuple.getKeyNode()), RuleProblemKind.MISSING_FIELD, "detection has no search identifiers");
                return null;
            }
            List<String> conditionText;
            try {
                conditionText = YamlNodes.scalars(conditionTuple.getValueNode(), "condition");
            }
            catch (YamlShapeException e) {
                problem(e.line(), RuleProblemKind.BAD_CONDITION, e.getMessage());
                return null;
            }
            if (conditionText.isEmpty()) {
                problem(YamlNodes.line(conditionTuple.getValueNode()), RuleProblemKind.MISSING_FIELD, "condition is empty");
                return null;
            }
            Condition condition = condition(conditionText, List.copyOf(detection.keySet()), identifiers,
                    YamlNodes.line(conditionTuple.getValueNode()));
            if (condition == null || !found.isEmpty()) {
                return null;
            }
            return new Detection(identifiers, conditionText, condition);
        }

        private Condition condition(List<String> texts, List<String> allNames, Map<String, SearchIdentifier> identifiers, int conditionLine)
        {
            // Resolve against every name in the detection, so a broken identifier is reported once, for itself.
            List<String> names = new ArrayList<>(allNames.size());
            for (String name : allNames) {
                if (!name.equals("condition") && !name.equals("timeframe")) {
                    names.add(name);
                }
            }
            List<Condition> resolved = new ArrayList<>(texts.size());
            for (String text : texts) {
                try {
                    resolved.add(ConditionResolver.resolve(ConditionParser.parse(text), names));
                }
                catch (ConditionException e) {
                    RuleProblemKind kind = switch (e.kind()) {
                        case SYNTAX -> RuleProblemKind.BAD_CONDITION;
                        case UNKNOWN_IDENTIFIER -> RuleProblemKind.UNKNOWN_IDENTIFIER;
                        case UNSUPPORTED -> RuleProblemKind.UNSUPPORTED_FEATURE;
                    };
                    problem(conditionLine, kind, "condition '" + text + "': " + e.getMessage());
                }
            }
            if (resolved.size() != texts.size()) {
                return null;
            }
            return resolved.size() == 1 ? resolved.get(0) : new Or(resolved);
        }

        private SearchIdentifier identifier(String name, int nameLine, Node value)
        {
            List<DetectionGroup> groups = new ArrayList<>();
            int before = found.size();
            if (value instanceof MappingNode mapping) {
                DetectionGroup group = group(name, mapping);
                if (group != null) {
                    groups.add(group);
                }
            }
            else if (value instanceof SequenceNode sequence) {
                List<Node> keywords = new ArrayList<>();
                for (Node element : sequence.getValue()) {
                    if (element instanceof MappingNode mapping) {
                        DetectionGroup group = group(name, mapping);
                        if (group != null) {
                            groups.add(group);
                        }
                    }
                    else if (element instanceof ScalarNode) {
                        keywords.add(element);
                    }
                    else {
                        problem(YamlNodes.line(element), RuleProblemKind.BAD_VALUE,
                                "identifier '" + name + "' has a nested list; use a map or plain values");
                    }
                }
                if (!keywords.isEmpty()) {
                    DetectionItem item = item(name, "", nameLine, keywords);
                    if (item != null) {
                        groups.add(new DetectionGroup(List.of(item)));
                    }
                }
                if (sequence.getValue().isEmpty()) {
                    problem(nameLine, RuleProblemKind.BAD_VALUE, "identifier '" + name + "' is an empty list");
                }
            }
            else if (!YamlNodes.isNull(value)) {
                DetectionItem item = item(name, "", nameLine, List.of(value));
                if (item != null) {
                    groups.add(new DetectionGroup(List.of(item)));
                }
            }
            else {
                problem(nameLine, RuleProblemKind.BAD_VALUE, "identifier '" + name + "' is empty");
            }
            if (found.size() > before || groups.isEmpty()) {
                return null;
            }
            return new SearchIdentifier(name, nameLine, groups);
        }

        private DetectionGroup group(String name, MappingNode mapping)
        {
            Map<String, NodeTuple> items;
            try {
                items = YamlNodes.entries(mapping);
            }
            catch (YamlShapeException e) {
                problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_VALUE,
                        "identifier '" + name + "': " + e.getMessage());
                return null;
            }
            if (items.isEmpty()) {
                problem(YamlNodes.line(mapping), RuleProblemKind.BAD_VALUE, "identifier '" + name + "' has an empty map");
                return null;
            }
            List<DetectionItem> result = new ArrayList<>(items.size());
            for (Map.Entry<String, NodeTuple> entry : items.entrySet()) {
                Node valueNode = entry.getValue().getValueNode();
                int keyLine = YamlNodes.line(entry.getValue().getKeyNode());
                List<Node> values;
                if (valueNode instanceof SequenceNode sequence) {
                    values = sequence.getValue();
                    if (values.isEmpty()) {
                        problem(keyLine, RuleProblemKind.BAD_VALUE, "identifier '" + name + "': '" + entry.getKey() + "' has an empty list");
                        continue;
                    }
                }
                else {
                    values = List.of(valueNode);
                }
                DetectionItem item = item(name, entry.getKey(), keyLine, values);
                if (item != null) {
                    result.add(item);
                }
            }
            return result.size() == items.size() ? new DetectionGroup(result) : null;
        }

        private DetectionItem item(String name, String key, int keyLine, List<Node> valueNodes)
        {
            List<String> parts = Arrays.asList(key.split("\\|", -1));
            String field = parts.get(0).trim();
            List<String> modifierNames = parts.subList(1, parts.size());
            String subject = field.isEmpty() ? "keywords" : "field " + field;
            try {
                ModifierChain chain = ModifierChain.parse(modifierNames, subject);
                List<List<SigmaValue>> values = new ArrayList<>(valueNodes.size());
                boolean expand = chain.modifiers().contains(Modifier.EXPAND);
                for (Node node : valueNodes) {
                    RawValue raw = raw(key, node);
                    if (!expand || raw.type() != RawValue.Type.STRING) {
                        values.add(chain.apply(raw, field.isEmpty()));
                        continue;
                    }
                    for (String placeholder : Placeholders.namesIn(raw.text())) {
                        if (placeholders.values(placeholder).isEmpty()) {
                            unresolved.add(placeholder);
                        }
                    }
                    // Each value a placeholder stands for is one more alternative of the YAML value (OR).
                    List<SigmaValue> alternatives = new ArrayList<>();
                    for (String text : placeholders.expand(raw.text())) {
                        alternatives.addAll(chain.apply(RawValue.string(text), field.isEmpty()));
                    }
                    values.add(alternatives);
                }
                return new DetectionItem(field.isEmpty() ? Optional.empty() : Optional.of(field), key, chain.modifiers(),
                        chain.all(), chain.negated(), values, keyLine);
            }
            catch (ModifierException e) {
                problem(keyLine, e.kind(), "identifier '" + name + "': " + e.getMessage());
                return null;
            }
            catch (IllegalArgumentException e) {
                // Placeholder values that multiply beyond the bound.
                problem(keyLine, RuleProblemKind.BAD_VALUE, "identifier '" + name + "': " + e.getMessage());
                return null;
            }
            catch (YamlShapeException e) {
                problem(e.line(), RuleProblemKind.BAD_VALUE, "identifier '" + name + "': " + e.getMessage());
                return null;
            }
        }

        private RawValue raw(String key, Node node)
                throws YamlShapeException
        {
            if (!(node instanceof ScalarNode scalar)) {
                throw new YamlShapeException(YamlNodes.line(node), "'" + key + "' must have plain values, not " + YamlNodes.describe(node));
            }
            Tag tag = scalar.getTag();
            RawValue.Type type;
            if (Tag.NULL.equals(tag)) {
                type = RawValue.Type.NULL;
            }
            else if (Tag.INT.equals(tag)) {
                type = RawValue.Type.INTEGER;
            }
            else if (Tag.FLOAT.equals(tag)) {
                type = RawValue.Type.FLOAT;
            }
            else if (Tag.BOOL.equals(tag)) {
                type = RawValue.Type.BOOLEAN;
            }
            else {
                type = RawValue.Type.STRING;
            }
            return new RawValue(type, type == RawValue.Type.NULL ? "" : scalar.getValue());
        }

        private int valueLine(String key)
        {
            return YamlNodes.line(entries.get(key).getValueNode());
        }

        private void problem(int problemLine, RuleProblemKind kind, String reason)
        {
            found.add(new RuleProblem(source, problemLine, kind, label + ": " + reason, line));
        }
    }
}
