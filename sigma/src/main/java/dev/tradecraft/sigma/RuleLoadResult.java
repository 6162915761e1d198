package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What loading found: the rules that parsed, in file order, and one problem per document (or
 * file) that did not.
 */
public record RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems)
{
    public RuleLoadResult
    {
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    /** Problem counts per kind, in enum order, for summaries such as "4 skipped: 3 UNSUPPORTED_MODIFIER, 1 BAD_YAML". */
    public Map<RuleProblemKind, Integer> problemCounts()
    {
        return RuleLoadResult.count(problems);
    }

    static Map<RuleProblemKind, Integer> count(List<RuleProblem> problems)
    {
        Map<RuleProblemKind, Integer> counts = new EnumMap<>(RuleProblemKind.class);
        for (RuleProblem problem : problems) {
            counts.merge(problem.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
