package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A correlation rule through {@code tradecraft hunt --rules} and {@code rules check}, on the fixture tree under resources/correlation. */
class TestHuntCorrelations
{
    @TempDir
    Path temp;

    private static Path fixture(String name) throws URISyntaxException
    {
        return Path.of(TestHuntCorrelations.class.getResource("/correlation/" + name).toURI());
    }

    @Test
    void testHuntReportsTheCorrelationInsteadOfItsBaseMatches() throws Exception
    {
        CommandRun run = CommandRun.of("hunt", fixture("logs").toString(), "--rules", fixture("rules").toString(), "--format", "jsonl",
                "--workspace", temp.toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        Map<String, Object> hit = JsonTree.object(JsonTree.parse(lines.get(0)));
        assertEquals("6a4f0c1e-5d2b-4c1e-9a70-3c0e5c1f0001", hit.get("rule_id"));
        assertEquals("Burst of ToolPane POSTs from one client", hit.get("title"));
        assertEquals("high", hit.get("level"));
        assertEquals(List.of("attack.initial-access"), hit.get("tags"));
        assertEquals("contoso", hit.get("organisation"));
        assertEquals("2025-07-18T18:11:14Z", hit.get("time"), "exactly five minutes after the first POST: still inside the window");
        assertEquals(8, ((Number) hit.get("line")).intValue());
        assertEquals(Map.of("c-ip", "198.51.100.7", "event_count", "3"), hit.get("fields"));
        assertTrue(run.err().contains("2 rules, "), "the correlation counts as a rule in use: " + run.err());
        assertTrue(run.err().contains("; 1 hits"), run.err());
    }

    @Test
    void testRulesCheckCountsTheCorrelationAsLoaded() throws Exception
    {
        CommandRun run = CommandRun.of("rules", "check", fixture("rules").toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> check = JsonTree.object(JsonTree.parse(run.out()));
        assertEquals(2, ((Number) check.get("total")).intValue(), run.out());
        assertEquals(2, ((Number) check.get("loaded")).intValue(), run.out());
        assertEquals(1, ((Number) JsonTree.object(check.get("loaded_by_status")).get("experimental")).intValue(), run.out());
    }

    @Test
    void testBrokenCorrelationIsReportedWithItsLine() throws IOException
    {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("mr_broken.yml"), """
                title: Dangling
                correlation:
                    type: event_count
                    rules: [nowhere]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        CommandRun run = CommandRun.of("rules", "check", rules.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("mr_broken.yml:1: UNKNOWN_RULE: correlation 'Dangling'"), run.out() + run.err());
    }
}
