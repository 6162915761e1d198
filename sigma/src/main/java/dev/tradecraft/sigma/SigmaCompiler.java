package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.logsource.EventRequirement;
import dev.tradecraft.sigma.logsource.MappingAlternative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns loaded rules into a {@link SigmaRuleset}. Each rule's logsource is looked up in the
 * mappings; a rule no mapping covers is reported as UNSUPPORTED_LOGSOURCE and not evaluated.
 * Callers see only {@link SigmaRuleset}, so the evaluator behind it can change.
 */
public final class SigmaCompiler
{
    private SigmaCompiler() {}

    public static SigmaRuleset compile(List<SigmaRule> rules, LogsourceMappings mappings)
    {
        return compile(rules, mappings, true);
    }

    /**
     * @param prefiltered false walks every candidate rule's tree: the plain reference the
     *        prefiltered evaluator is tested against
     */
    static SigmaRuleset compile(List<SigmaRule> rules, LogsourceMappings mappings, boolean prefiltered)
    {
        requireNonNull(rules, "rules is null");
        requireNonNull(mappings, "mappings is null");
        List<TreeRuleset.CompiledRule> compiled = new ArrayList<>(rules.size());
        List<RuleProblem> problems = new ArrayList<>();
        // Equal alternatives share one slot, so an event is checked once per alternative, not once per rule.
        Map<MappingAlternative, Integer> alternativeIndex = new HashMap<>();
        Map<List<MappingAlternative>, List<MappingAlternative>> merged = new HashMap<>();
        List<MappingAlternative> alternatives = new ArrayList<>();
        FieldIds fieldIds = new FieldIds();
        AtomTable atoms = new AtomTable();
        for (SigmaRule rule : rules) {
            if (!rule.unresolvedPlaceholders().isEmpty()) {
                problems.add(new RuleProblem(rule.source(), rule.line(), RuleProblemKind.UNRESOLVED_PLACEHOLDER,
                        "rule " + rule.label() + ": no values for placeholder" + (rule.unresolvedPlaceholders().size() > 1 ? "s " : " ")
                                + String.join(", ", rule.unresolvedPlaceholders().stream().sorted().map(name -> "%" + name + "%").toList())
                                + " (the site's values: give them in a placeholder file, --placeholders FILE)"));
                continue;
            }
            List<MappingAlternative> mapped = merged.computeIfAbsent(mappings.alternativesFor(rule.logsource()), SigmaCompiler::mergeByRenames);
            if (mapped.isEmpty()) {
                problems.add(new RuleProblem(rule.source(), rule.line(), RuleProblemKind.UNSUPPORTED_LOGSOURCE,
                        "rule " + rule.label() + ": no logsource mapping covers " + rule.logsource()));
                continue;
            }
            List<String> ruleFields = rule.detection().fields();
            List<TreeRuleset.CompiledAlternative> ruleAlternatives = new ArrayList<>(mapped.size());
            for (MappingAlternative alternative : mapped) {
                Integer index = alternativeIndex.get(alternative);
                if (index == null) {
                    index = alternatives.size();
                    alternatives.add(alternative);
                    alternativeIndex.put(alternative, index);
                }
                int[] reported = new int[ruleFields.size()];
                for (int i = 0; i < reported.length; i++) {
                    reported[i] = fieldIds.id(alternative.eventField(ruleFields.get(i)));
                }
                Set<Integer> scannedFields = new TreeSet<>();
                EvalNode root = TreeBuilder.build(rule.detection(), ruleField -> fieldIds.id(alternative.eventField(ruleField)), atoms, scannedFields);
                ruleAlternatives.add(new TreeRuleset.CompiledAlternative(index, root, scannedFields.stream().mapToInt(Integer::intValue).toArray(),
                        ruleFields.toArray(new String[0]), reported));
            }
            compiled.add(new TreeRuleset.CompiledRule(rule, ruleAlternatives));
        }
        return new TreeRuleset(compiled, fieldIds.names(), alternatives, atoms, problems, prefiltered);
    }

    /**
     * Alternatives that read fields the same way need only one walk of the rule's tree: their
     * event requirements are OR-ed into one alternative.
     */
    private static List<MappingAlternative> mergeByRenames(List<MappingAlternative> alternatives)
    {
        Map<Map<String, String>, List<MappingAlternative>> byRenames = new LinkedHashMap<>();
        for (MappingAlternative alternative : alternatives) {
            byRenames.computeIfAbsent(alternative.renames(), key -> new ArrayList<>()).add(alternative);
        }
        if (byRenames.size() == alternatives.size()) {
            return alternatives;
        }
        List<MappingAlternative> result = new ArrayList<>(byRenames.size());
        for (List<MappingAlternative> group : byRenames.values()) {
            if (group.size() == 1) {
                result.add(group.get(0));
                continue;
            }
            List<EventRequirement> anyOf = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            for (MappingAlternative alternative : group) {
                anyOf.addAll(alternative.anyOf());
                name.append(name.length() > 0 ? "+" : "").append(alternative.name());
            }
            result.add(new MappingAlternative(name.toString(), anyOf, group.get(0).renames()));
        }
        return result;
    }
}
