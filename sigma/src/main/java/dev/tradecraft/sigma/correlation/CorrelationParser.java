package dev.tradecraft.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import dev.tradecraft.core.Level;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.RuleStatus;
import dev.tradecraft.sigma.yaml.YamlNodes;
import dev.tradecraft.sigma.yaml.YamlShapeException;

/**
 * Reads one correlation document (a YAML mapping with a {@code correlation} key) into a
 * {@link SigmaCorrelation}, or into every problem it has, each at the line of the part that is
 * wrong. References are kept as written; {@link CorrelationResolver} resolves them once the whole
 * rule set is loaded. One instance per document.
 */
public final class CorrelationParser
{
    private static final Set<String> SECTION_KEYS = Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");

    private final String source;
    private final Map<String, NodeTuple> entries;
    private final int line;
    private final String label;
    private final List<RuleProblem> found = new ArrayList<>();

    private CorrelationParser(String source, Map<String, NodeTuple> entries, int line, String label)
    {
        this.source = source;
        this.entries = entries;
        this.line = line;
        this.label = label;
    }

    /**
     * Parses the document's entries; adds every problem to {@code problems} and returns empty when
     * there is one.
     *
     * @param line where the document starts
     * @param label how messages name the document ({@code rule 'title' (id)})
     */
    public static Optional<SigmaCorrelation> parse(String source, Map<String, NodeTuple> entries, int line, String label, List<RuleProblem> problems)
    {
        requireNonNull(source, "source is null");
        requireNonNull(entries, "entries is null");
        requireNonNull(label, "label is null");
        requireNonNull(problems, "problems is null");
        CorrelationParser parser = new CorrelationParser(source, entries, line, label);
        Optional<SigmaCorrelation> correlation = parser.parse();
        problems.addAll(parser.found);
        return parser.found.isEmpty() ? correlation : Optional.empty();
    }

    private Optional<SigmaCorrelation> parse()
    {
        String title = text(entries, "title", "title");
        if (title == null) {
            problem(entries.containsKey("title") ? valueLine(entries, "title") : line, RuleProblemKind.MISSING_FIELD, "no title");
        }
        String id = text(entries, "id", "id");
        String name = text(entries, "name", "name");
        RuleStatus status = status();
        Level level = level();
        List<String> author = list(entries, "author");
        List<String> description = list(entries, "description");
        List<String> tags = list(entries, "tags");

        Map<String, NodeTuple> section = section();
        if (section == null) {
            return Optional.empty();
        }
        CorrelationType type = type(section);
        List<String> rules = rules(section);
        List<String> groupBy = list(section, "group-by");
        Timespan timespan = timespan(section);
        CorrelationCondition condition = condition(section, type, rules.size());
        Map<String, Map<String, String>> aliases = aliases(section, rules);
        checkGroupBy(section, groupBy);
        boolean generate = generate(section);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        String correlationId = id != null ? id : UUID.nameUUIDFromBytes((source + "\n" + title).getBytes(StandardCharsets.UTF_8)).toString();
        return Optional.of(new SigmaCorrelation(correlationId, title, Optional.ofNullable(name), status, level, String.join(", ", author),
                String.join(", ", description), tags, type, rules, groupBy, timespan, condition, aliases, generate, source, line));
    }

