package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.condition.And;
import dev.tradecraft.sigma.condition.Condition;
import dev.tradecraft.sigma.condition.Not;
import dev.tradecraft.sigma.condition.Or;
import dev.tradecraft.sigma.condition.Ref;
import dev.tradecraft.sigma.rule.Detection;
import dev.tradecraft.sigma.rule.SearchIdentifier;

/**
 * Applies filter documents to the rules they name: the rule keeps its id, metadata and logsource,
 * and its condition becomes {@code (rule condition) and (filter condition)}, the filter's search
 * identifiers joining the rule's under names no rule can use ({@code filter:<id>:<name>}).
 */
final class RuleFilters
{
    private RuleFilters() {}

    /** The rules with every applicable filter applied, in the same order; problems for filters that name unknown or unfit rules. */
    static List<SigmaRule> apply(List<SigmaRule> rules, List<SigmaFilter> filters, List<RuleProblem> problems)
    {
        requireNonNull(rules, "rules is null");
        requireNonNull(filters, "filters is null");
        if (filters.isEmpty()) {
            return rules;
        }
        List<SigmaRule> result = new ArrayList<>(rules);
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < result.size(); i++) {
            byId.put(result.get(i).id(), i);
        }
        for (SigmaFilter filter : filters) {
            if (filter.rules().equals(List.of("any"))) {
                // pySigma's reading of `rules: any`: every rule whose logsource the filter covers.
                for (int i = 0; i < result.size(); i++) {
                    if (covers(filter.logsource(), result.get(i).logsource())) {
                        result.set(i, filtered(result.get(i), filter));
                    }
                }
                continue;
            }
            for (String target : filter.rules()) {
                Integer index = byId.get(target);
                if (index == null) {
                    problems.add(new RuleProblem(filter.source(), filter.line(), RuleProblemKind.UNKNOWN_IDENTIFIER,
                            filter.label() + ": names rule " + target + ", which is not among the rules loaded; not applied to it"));
                    continue;
                }
                SigmaRule rule = result.get(index);
                if (!covers(filter.logsource(), rule.logsource())) {
                    problems.add(new RuleProblem(filter.source(), filter.line(), RuleProblemKind.BAD_VALUE,
                            filter.label() + ": its logsource " + filter.logsource() + " does not cover rule " + rule.label() + " (" + rule.logsource()
                                    + "); not applied to it"));
                    continue;
                }
                result.set(index, filtered(rule, filter));
            }
        }
        return result;
    }

    /** Every part the filter states equals the rule's (ignoring case); parts the filter leaves out match anything. */
    private static boolean covers(Logsource filter, Logsource rule)
    {
        return covers(filter.product(), rule.product()) && covers(filter.category(), rule.category()) && covers(filter.service(), rule.service());
    }

    private static boolean covers(String filterPart, String rulePart)
    {
        return filterPart.isEmpty() || filterPart.toLowerCase(Locale.ROOT).equals(rulePart.toLowerCase(Locale.ROOT));
    }

    private static SigmaRule filtered(SigmaRule rule, SigmaFilter filter)
    {
        String prefix = "filter:" + filter.id() + ":";
        Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>(rule.detection().identifiers());
        for (SearchIdentifier identifier : filter.detection().identifiers().values()) {
            identifiers.put(prefix + identifier.name(), new SearchIdentifier(prefix + identifier.name(), identifier.line(), identifier.groups()));
        }
        Condition condition = new And(List.of(rule.detection().condition(), renamed(filter.detection().condition(), prefix)));
        String text = "(" + String.join(") or (", rule.detection().conditionText()) + ") and " + filter.label() + ": ("
                + String.join(") or (", filter.detection().conditionText()) + ")";
        Detection detection = new Detection(identifiers, List.of(text), condition);
        return new SigmaRule(rule.id(), rule.title(), rule.status(), rule.level(), rule.author(), rule.description(), rule.tags(), rule.references(),
                rule.falsepositives(), rule.logsource(), rule.source(), rule.line(), detection, rule.unresolvedPlaceholders(), rule.name());
    }

    private static Condition renamed(Condition condition, String prefix)
    {
        if (condition instanceof Ref ref) {
            return new Ref(prefix + ref.name());
        }
        if (condition instanceof Not not) {
            return new Not(renamed(not.operand(), prefix));
        }
        if (condition instanceof And and) {
            return new And(and.operands().stream().map(operand -> renamed(operand, prefix)).toList());
        }
        if (condition instanceof Or or) {
            return new Or(or.operands().stream().map(operand -> renamed(operand, prefix)).toList());
        }
        throw new IllegalStateException("a resolved condition holds only And, Or, Not and Ref, not " + condition);
    }
}
