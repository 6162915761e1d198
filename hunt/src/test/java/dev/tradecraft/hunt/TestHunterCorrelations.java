package dev.tradecraft.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaRuleLoader;

/** Correlation rules through the hunt pipeline: across files, in event time, whatever the thread count. */
class TestHunterCorrelations
{
    // The specification's closing example, in our own words: a burst of failed logons for one
    // account followed by a successful one.
    private static final String BRUTE_FORCE = """
            title: Password guessed after a burst of failures
            id: 44444444-0000-4000-8000-000000000001
            level: critical
            author: Tradecraft Tests
            correlation:
                type: temporal_ordered
                rules: [failure_burst, logon_success]
                group-by: [TargetUserName]
                timespan: 10m
            ---
            title: Burst of failed logons
            id: 44444444-0000-4000-8000-000000000002
            name: failure_burst
            correlation:
                type: event_count
                rules: [logon_failure]
                group-by: [TargetUserName]
                timespan: 10m
                condition: {gte: 5}
            ---
            title: Failed logon
            id: 44444444-0000-4000-8000-000000000003
            name: logon_failure
            level: low
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4625}
                condition: s
            ---
            title: Successful logon
            id: 44444444-0000-4000-8000-000000000004
            name: logon_success
            level: informational
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4624}
                condition: s
            """;

    @TempDir
    Path temp;

    private Path logs;

    @BeforeEach
    void writeLogs() throws IOException
    {
        logs = temp.resolve("logs");
        // Four failures on one domain controller, one on the other, then the success: only across files are there five.
        List<String> dc1 = new ArrayList<>();
        List<String> dc2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dc1.add(event(4625, "bob", Instant.parse("2025-07-18T10:00:00Z").plusSeconds(30L * i)));
        }
        dc2.add(event(4625, "bob", Instant.parse("2025-07-18T10:03:00Z")));
        dc2.add(event(4624, "bob", Instant.parse("2025-07-18T10:04:00Z")));
        // alice: five failures, but the success comes too late.
        for (int i = 0; i < 5; i++) {
            dc1.add(event(4625, "alice", Instant.parse("2025-07-18T11:00:00Z").plusSeconds(i)));
        }
        dc2.add(event(4624, "alice", Instant.parse("2025-07-18T11:20:00Z")));
        write(logs.resolve("contoso/dc01/security.json"), dc1);
        write(logs.resolve("contoso/dc02/security.json"), dc2);
        // The same account name at another organisation is another account.
        write(logs.resolve("fabrikam/dc01/security.json"), List.of(event(4624, "bob", Instant.parse("2025-07-18T10:05:00Z"))));
    }

    private static String event(int id, String user, Instant time)
    {
        return "{\"EventID\": " + id + ", \"Channel\": \"Security\", \"TargetUserName\": \"" + user + "\", \"TimeCreated_SystemTime\": \"" + time + "\"}";
    }

    private static void write(Path file, List<String> lines) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private HuntResult hunt(String rules, int threads) throws IOException
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("brute_force.yml", rules);
        assertEquals(List.of(), loaded.problems());
        Hunter hunter = Hunter.builder(SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn()))
                .correlations(loaded.correlations())
                .threads(threads)
                .build();
        return hunter.hunt(LogTree.discover(List.of(logs), Optional.empty()));
    }

    @Test
    void testChainedCorrelationAcrossFiles() throws IOException
    {
        HuntResult result = hunt(BRUTE_FORCE, 2);
        assertEquals(1, result.hits().size(), result.hits().toString());
        Hit hit = result.hits().get(0);
        assertEquals("44444444-0000-4000-8000-000000000001", hit.rule().id());
        assertEquals(Level.CRITICAL, hit.rule().level());
        assertEquals("contoso", hit.origin().organisation());
        assertEquals("dc02", hit.origin().host());
        assertEquals(Instant.parse("2025-07-18T10:04:00Z"), hit.time().orElseThrow(), "the success completed it");
        assertEquals(Map.of("TargetUserName", "bob", "temporal_ordered", "2"), hit.matchedFields());
        Hit back = HitJson.read(HitJson.toJson(hit));
        assertEquals(hit.rule(), back.rule());
        assertEquals(hit.matchedFields(), back.matchedFields());
    }

    @Test
    void testGenerateReportsTheReferencedRulesToo() throws IOException
    {
        String generating = BRUTE_FORCE.replaceFirst("level: critical", "level: critical\ngenerate: true");
        HuntResult result = hunt(generating, 1);
        Map<String, Integer> perRule = new TreeMap<>();
        result.hits().forEach(hit -> perRule.merge(hit.rule().title(), 1, Integer::sum));
        assertEquals(Map.of("Password guessed after a burst of failures", 1, "Burst of failed logons", 2, "Successful logon", 3), perRule,
                "the outer correlation generates its references: the burst (bob, alice) and every success; failures feed only the burst");
    }

    @Test
    void testSameHitsWhateverTheThreadCount() throws IOException
    {
        String generating = BRUTE_FORCE.replace("name: failure_burst\n", "name: failure_burst\ngenerate: true\n");
        List<String> single = hunt(generating, 1).hits().stream().map(HitJson::toJson).toList();
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(single, hunt(generating, threads).hits().stream().map(HitJson::toJson).toList(), threads + " threads");
        }
        assertTrue(single.size() > 5, single.toString());
    }

    /** Matches without an event time cannot take part in a window; the hunt counts and says so. */
    @Test
    void testUntimedMatchesAreCountedNotCorrelated() throws IOException
    {
        assertEquals(0, hunt(BRUTE_FORCE, 1).untimedCorrelationMatches());
        List<String> untimed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            untimed.add("{\"EventID\": 4625, \"Channel\": \"Security\", \"TargetUserName\": \"carol\"}");
        }
        untimed.add("{\"EventID\": 4624, \"Channel\": \"Security\", \"TargetUserName\": \"carol\"}");
        write(logs.resolve("contoso/dc03/security.json"), untimed);
        HuntResult result = hunt(BRUTE_FORCE, 2);
        assertEquals(7, result.untimedCorrelationMatches());
        assertEquals(1, result.hits().size(), "carol's burst has no times, so no correlation: " + result.hits());
    }
}