    private Map<String, NodeTuple> section()
    {
        Node node = entries.get("correlation").getValueNode();
        if (!(node instanceof MappingNode mapping)) {
            problem(YamlNodes.line(node), RuleProblemKind.BAD_VALUE, "correlation must be a mapping, not " + YamlNodes.describe(node));
            return null;
        }
        Map<String, NodeTuple> section;
        try {
            section = YamlNodes.entries(mapping);
        }
        catch (YamlShapeException e) {
            problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_VALUE, "correlation: " + e.getMessage());
            return null;
        }
        for (Map.Entry<String, NodeTuple> entry : section.entrySet()) {
            if (!SECTION_KEYS.contains(entry.getKey())) {
                problem(YamlNodes.line(entry.getValue().getKeyNode()), RuleProblemKind.BAD_VALUE, "correlation has an unknown key '"
                        + entry.getKey() + "' (known: type, rules, group-by, timespan, condition, aliases, generate)");
            }
        }
        return section;
    }

    private CorrelationType type(Map<String, NodeTuple> section)
    {
        if (!section.containsKey("type")) {
            problem(line, RuleProblemKind.MISSING_FIELD, "correlation has no type");
            return null;
        }
        String text = text(section, "type", "correlation type");
        if (text == null) {
            // An empty `type:` (a list or map was already reported by text()).
            if (section.get("type").getValueNode() instanceof ScalarNode) {
                problem(valueLine(section, "type"), RuleProblemKind.MISSING_FIELD, "correlation type is empty (one of "
                        + "event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile)");
            }
            return null;
        }
        try {
            return CorrelationType.parse(text);
        }
        catch (IllegalArgumentException e) {
            problem(valueLine(section, "type"), RuleProblemKind.BAD_VALUE, e.getMessage());
            return null;
        }
    }

    private List<String> rules(Map<String, NodeTuple> section)
    {
        if (!section.containsKey("rules")) {
            problem(line, RuleProblemKind.MISSING_FIELD, "correlation names no rules");
            return List.of();
        }
        List<String> rules = list(section, "rules");
        int rulesLine = valueLine(section, "rules");
        if (rules.isEmpty() && found.isEmpty()) {
            problem(rulesLine, RuleProblemKind.MISSING_FIELD, "correlation names no rules");
        }
        Set<String> seen = new HashSet<>();
        for (String rule : rules) {
            if (rule.isEmpty()) {
                problem(rulesLine, RuleProblemKind.BAD_VALUE, "correlation names an empty rule");
            }
            else if (!seen.add(rule)) {
                problem(rulesLine, RuleProblemKind.BAD_VALUE, "correlation names rule '" + rule + "' more than once");
            }
        }
        return rules;
    }

    private Timespan timespan(Map<String, NodeTuple> section)
    {
        if (!section.containsKey("timespan")) {
            problem(line, RuleProblemKind.MISSING_FIELD, "correlation has no timespan");
            return null;
        }
        String text = text(section, "timespan", "timespan");
        if (text == null) {
            problem(valueLine(section, "timespan"), RuleProblemKind.BAD_VALUE, "timespan must be a number followed by s, m, h or d (e.g. 90m)");
            return null;
        }
        try {
            return Timespan.parse(text);
        }
        catch (IllegalArgumentException e) {
            problem(valueLine(section, "timespan"), RuleProblemKind.BAD_VALUE, e.getMessage());
            return null;
        }
    }

    private CorrelationCondition condition(Map<String, NodeTuple> section, CorrelationType type, int ruleCount)
    {
        NodeTuple tuple = section.get("condition");
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
            if (type != null && type.isTemporal()) {
                return CorrelationCondition.allOf(Math.max(1, ruleCount));
            }
            if (type != null) {
                problem(tuple == null ? line : YamlNodes.line(tuple.getValueNode()), RuleProblemKind.MISSING_FIELD,
                        "a " + type + " correlation needs a condition (e.g. gte: 10)");
            }
            return null;
        }
        Node node = tuple.getValueNode();
        int conditionLine = YamlNodes.line(node);
        if (node instanceof ScalarNode scalar && type != null && type.isTemporal()) {
            problem(conditionLine, RuleProblemKind.UNSUPPORTED_FEATURE, "condition '" + scalar.getValue()
                    + "': boolean expressions over rule names are not supported; use a count such as gte: 2, or leave the condition out for all rules");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(conditionLine, RuleProblemKind.BAD_CONDITION, "condition must be a mapping of gt, gte, lt, lte, eq, neq (and field), not "
                    + YamlNodes.describe(node));
            return null;
        }
        Map<String, NodeTuple> items;
        try {
            items = YamlNodes.entries(mapping);
        }
        catch (YamlShapeException e) {
            problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_CONDITION, "condition: " + e.getMessage());
            return null;
        }
        int before = found.size();
        List<CorrelationCondition.Bound> bounds = new ArrayList<>();
        String field = null;
        for (Map.Entry<String, NodeTuple> item : items.entrySet()) {
            Node value = item.getValue().getValueNode();
            int itemLine = YamlNodes.line(item.getValue().getKeyNode());
            if (item.getKey().equals("field")) {
                field = conditionField(value, itemLine);
                continue;
            }
            Comparison comparison = Comparison.ofKey(item.getKey());
            if (comparison == null) {
                problem(itemLine, RuleProblemKind.BAD_CONDITION, "condition has an unknown key '" + item.getKey()
                        + "' (known: gt, gte, lt, lte, eq, neq, field)");
                continue;
            }
            double threshold = value instanceof ScalarNode scalar && !Tag.BOOL.equals(scalar.getTag())
                    ? CorrelationValues.number(scalar.getValue()) : Double.NaN;
            if (Double.isNaN(threshold)) {
                problem(YamlNodes.line(value), RuleProblemKind.BAD_CONDITION, "condition " + item.getKey() + " must be a number, not "
                        + YamlNodes.describe(value));
                continue;
            }
            bounds.add(new CorrelationCondition.Bound(comparison, threshold));
        }
        if (found.size() > before) {
            return null;
        }
        if (bounds.isEmpty()) {
            problem(conditionLine, RuleProblemKind.BAD_CONDITION, "condition has no comparison (gt, gte, lt, lte, eq or neq)");
            return null;
        }
        if (type == null) {
            return null;
        }
        if (type.needsField() && field == null) {
            problem(conditionLine, RuleProblemKind.MISSING_FIELD, "a " + type + " correlation needs the field to aggregate (condition: field: …)");
            return null;
        }
        if (!type.needsField() && field != null) {
            problem(conditionLine, RuleProblemKind.BAD_CONDITION, "a " + type + " correlation aggregates no field; 'field' is for "
                    + "value_count, value_sum, value_avg and value_percentile");
            return null;
        }
        return new CorrelationCondition(bounds, Optional.ofNullable(field));
    }

    private String conditionField(Node value, int itemLine)
    {
        if (value instanceof ScalarNode scalar && !YamlNodes.isNull(scalar) && !scalar.getValue().isBlank()) {
            return scalar.getValue().trim();
        }
        problem(itemLine, RuleProblemKind.BAD_CONDITION, "condition field must be one field name, not " + YamlNodes.describe(value));
        return null;
    }

    private Map<String, Map<String, String>> aliases(Map<String, NodeTuple> section, List<String> rules)
    {
        NodeTuple tuple = section.get("aliases");
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
            return aliases;
        }
        try {
            Map<String, NodeTuple> byAlias = YamlNodes.entries(YamlNodes.mapping(tuple.getValueNode(), "aliases"));
            for (Map.Entry<String, NodeTuple> alias : byAlias.entrySet()) {
                Map<String, NodeTuple> byRule = YamlNodes.entries(YamlNodes.mapping(alias.getValue().getValueNode(), "alias '" + alias.getKey() + "'"));
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, NodeTuple> rule : byRule.entrySet()) {
                    Node fieldNode = rule.getValue().getValueNode();
                    String fieldName = YamlNodes.scalar(fieldNode, "alias '" + alias.getKey() + "' field of " + rule.getKey()).trim();
                    if (fieldName.isEmpty() || YamlNodes.isNull(fieldNode)) {
                        throw new YamlShapeException(YamlNodes.line(fieldNode), "alias '" + alias.getKey() + "' gives no field for " + rule.getKey());
                    }
                    if (!rules.contains(rule.getKey())) {
                        throw new YamlShapeException(YamlNodes.line(rule.getValue().getKeyNode()), "alias '" + alias.getKey() + "' names rule '"
                                + rule.getKey() + "', which the correlation does not reference (rules: " + rules + ")");
                    }
                    fields.put(rule.getKey(), fieldName);
                }
                if (alias.getKey().isBlank() || fields.isEmpty()) {
                    throw new YamlShapeException(YamlNodes.line(alias.getValue().getKeyNode()), "alias '" + alias.getKey() + "' maps no rule to a field");
                }
                aliases.put(alias.getKey(), fields);
            }
        }
        catch (YamlShapeException e) {
            problem(e.line(), e.duplicateKey() ? RuleProblemKind.BAD_YAML : RuleProblemKind.BAD_VALUE, e.getMessage());
        }
        return aliases;
    }

    private void checkGroupBy(Map<String, NodeTuple> section, List<String> groupBy)
    {
        Set<String> seen = new HashSet<>();
        for (String field : groupBy) {
            if (field.isBlank() || !seen.add(field)) {
                problem(valueLine(section, "group-by"), RuleProblemKind.BAD_VALUE, "group-by field '" + field + "' is blank or listed twice");
            }
        }
    }

    // The specification places generate beside correlation; pySigma reads it inside. Both are accepted.
    private boolean generate(Map<String, NodeTuple> section)
    {
        boolean generate = false;
        for (Map<String, NodeTuple> map : List.of(entries, section)) {
            NodeTuple tuple = map.get("generate");
            if (tuple == null) {
                continue;
            }
            Node node = tuple.getValueNode();
            if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
                generate |= Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
            }
            else {
                problem(YamlNodes.line(node), RuleProblemKind.BAD_VALUE, "generate must be true or false, not " + YamlNodes.describe(node));
            }
        }
        return generate;
    }

    private RuleStatus status()
    {
        String text = text(entries, "status", "status");
        if (text == null) {
            return RuleStatus.UNSTATED;
        }
        try {
            return RuleStatus.parse(text);
        }
        catch (IllegalArgumentException e) {
            problem(valueLine(entries, "status"), RuleProblemKind.BAD_VALUE, e.getMessage());
            return RuleStatus.UNSTATED;
        }
    }

    private Level level()
    {
        String text = text(entries, "level", "level");
        if (text == null) {
            return Level.MEDIUM;
        }
        try {
            return Level.parse(text);
        }
        catch (IllegalArgumentException e) {
            problem(valueLine(entries, "level"), RuleProblemKind.BAD_VALUE, e.getMessage());
            return Level.MEDIUM;
        }
    }

    /** A single non-empty value, or null (reporting a problem when the key holds something that is not one). */
    private String text(Map<String, NodeTuple> map, String key, String what)
    {
        NodeTuple tuple = map.get(key);
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
            return null;
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof ScalarNode scalar)) {
            problem(YamlNodes.line(node), RuleProblemKind.BAD_VALUE, what + " must be a single value, not " + YamlNodes.describe(node));
            return null;
        }
        String text = scalar.getValue().trim();
        return text.isEmpty() ? null : text;
    }

    private List<String> list(Map<String, NodeTuple> map, String key)
    {
        NodeTuple tuple = map.get(key);
        if (tuple == null) {
            return List.of();
        }
        try {
            List<String> values = new ArrayList<>();
            for (String value : YamlNodes.scalars(tuple.getValueNode(), key)) {
                values.add(value.trim());
            }
            return values;
        }
        catch (YamlShapeException e) {
            problem(e.line(), RuleProblemKind.BAD_VALUE, e.getMessage());
            return List.of();
        }
    }

    private static int valueLine(Map<String, NodeTuple> map, String key)
    {
        return YamlNodes.line(map.get(key).getValueNode());
    }

    private void problem(int problemLine, RuleProblemKind kind, String reason)
    {
        found.add(new RuleProblem(source, problemLine, kind, label + ": " + reason, line));
    }
}
