package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;

/**
 * What a rule tree holds for this engine: how many rules (correlation rules included) loaded, per
 * declared status; every rule
 * that did not, with file, line and reason; and the loaded rules whose logsource no mapping covers
 * yet (they load, but no event reaches them), counted per logsource. What {@code tradecraft rules
 * check} prints.
 *
 * @param loadedByStatus loaded rules per status, every status present (0 when none)
 * @param notLoaded every problem of the documents and files left out, in file and line order (a
 *        rule can have several: one per bad identifier, say)
 * @param unmappedByLogsource loaded rules without a logsource mapping, per logsource as written
 *        ({@code product/category/service}, empty parts left out), most rules first
 * @param awaitingPlaceholders loaded rules that wait for the site's values of an {@code |expand}
 *        placeholder, per placeholder name, most rules first (a rule counts under each it needs)
 * @param awaitingRules how many loaded rules wait for placeholder values
 */
public record RuleCheck(int loaded, Map<RuleStatus, Integer> loadedByStatus, List<RuleProblem> notLoaded, Map<String, Integer> unmappedByLogsource,
        Map<String, Integer> awaitingPlaceholders, int awaitingRules)
{
    public RuleCheck
    {
        loadedByStatus = Map.copyOf(requireNonNull(loadedByStatus, "loadedByStatus is null"));
        notLoaded = List.copyOf(requireNonNull(notLoaded, "notLoaded is null"));
        unmappedByLogsource = requireNonNull(unmappedByLogsource, "unmappedByLogsource is null");
        awaitingPlaceholders = requireNonNull(awaitingPlaceholders, "awaitingPlaceholders is null");
    }

    public static RuleCheck of(RuleLoadResult result, LogsourceMappings mappings)
    {
        requireNonNull(result, "result is null");
        requireNonNull(mappings, "mappings is null");
        Map<RuleStatus, Integer> byStatus = new EnumMap<>(RuleStatus.class);
        for (RuleStatus status : RuleStatus.values()) {
            byStatus.put(status, 0);
        }
        Map<String, Integer> unmapped = new TreeMap<>();
        Map<String, Integer> placeholders = new TreeMap<>();
        int awaiting = 0;
        for (SigmaCorrelation correlation : result.correlations()) {
            byStatus.merge(correlation.status(), 1, Integer::sum);
        }
        for (SigmaRule rule : result.rules()) {
            byStatus.merge(rule.status(), 1, Integer::sum);
            if (!rule.unresolvedPlaceholders().isEmpty()) {
                awaiting++;
                rule.unresolvedPlaceholders().forEach(name -> placeholders.merge(name, 1, Integer::sum));
            }
            if (mappings.alternativesFor(rule.logsource()).isEmpty()) {
                unmapped.merge(describe(rule.logsource()), 1, Integer::sum);
            }
        }
        List<RuleProblem> problems = new ArrayList<>(result.problems());
        problems.sort(Comparator.comparing(RuleProblem::source).thenComparingInt(RuleProblem::documentLine).thenComparingInt(RuleProblem::line));
        return new RuleCheck(result.rules().size() + result.correlations().size(), byStatus, problems, mostFirst(unmapped), mostFirst(placeholders), awaiting);
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> counts)
    {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(ordered);
    }

    /** Rule documents and files looked at: loaded plus left out. */
    public int total()
    {
        return loaded + notLoadedRules().size();
    }

    /** The documents or files left out, each with all its problems, in file and line order. */
    public List<List<RuleProblem>> notLoadedRules()
    {
        Map<String, List<RuleProblem>> byDocument = new LinkedHashMap<>();
        for (RuleProblem problem : notLoaded) {
            byDocument.computeIfAbsent(problem.source() + "\u0000" + problem.documentLine(), key -> new ArrayList<>()).add(problem);
        }
        return List.copyOf(byDocument.values());
    }

    /** Loaded rules that no event can reach until a mapping covers their logsource. */
    public int unmapped()
    {
        return unmappedByLogsource.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String describe(Logsource logsource)
    {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {logsource.product(), logsource.category(), logsource.service()}) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "(no logsource)" : String.join("/", parts);
    }
}
