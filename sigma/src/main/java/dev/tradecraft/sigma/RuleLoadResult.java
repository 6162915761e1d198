package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.correlation.SigmaCorrelation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What loading found: the rules that parsed, in file order, the problems of every document (or
 * file) that did not, the filter documents (already applied to the rules they name when the
 * loader loaded a whole set) and the correlation documents (when the loader loaded a whole set:
 * those whose references all resolved, each after the correlations it references, references
 * replaced by the ids they resolved to; from {@link dev.tradecraft.sigma.rule.RuleParser}: as written).
 */
public record RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems, List<SigmaFilter> filters, List<SigmaCorrelation> correlations)
{
    public RuleLoadResult
    {
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        correlations = List.copyOf(requireNonNull(correlations, "correlations is null"));
    }

    public RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems, List<SigmaFilter> filters)
    {
        this(rules, problems, filters, List.of());
    }

    public RuleLoadResult(List<SigmaRule> rules, List<RuleProblem> problems)
    {
        this(rules, problems, List.of(), List.of());
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
