package dev.tradecraft.hunt.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Origin;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaRule;
import dev.tradecraft.sigma.SigmaRuleLoader;

/**
 * SigmaHQ's own regression cases, run the way a user's hunt runs: each case's {@code .evtx} file
 * through the EVTX reader and its evtx_dump JSON twin through the JSON reader, the whole SigmaHQ
 * rule tree compiled once, and the case's rule expected to fire at least match_count times on
 * both. Every rule that fires on one file fires as often on the other. Checks that the readers
 * name fields as Sigma expects and that the engine matches like SigmaHQ's CI does.
 */
class TestSigmaHqRegressionThroughReaders
{
    private static final Path CORPUS = Path.of("../shared/corpus");
    private static final Pattern RULE_ID = Pattern.compile("rule_metadata:\\s*\\n\\s*-\\s*id:\\s*([0-9a-fA-F-]{36})");
    private static final Pattern MATCH_COUNT = Pattern.compile("match_count:\\s*(\\d+)");
    private static final Pattern EVTX_PATH = Pattern.compile("path:\\s*(\\S+\\.evtx)");

    @Test
    void testRegressionCasesMatchTheirRules() throws IOException
    {
        Path regression = CORPUS.resolve("sigma-regression");
        assumeTrue(Files.isDirectory(regression) && Files.isDirectory(CORPUS.resolve("sigma/rules")),
                "../shared/corpus is absent: SigmaHQ regression cases not run");

        RuleLoadResult loaded = new SigmaRuleLoader().load(List.of(CORPUS.resolve("sigma/rules"),
                CORPUS.resolve("sigma/rules-emerging-threats"), CORPUS.resolve("sigma/rules-threat-hunting")));
        Hunter hunter = Hunter.builder(SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn())).threads(2).build();
        Map<String, SigmaRule> byId = new HashMap<>();
        for (SigmaRule rule : hunter.ruleset().rules()) {
            byId.put(rule.id(), rule);
        }

        List<Path> infos;
        try (Stream<Path> paths = Files.walk(regression.resolve("regression_data"))) {
            infos = paths.filter(path -> path.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        int cases = 0;
        List<String> failed = new ArrayList<>();
        for (Path info : infos) {
            String text = Files.readString(info);
            Matcher id = RULE_ID.matcher(text);
            Matcher evtx = EVTX_PATH.matcher(text);
            if (!id.find() || !evtx.find()) {
                continue;
            }
            cases++;
            String ruleId = id.group(1);
            Matcher count = MATCH_COUNT.matcher(text);
            int expected = count.find() ? Integer.parseInt(count.group(1)) : 1;
            Path binary = regression.resolve(evtx.group(1));
            Path json = regression.resolve(evtx.group(1).replaceAll("\\.evtx$", ".json"));
            if (!byId.containsKey(ruleId)) {
                failed.add(ruleId + ": rule not loaded or not compiled");
                continue;
            }
            List<String> firedOnJson = List.of();
            for (Path events : List.of(json, binary)) {
                LogFile file = new LogFile(events, events.getFileName().toString(), new Origin("sigmahq", "case"), Files.size(events));
                HuntResult result = hunter.hunt(List.of(file));
                long matches = result.hits().stream().filter(hit -> hit.rule().id().equals(ruleId)).count();
                if (result.problems().total() > 0 || matches < expected) {
                    failed.add(ruleId + " (" + events + "): " + matches + " of " + expected + " matches, " + result.problems().counts() + " read problems");
                }
                List<String> fired = result.hits().stream().map(hit -> hit.rule().id()).sorted().toList();
                if (events == json) {
                    firedOnJson = fired;
                }
                else if (!fired.equals(firedOnJson)) {
                    failed.add(ruleId + ": rules fired on " + binary + " " + fired + " differ from those on its JSON twin " + firedOnJson);
                }
            }
        }
        System.out.println("SigmaHQ regression through readers: " + cases + " cases, " + (cases - failed.size()) + " passed");
        failed.forEach(line -> System.out.println("  failed: " + line));
        assertEquals(202, cases, "cases found");
        assertTrue(failed.isEmpty(), failed.toString());
    }
}
