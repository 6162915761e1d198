package dev.tradecraft.hunt.regression;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tradecraft.core.Origin;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.sigma.SigmaRule;

/**
 * Runs regression cases against a hunter's rule set, the way a user's hunt reads the same files:
 * each case's events through the readers, every rule of the set evaluated, and the case's rule
 * counted. As in SigmaHQ's own runner, a case passes when its rule fired at least
 * {@code match_count} times (at least once when no count is given) and the events read without
 * problems; firing more often than {@code match_count} passes with a warning.
 */
public final class RegressionRun
{
    private static final Origin ORIGIN = new Origin("regression", "case");

    /** A case that did not pass, and why. */
    public record Failure(RegressionCase testCase, long matches, String reason)
    {
        public Failure
        {
            requireNonNull(testCase, "testCase is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * @param cases how many cases ran
     * @param failed the ones that did not pass, in case order
     * @param warnings passed cases whose rule fired more often than {@code match_count}
     */
    public record Result(int cases, List<Failure> failed, List<Failure> warnings)
    {
        public Result
        {
            failed = List.copyOf(failed);
            warnings = List.copyOf(warnings);
        }

        public int passed()
        {
            return cases - failed.size();
        }
    }

    private RegressionRun() {}

    public static Result run(List<RegressionCase> cases, Hunter hunter) throws IOException
    {
        requireNonNull(cases, "cases is null");
        requireNonNull(hunter, "hunter is null");
        Set<String> usable = new HashSet<>();
        for (SigmaRule rule : hunter.ruleset().rules()) {
            usable.add(rule.id());
        }
        List<Failure> failed = new ArrayList<>();
        List<Failure> warnings = new ArrayList<>();
        for (RegressionCase testCase : cases) {
            if (!usable.contains(testCase.ruleId())) {
                failed.add(new Failure(testCase, 0, "rule " + testCase.ruleId() + " is not in the rule set (not given, not loaded, or no logsource mapping)"));
                continue;
            }
            LogFile file = new LogFile(testCase.events(), testCase.events().toString(), ORIGIN, Files.size(testCase.events()));
            HuntResult result = hunter.hunt(List.of(file));
            long matches = result.hits().stream().filter(hit -> hit.rule().id().equals(testCase.ruleId())).count();
            if (!result.filesSkipped().isEmpty()) {
                failed.add(new Failure(testCase, 0, "the events could not be read: " + result.filesSkipped().get(0).skipReason().orElse("skipped")));
            }
            else if (result.problems().total() > 0) {
                failed.add(new Failure(testCase, matches, "the events read with problems: " + result.problems().counts()));
            }
            else if (testCase.expectedMatches().isPresent() && matches < testCase.expectedMatches().getAsInt()) {
                failed.add(new Failure(testCase, matches, matches + " matches, expected " + testCase.expectedMatches().getAsInt()));
            }
            else if (testCase.expectedMatches().isPresent() && matches > testCase.expectedMatches().getAsInt()) {
                warnings.add(new Failure(testCase, matches, matches + " matches, more than the " + testCase.expectedMatches().getAsInt() + " expected"));
            }
            else if (testCase.expectedMatches().isEmpty() && matches == 0) {
                failed.add(new Failure(testCase, 0, "no match, expected at least one"));
            }
        }
        return new Result(cases.size(), failed, warnings);
    }
}
