package dev.tradecraft.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.SigmaRuleLoader;

/** Mutated correlation files must load or be reported, never throw. */
class TestCorrelationParserRandom
{
    private static final String VALID = """
            title: Fail then succeed
            id: outer
            level: high
            generate: false
            correlation:
                type: temporal_ordered
                rules: [many, ok_rule]
                group-by: [User]
                timespan: 10m
                aliases:
                    User:
                        many: User
                        ok_rule: TargetUserName
            ---
            title: Many failures
            id: inner
            name: many
            correlation:
                type: value_count
                rules: fail_rule
                group-by: User
                timespan: 90s
                condition:
                    field: Host
                    gt: 2
                    lte: 20.5
            ---
            title: Failure
            id: f
            name: fail_rule
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4625}
                condition: s
            ---
            title: Success
            id: s
            name: ok_rule
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4624}
                condition: s
            """;

    private static final String[] TOKENS = {
        ":", "-", "[", "]", "{", "}", ",", "'", "\"", "\n", "    ", "---\n", "&a", "*a", "!!map", "~", "null", "0", "-1", "1e999", "gte", "eq",
        "type", "rules", "group-by", "timespan", "condition", "aliases", "field", "generate", "correlation", "event_count", "temporal",
        "value_percentile", "many", "outer", "inner", "5w", "0s", "true", "\u00e9", "\uD83D\uDE00", "\t",
    };

    @Test
    void testMutatedCorrelationFilesNeverThrow()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestCorrelationParserRandom seed=" + seed + " (rerun with -Dtradecraft.seed=N)");
        Random random = new Random(seed);
        SigmaRuleLoader loader = new SigmaRuleLoader();
        RuleLoadResult original = loader.loadText("valid.yml", VALID);
        assertEquals(List.of(), original.problems(), "the starting point is valid");
        assertEquals(2, original.correlations().size());
        int withProblems = 0;
        for (int round = 0; round < 3000; round++) {
            String mutated = mutate(VALID, random);
            RuleLoadResult result;
            try {
                result = loader.loadText("mutated.yml", mutated);
                new CorrelationEngine(result.correlations());
            }
            catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " threw on:\n" + mutated, e);
            }
            for (RuleProblem problem : result.problems()) {
                if (!problem.source().equals("mutated.yml") || problem.message().isBlank()) {
                    fail("seed " + seed + ": problem without place or reason: " + problem);
                }
            }
            if (!result.problems().isEmpty()) {
                withProblems++;
            }
        }
        assertTrue(withProblems > 300, "the mutations reach the error paths (seed " + seed + "): " + withProblems);
    }

    private static String mutate(String text, Random random)
    {
        StringBuilder result = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(result.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> result.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> result.delete(at, Math.min(result.length(), at + 1 + random.nextInt(12)));
                case 2 -> {
                    int lineStart = result.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    int lineEnd = result.indexOf("\n", at);
                    result.delete(lineStart, lineEnd < 0 ? result.length() : lineEnd + 1);
                }
                default -> {
                    int from = random.nextInt(result.length());
                    int to = Math.min(result.length(), from + random.nextInt(30));
                    result.insert(at, result.substring(from, to));
                }
            }
        }
        return result.toString();
    }
}
