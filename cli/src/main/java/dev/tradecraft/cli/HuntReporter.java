package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.tradecraft.hunt.FileOutcome;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.ioc.IocProblem;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.sigma.RuleProblem;

/** Prints what a hunt read, skipped and could not use: one line per problem, then counts. */
final class HuntReporter
{
    private static final int LISTED_RULE_PROBLEMS = 10;
    private static final int LISTED_SKIPPED_FILES = 20;

    private HuntReporter() {}

    static void printContentProblems(DetectionContent content, PrintWriter err)
    {
        List<RuleProblem> problems = content.ruleProblems();
        if (!problems.isEmpty()) {
            Map<String, Integer> byKind = new TreeMap<>();
            for (RuleProblem problem : problems) {
                byKind.merge(problem.kind().name(), 1, Integer::sum);
            }
            err.println("rules: " + content.rulesInUse() + " in use, " + problems.size() + " not loaded: " + counts(byKind));
            for (int i = 0; i < Math.min(LISTED_RULE_PROBLEMS, problems.size()); i++) {
                err.println("  " + TerminalText.safe(problems.get(i).toString()));
            }
            if (problems.size() > LISTED_RULE_PROBLEMS) {
                err.println("  … " + (problems.size() - LISTED_RULE_PROBLEMS) + " more (tradecraft rules check lists them all in a later release)");
            }
        }
        for (IocProblem problem : content.iocProblems()) {
            err.println("iocs: " + TerminalText.safe(problem.toString()));
        }
        err.flush();
    }

    static void printSummary(HuntResult result, DetectionContent content, PrintWriter err)
    {
        List<FileOutcome> skipped = result.filesSkipped();
        for (int i = 0; i < Math.min(LISTED_SKIPPED_FILES, skipped.size()); i++) {
            FileOutcome outcome = skipped.get(i);
            err.println("skipped " + TerminalText.safe(outcome.file().displayName()) + ": " + TerminalText.safe(outcome.skipReason().orElse("")));
        }
        if (skipped.size() > LISTED_SKIPPED_FILES) {
            err.println("skipped … " + (skipped.size() - LISTED_SKIPPED_FILES) + " more files (see --summary-json)");
        }
        if (result.problems().total() > 0) {
            err.println("problems: " + countsLong(result.problems().counts()));
            for (ReadProblem example : result.problems().examples()) {
                err.println("  e.g. " + TerminalText.safe(example.toString()));
            }
        }
        if (result.untimedCorrelationMatches() > 0) {
            err.println(String.format(Locale.ROOT, "correlations: %,d matches of the rules they count have no event time and were left out",
                    result.untimedCorrelationMatches()));
        }
        err.println(String.format(Locale.ROOT, "read %d files (%d skipped), %,d events in %.1f s (%,.0f events/s); %d rules, %d indicators; %,d hits",
                result.filesRead(), skipped.size(), result.events(), result.elapsedNanos() / 1e9, result.eventsPerSecond(),
                content.rulesInUse(), content.iocs().indicators().size(), result.hits().size()));
        err.flush();
    }

    private static String counts(Map<String, Integer> byKind)
    {
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(kind));
        return text.toString();
    }

    private static String countsLong(Map<String, Long> byKind)
    {
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d", count)).append(' ').append(kind));
        return text.toString();
    }

    /** One line on what the workspace now holds, so a second hunt's additions are visible. */
    static void printWorkspace(WorkspaceRecorder.Recorded recorded, Path workspace, PrintWriter err)
    {
        long organisations = recorded.organisations().size();
        err.println("workspace " + workspace + ": " + recorded.ingest().newResults() + " new hits (" + recorded.hits() + " kept), "
                + recorded.ingest().newFiles() + " new files" + (recorded.ingest().newRun() ? "" : ", same input as an earlier run")
                + "; " + organisations + " organisations and " + recorded.campaigns().campaigns().size() + " campaigns over everything kept");
        err.flush();
    }
}
