package dev.tradecraft.cli;

import static dev.tradecraft.cli.JsonTree.array;
import static dev.tradecraft.cli.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tradecraft rules test --regression`: SigmaHQ-style cases, on a small tree written here and on SigmaHQ's own. */
class TestRulesTestCommand
{
    private static final Path CORPUS = Path.of("../shared/corpus");
    private static final String WHOAMI_RULE = "11111111-1111-1111-1111-111111111111";
    private static final String NETSTAT_RULE = "22222222-2222-2222-2222-222222222222";

    @TempDir
    static Path root;

    @BeforeAll
    static void writeCases() throws IOException
    {
        write("rules/whoami.yml", rule("Whoami", WHOAMI_RULE, "whoami.exe"));
        write("rules/netstat.yml", rule("Netstat", NETSTAT_RULE, "netstat.exe"));
        String twoWhoami = event("C:\\\\Windows\\\\System32\\\\whoami.exe") + "\n" + event("C:\\\\Windows\\\\System32\\\\whoami.exe") + "\n";
        // Fires twice where one is expected: passes, with a warning (as in SigmaHQ's runner).
        writeCase("regression_data/rules/whoami", WHOAMI_RULE, "1", twoWhoami);
        // Expects netstat, gets whoami: fails.
        writeCase("regression_data/rules/netstat", NETSTAT_RULE, "", event("C:\\\\Windows\\\\System32\\\\whoami.exe") + "\n");
        write("regression_data/rules/raw/info.yml", "rule_metadata:\n    - id: " + NETSTAT_RULE + "\nregression_tests_info:\n    - name: Raw\n      type: raw\n      path: x.raw\n");
    }

    private static String rule(String title, String id, String image)
    {
        return "title: " + title + "\nid: " + id + "\nstatus: test\nlogsource:\n    product: windows\n    category: process_creation\n"
                + "detection:\n    selection:\n        Image|endswith: '\\" + image + "'\n    condition: selection\n";
    }

    private static String event(String image)
    {
        return "{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},\"System\":{\"Provider\":{\"#attributes\":"
                + "{\"Name\":\"Microsoft-Windows-Sysmon\",\"Guid\":\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\"}},\"EventID\":1,\"TimeCreated\":"
                + "{\"#attributes\":{\"SystemTime\":\"2025-07-19T10:00:00.000000Z\"}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"Computer\":\"sp01\"},\"EventData\":{\"Image\":\"" + image + "\",\"CommandLine\":\"x\"}}}";
    }

    private static void writeCase(String folder, String ruleId, String matchCount, String events) throws IOException
    {
        String count = matchCount.isEmpty() ? "" : "      match_count: " + matchCount + "\n";
        write(folder + "/info.yml", "id: 00000000-0000-0000-0000-000000000000\nrule_metadata:\n    - id: " + ruleId + "\n      title: t\n"
                + "regression_tests_info:\n    - name: Positive Detection Test\n      type: evtx\n" + count + "      path: " + folder + "/" + ruleId + ".evtx\n");
        write(folder + "/" + ruleId + ".json", events);
    }

    private static void write(String name, String text) throws IOException
    {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void testPassesWarnsFailsAndSaysWhatItDidNotRun() throws IOException
    {
        // The fixtures hold .json twins only; by default the .evtx files would be hunted.
        CommandRun missing = CommandRun.of("rules", "test", "--regression", root.toString(), "--rules", root.resolve("rules").toString());
        assertTrue(missing.out().startsWith("0 regression cases"), missing.out());
        assertTrue(missing.out().contains(".evtx"), missing.out());
        CommandRun run = CommandRun.of("rules", "test", "--events", "json", "--regression", root.toString(), "--rules", root.resolve("rules").toString(),
                "--format", "json");
        assertEquals(1, run.exitCode(), "a failed case makes the run fail: " + run.out() + run.err());
        Map<String, Object> json = object(JsonTree.parse(run.out()));
        assertEquals(2L, json.get("cases"), run.out());
        assertEquals(1L, json.get("passed"));
        List<Object> failed = array(json.get("failed"));
        assertEquals(1, failed.size());
        assertEquals(NETSTAT_RULE, object(failed.get(0)).get("rule_id"));
        assertEquals(0L, object(failed.get(0)).get("matches"));
        List<Object> warnings = array(json.get("warnings"));
        assertEquals(1, warnings.size());
        assertEquals(2L, object(warnings.get(0)).get("matches"));
        assertEquals(1, array(json.get("not_run")).size());
        assertTrue(((String) array(json.get("not_run")).get(0)).contains("type 'raw'"), run.out());

        // regression_data/ itself works as the root, as SigmaHQ's paths start above it.
        CommandRun inner = CommandRun.of("rules", "test", "--events", "json", "--regression", root.resolve("regression_data").toString(),
                "--rules", root.resolve("rules").toString());
        assertTrue(inner.out().startsWith("2 regression cases: 1 passed, 1 failed, 1 warnings"), inner.out());
    }

    @Test
    void testSigmaHqCasesPassFromEvtxAndFromJson() throws IOException
    {
        Path regression = CORPUS.resolve("sigma-regression");
        assumeTrue(Files.isDirectory(regression) && Files.isDirectory(CORPUS.resolve("sigma/rules")), "../shared/corpus is absent: SigmaHQ regression cases not run");
        Map<String, Long> passed = new LinkedHashMap<>();
        for (String events : List.of("evtx", "json")) {
            CommandRun run = CommandRun.of("rules", "test", "--events", events, "--regression", regression.toString(),
                    "--rules", CORPUS.resolve("sigma/rules").toString(), "--rules", CORPUS.resolve("sigma/rules-emerging-threats").toString(),
                    "--rules", CORPUS.resolve("sigma/rules-threat-hunting").toString(), "--format", "json");
            Map<String, Object> json = object(JsonTree.parse(run.out()));
            System.out.println("SigmaHQ regression through `rules test --events " + events + "`: " + json.get("cases") + " cases, "
                    + json.get("passed") + " passed, " + array(json.get("warnings")).size() + " warnings");
            assertEquals(202L, json.get("cases"));
            assertTrue((Long) json.get("passed") >= 200, "at least 99% pass: " + json.get("failed"));
            passed.put(events, (Long) json.get("passed"));
        }
        assertEquals(passed.get("json"), passed.get("evtx"), "the same cases pass from the .evtx files as from their JSON twins");
    }
}
