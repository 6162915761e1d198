package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What loading found: the rules that parsed, in file order, the problems of every document (or
 * file) that did not, and the filter documents (already applied to the rules they name when the
 * loader loaded a whole set).
 */
public record RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems, List<SigmaFilter> filters)
{
    public RuleLoadResult
    {
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
    }

    public RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems)
    {
        this(rules, problems, List.of());
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
