package dev.tradecraft.cli;

import static dev.tradecraft.cli.JsonTree.array;
import static dev.tradecraft.cli.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tradecraft rules check`: what loaded per status, every rule left out with all its reasons, rules waiting for a mapping. */
class TestRulesCheckCommand
{
    @TempDir
    static Path rules;

    @BeforeAll
    static void writeRules() throws IOException
    {
        write("stable.yml", rule("Stable one", "11111111-1111-1111-1111-111111111111", "stable", "windows", "process_creation", "CommandLine|contains: whoami"));
        write("nested/experimental.yml", rule("Experimental one", "22222222-2222-2222-2222-222222222222", "experimental", "windows", "process_creation",
                "Image|endswith: '\\\\cmd.exe'"));
        write("linux.yml", rule("Linux one", "33333333-3333-3333-3333-333333333333", "test", "linux", "process_creation", "Image|endswith: /bash"));
        write("unknown-modifier.yml", rule("Bad modifier", "44444444-4444-4444-4444-444444444444", "test", "windows", "process_creation",
                "CommandLine|sideways: x"));
        write("two-problems.yml", """
                title: Two bad identifiers
                id: 55555555-5555-5555-5555-555555555555
                status: test
                logsource:
                    product: windows
                    category: process_creation
                detection:
                    first:
                        CommandLine|sideways: x
                    second:
                        Image|backwards: y
                    condition: first or second
                """);
        write("not-yaml.yml", "title: [unclosed\n");
    }

    @Test
    void testPlaceholderRulesLoadAndWaitForTheSitesValues(@TempDir Path tree) throws IOException
    {
        Files.writeString(tree.resolve("admin-logon.yml"), rule("Admin logon", "66666666-6666-6666-6666-666666666666", "test", "windows", "process_creation",
                "User|expand: '%Administrators%'"), StandardCharsets.UTF_8);
        // Not *.yml, so the rule loader does not take it for a rule.
        Path values = Files.writeString(tree.resolve("placeholder-values.txt"), "placeholders:\n  Administrators: [alice, bob]\n");
        Map<String, Object> waiting = object(JsonTree.parse(CommandRun.of("rules", "check", tree.toString(), "--format", "json").out()));
        assertEquals(1L, waiting.get("loaded"));
        assertEquals(1L, object(waiting.get("awaiting_placeholders")).get("rules"));
        assertEquals(1L, object(object(waiting.get("awaiting_placeholders")).get("by_placeholder")).get("Administrators"));

        CommandRun given = CommandRun.of("rules", "check", tree.toString(), "--placeholders", values.toString(), "--format", "json");
        assertEquals(0, given.exitCode(), given.err());
        assertEquals(0L, object(object(JsonTree.parse(given.out())).get("awaiting_placeholders")).get("rules"));
    }

    private static String rule(String title, String id, String status, String product, String category, String selection)
    {
        return "title: " + title + "\nid: " + id + "\nstatus: " + status + "\nlogsource:\n    product: " + product + "\n    category: " + category
                + "\ndetection:\n    selection:\n        " + selection + "\n    condition: selection\n";
    }

    private static void write(String name, String text) throws IOException
    {
        Path file = rules.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void testJsonCountsRulesNotProblems() throws IOException
    {
        CommandRun run = CommandRun.of("rules", "check", rules.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> json = object(JsonTree.parse(run.out()));
        assertEquals(6L, json.get("total"), run.out());
        assertEquals(3L, json.get("loaded"));
        Map<String, Object> byStatus = object(json.get("loaded_by_status"));
        assertEquals(1L, byStatus.get("stable"));
        assertEquals(1L, byStatus.get("experimental"));
        assertEquals(1L, byStatus.get("test"));
        List<Object> notLoaded = array(json.get("not_loaded"));
        assertEquals(3, notLoaded.size());
        Map<String, Object> twoProblems = null;
        for (Object entry : notLoaded) {
            Map<String, Object> rule = object(entry);
            assertTrue(!((String) rule.get("reason")).isBlank(), rule.toString());
            if (((String) rule.get("file")).endsWith("two-problems.yml")) {
                twoProblems = rule;
            }
        }
        assertEquals(2, array(twoProblems.get("problems")).size(), twoProblems.toString());
        assertEquals(1L, twoProblems.get("line"));
        String reason = (String) twoProblems.get("reason");
        assertTrue(reason.contains("sideways") && reason.contains("backwards"), reason);
        Map<String, Object> unmapped = object(json.get("unmapped"));
        assertEquals(1L, unmapped.get("rules"));
        assertEquals(1L, object(unmapped.get("by_logsource")).get("linux/process_creation"));
    }

    @Test
    void testTableListsEveryRuleLeftOut()
    {
        CommandRun run = CommandRun.of("rules", "check", rules.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("6 rules: 3 loaded, 3 not loaded"), run.out());
        assertTrue(run.out().contains("unknown-modifier.yml:"), run.out());
        assertTrue(run.out().contains("not-yaml.yml"), run.out());
        assertTrue(run.out().contains("    and "), "the second problem of a rule is listed under it: " + run.out());
        assertTrue(run.out().contains("linux/process_creation"), run.out());
    }

    @Test
    void testMissingPathIsInvalidInputAndNothingLoadedIsNothingDone() throws IOException
    {
        assertEquals(2, CommandRun.of("rules", "check", rules.resolve("nope").toString()).exitCode());
        assertEquals(1, CommandRun.of("rules", "check", rules.resolve("not-yaml.yml").toString()).exitCode());
    }
}
