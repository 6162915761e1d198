package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads and compiles the SigmaHQ rule trees from ../shared/corpus/sigma. Skips when the corpus is
 * not there.
 */
class TestSigmaCorpus
{
    private static final Path CORPUS = Path.of("../shared/corpus/sigma");
    private static final Set<String> TOOLSHELL_IDS = Set.of(
            "48d053db-6a56-4866-b60d-0975647050ed",
            "7477881c-ec3b-49d6-aced-7255944e5c59",
            "ba479447-721f-42a9-9af2-6dcd517bbdb3");

    @Test
    void testCorpusLoadsAndCompiles()
            throws IOException
    {
        assumeTrue(Files.isDirectory(CORPUS.resolve("rules")), "SigmaHQ corpus not found at " + CORPUS.toAbsolutePath() + "; skipping");
        List<Path> trees = List.of(CORPUS.resolve("rules"), CORPUS.resolve("rules-emerging-threats"), CORPUS.resolve("rules-threat-hunting"));
        RuleLoadResult loaded = new SigmaRuleLoader().load(trees);
        SigmaRuleset ruleset = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn());

        System.out.println("SigmaHQ corpus: " + loaded.rules().size() + " rules loaded, " + loaded.problems().size()
                + " not loaded " + loaded.problemCounts());
        System.out.println("compiled: " + ruleset.rules().size() + " rules, " + ruleset.problems().size()
                + " dropped " + RuleLoadResult.count(ruleset.problems()));
        printExamples(loaded.problems());
        printExamples(ruleset.problems());

        Set<String> compiledIds = new HashSet<>();
        for (SigmaRule rule : ruleset.rules()) {
            compiledIds.add(rule.id());
        }
        assertTrue(compiledIds.containsAll(TOOLSHELL_IDS), "ToolShell rules must load and compile");

        int files = 0;
        int loadedCount = 0;
        Set<String> loadedSources = new HashSet<>();
        for (SigmaRule rule : loaded.rules()) {
            loadedSources.add(rule.source());
        }
        try (Stream<Path> walk = Files.walk(CORPUS.resolve("rules/windows/process_creation"))) {
            for (Path file : (Iterable<Path>) walk.filter(path -> path.toString().endsWith(".yml"))::iterator) {
                files++;
                if (loadedSources.contains(file.toString())) {
                    loadedCount++;
                }
            }
        }
        System.out.println("Windows process_creation: " + loadedCount + " of " + files + " loaded");
        assertTrue(files > 0, "no process_creation rules found");
        assertTrue(loadedCount * 100 >= files * 85, "at least 85% of process_creation rules must load: " + loadedCount + "/" + files);
        assertEquals(loaded.rules().size(), ruleset.rules().size() + ruleset.problems().size());
    }

    private static void printExamples(List<RuleProblem> problems)
    {
        Map<RuleProblemKind, List<RuleProblem>> byKind = new TreeMap<>();
        for (RuleProblem problem : problems) {
            byKind.computeIfAbsent(problem.kind(), kind -> new ArrayList<>()).add(problem);
        }
        for (Map.Entry<RuleProblemKind, List<RuleProblem>> entry : byKind.entrySet()) {
            List<RuleProblem> list = entry.getValue();
            for (int i = 0; i < Math.min(3, list.size()); i++) {
                System.out.println("  e.g. " + list.get(i));
            }
        }
    }
}
