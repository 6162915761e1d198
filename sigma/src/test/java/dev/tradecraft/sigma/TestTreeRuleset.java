package dev.tradecraft.sigma;

import static dev.tradecraft.sigma.Events.detection;
import static dev.tradecraft.sigma.Events.event;
import static dev.tradecraft.sigma.Events.matches;
import static dev.tradecraft.sigma.Events.matchesAny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Detection semantics of the tree-walking evaluator, rule text in, events in, matches out. */
class TestTreeRuleset
{
    private static final String ID = "11111111-2222-3333-4444-555555555555";

    @Test
    void testMapIsAndOfItems()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventLog: Security
                        EventID: 517
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("EventLog", "Security", "EventID", "517")));
        assertFalse(matchesAny(rules, event("EventLog", "Security", "EventID", "518")));
        assertFalse(matchesAny(rules, event("EventID", "517")));
    }

    @Test
    void testValueListIsOr()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventID: [517, 1102]
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("EventID", "517")));
        assertTrue(matchesAny(rules, event("EventID", "1102")));
        assertFalse(matchesAny(rules, event("EventID", "4624")));
    }

    @Test
    void testAllModifierMakesValueListAnd()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        CommandLine|contains|all: [' -enc ', 'bypass']
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("CommandLine", "powershell -ep Bypass -enc AAAA")));
        assertFalse(matchesAny(rules, event("CommandLine", "powershell -ep bypass")));
    }

    @Test
    void testListOfMapsIsOr()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        - Image|endswith: '\\cmd.exe'
                        - OriginalFileName: 'Cmd.Exe'
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("Image", "C:\\Windows\\System32\\CMD.EXE")));
        assertTrue(matchesAny(rules, event("OriginalFileName", "cmd.exe")));
        assertFalse(matchesAny(rules, event("Image", "C:\\cmd.exe.bak")));
    }

    @Test
    void testPlainStringIsWholeValueCaseInsensitive()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        cs-method: 'POST'
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("cs-method", "post")));
        assertFalse(matchesAny(rules, event("cs-method", "POSTS")));
        assertFalse(matchesAny(rules, event("cs-method", " POST")));
    }

    @Test
    void testNumbersMatchTheirTextForm()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventID: 4688
                        Status: 0xC000006D
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("EventID", "4688", "Status", "0xc000006d")));
        assertTrue(matchesAny(rules, event("EventID", "4688", "Status", "3221225581")));
        assertFalse(matchesAny(rules, event("EventID", "46880", "Status", "0xc000006d")));
    }

    @Test
    void testNullMeansFieldAbsent()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventID: 4738
                    filter:
                        PasswordLastSet: null
                    condition: selection and not filter
                """);
        assertTrue(matchesAny(rules, event("EventID", "4738", "PasswordLastSet", "2025-07-18")));
        assertTrue(matchesAny(rules, event("EventID", "4738", "PasswordLastSet", "")));
        assertFalse(matchesAny(rules, event("EventID", "4738")));
    }

    @Test
    void testEmptyStringMeansPresentAndEmpty()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        CommandLine: ''
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("CommandLine", "")));
        assertFalse(matchesAny(rules, event("Image", "x")));
        assertFalse(matchesAny(rules, event("CommandLine", " ")));
    }

    @Test
    void testKeywordsSearchEveryFieldAsSubstring()
    {
        SigmaRuleset rules = detection("""
                    keywords:
                        - 'event::clear'
                        - 'event::drop'
                    condition: keywords
                """);
        Map<String, Map<String, String>> found = matches(rules, event("Image", "mimikatz.exe", "CommandLine", "x EVENT::Drop y"));
        assertEquals(Map.of("CommandLine", "x EVENT::Drop y"), found.get(ID));
        assertFalse(matchesAny(rules, event("CommandLine", "event:clear")));
    }

    @Test
    void testKeywordWithWildcardsMatchesWholeValues()
    {
        SigmaRuleset rules = detection("""
                    keywords:
                        - 'spinstall?.aspx'
                    condition: keywords
                """);
        assertTrue(matchesAny(rules, event("cs-uri-stem", "spinstall0.aspx")));
        assertFalse(matchesAny(rules, event("cs-uri-stem", "/_layouts/15/spinstall0.aspx")));
    }

    @Test
    void testKeylessAllNeedsEveryKeywordSomewhere()
    {
        SigmaRuleset rules = detection("""
                    keywords_cmdlet:
                        '|all': ['OabVirtualDirectory', ' -ExternalUrl ']
                    condition: keywords_cmdlet
                """);
        Map<String, Map<String, String>> found = matches(rules,
                event("Payload", "Set-OabVirtualDirectory", "Other", "x", "Params", "a -ExternalUrl b"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Payload", "Set-OabVirtualDirectory");
        expected.put("Params", "a -ExternalUrl b");
        assertEquals(expected, found.get(ID));
        assertEquals(List.of("Payload", "Params"), new ArrayList<>(found.get(ID).keySet()));
        assertFalse(matchesAny(rules, event("Payload", "Set-OabVirtualDirectory")));
    }

    @Test
    void testMatchedFieldsListReferencedFieldsInRuleOrder()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        ParentImage|endswith: '\\w3wp.exe'
                        Image|endswith: '\\cmd.exe'
                    filter:
                        User: 'SYSTEM'
                    condition: selection and not filter
                """);
        Map<String, Map<String, String>> found = matches(rules,
                event("Image", "C:\\Windows\\System32\\cmd.exe", "User", "sp_farm", "ParentImage", "C:\\w3wp.exe", "Extra", "1"));
        assertEquals(List.of("ParentImage", "Image", "User"), new ArrayList<>(found.get(ID).keySet()));
    }

    @Test
    void testKeywordEvidenceUnderNegationOrFailedBranchIsDropped()
    {
        SigmaRuleset rules = detection("""
                    keywords_a:
                        - 'alpha'
                    keywords_b:
                        - 'beta'
                    selection:
                        Image: 'x.exe'
                    condition: (keywords_a and selection) or (keywords_b and not keywords_a)
                """);
        Map<String, Map<String, String>> found = matches(rules, event("Image", "y.exe", "F1", "beta", "F2", "nothing"));
        assertEquals(Map.of("Image", "y.exe", "F1", "beta"), found.get(ID));
        assertFalse(matchesAny(rules, event("Image", "y.exe", "F1", "beta", "F2", "alpha")));
    }

    @Test
    void testNeqNegatesTheItem()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventID: 1
                        User|neq: ['SYSTEM', 'LOCAL SERVICE']
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("EventID", "1", "User", "alice")));
        assertFalse(matchesAny(rules, event("EventID", "1", "User", "system")));
        assertFalse(matchesAny(rules, event("EventID", "1", "User", "Local Service")));
    }

    @Test
    void testFieldrefComparesTwoFields()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        TargetUserName|fieldref: SubjectUserName
                    prefix:
                        Path|fieldref|startswith: Home
                    condition: selection or prefix
                """);
        assertTrue(matchesAny(rules, event("TargetUserName", "Alice", "SubjectUserName", "alice")));
        assertFalse(matchesAny(rules, event("TargetUserName", "alice", "SubjectUserName", "bob")));
        assertFalse(matchesAny(rules, event("TargetUserName", "alice")));
        assertTrue(matchesAny(rules, event("Path", "C:\\Users\\a\\x.txt", "Home", "C:\\Users\\a")));
    }

    @Test
    void testExistsChecksPresenceOnly()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        Hashes|exists: true
                        Signature|exists: false
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("Hashes", "")));
        assertFalse(matchesAny(rules, event("Hashes", "SHA256=AB", "Signature", "")));
        assertFalse(matchesAny(rules, event("Other", "x")));
    }

    @Test
    void testNumericComparisons()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        sc-bytes|gte: 1000
                        time-taken|lt: 5
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("sc-bytes", "1000", "time-taken", "4.5")));
        assertFalse(matchesAny(rules, event("sc-bytes", "999", "time-taken", "1")));
        assertFalse(matchesAny(rules, event("sc-bytes", "-", "time-taken", "1")));
    }

    @Test
    void testConditionListIsOr()
    {
        SigmaRuleset rules = detection("""
                    a:
                        F: 'one'
                    b:
                        F: 'two'
                    condition:
                        - a
                        - b
                """);
        assertTrue(matchesAny(rules, event("F", "one")));
        assertTrue(matchesAny(rules, event("F", "two")));
        assertFalse(matchesAny(rules, event("F", "three")));
    }

    @Test
    void testOneOfAndAllOfPatterns()
    {
        SigmaRuleset rules = detection("""
                    selection_a:
                        A: '1'
                    selection_b:
                        B: '1'
                    filter_main:
                        C: '1'
                    condition: all of selection_* and not 1 of filter_*
                """);
        assertTrue(matchesAny(rules, event("A", "1", "B", "1")));
        assertFalse(matchesAny(rules, event("A", "1")));
        assertFalse(matchesAny(rules, event("A", "1", "B", "1", "C", "1")));
    }

    @Test
    void testToolShellWebRuleOnIisLines()
    {
        SigmaRuleset rules = Events.compile("""
                title: SharePoint ToolShell CVE-2025-53770 Exploitation - Web IIS
                id: 48d053db-6a56-4866-b60d-0975647050ed
                logsource:
                    category: webserver
                detection:
                    selection_exploit_post:
                        cs-method: 'POST'
                        cs-uri-stem|contains: '/_layouts/15/ToolPane.aspx'
                        cs-uri-query|contains: 'DisplayMode=Edit&a=/ToolPane.aspx'
                    selection_exploit_get:
                        cs-method: 'GET'
                        cs-uri-stem|contains: '/_layouts/15/spinstall0.aspx'
                    selection_referer:
                        cs-referer|contains: '/_layouts/SignOut.aspx'
                    condition: 1 of selection_exploit_* and selection_referer
                level: medium
                """, LogsourceMappings.builtIn());
        dev.tradecraft.core.Logsource iis = new dev.tradecraft.core.Logsource("windows", "webserver", "iis");
        assertTrue(matchesAny(rules, event(iis, "cs-method", "POST", "cs-uri-stem", "/_layouts/15/ToolPane.aspx",
                "cs-uri-query", "DisplayMode=Edit&a=/ToolPane.aspx", "cs-referer", "/_layouts/SignOut.aspx")));
        assertTrue(matchesAny(rules, event(iis, "cs-method", "GET", "cs-uri-stem", "/_layouts/15/spinstall0.aspx",
                "cs-uri-query", "", "cs-referer", "/_layouts/SignOut.aspx")));
        assertTrue(matchesAny(rules, event(iis, "cs-method", "POST", "cs-uri-stem", "/_layouts/15/ToolPane.aspx/",
                "cs-uri-query", "DisplayMode=Edit&a=/ToolPane.aspx", "cs-referer", "/_layouts/SignOut.aspx")));
        // The scanner line of toolshell.md §5: GET without the SignOut referer.
        assertFalse(matchesAny(rules, event(iis, "cs-method", "GET", "cs-uri-stem", "/_layouts/15/ToolPane.aspx",
                "cs-uri-query", "DisplayMode=Edit", "cs-referer", "")));
        // Same request, but not a web server event.
        assertFalse(matchesAny(rules, event(new dev.tradecraft.core.Logsource("windows", "", "security"), "cs-method", "GET",
                "cs-uri-stem", "/_layouts/15/spinstall0.aspx", "cs-referer", "/_layouts/SignOut.aspx")));
    }

    @Test
    void testRulesetReportsEachMatchingRuleOnceInOrder()
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("two.yml", """
                title: First
                id: a
                logsource: {product: test}
                detection:
                    s: {F: x}
                    condition: s
                ---
                title: Second
                id: b
                logsource: {product: test}
                detection:
                    s: {F|startswith: x}
                    condition: s
                """);
        SigmaRuleset ruleset = SigmaCompiler.compile(loaded.rules(), Events.testMappings());
        List<String> ids = new ArrayList<>();
        ruleset.match(event("F", "x"), (rule, fields) -> ids.add(rule.id()));
        assertEquals(List.of("a", "b"), ids);
        assertEquals(List.of("a", "b"), List.of(ruleset.rules().get(0).id(), ruleset.rules().get(1).id()));
    }

    @Test
    void testSinkMayMatchAnotherEventOnTheSameThread()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        F|contains: 'needle'
                    condition: selection
                """);
        List<String> seen = new ArrayList<>();
        rules.match(event("F", "a needle", "G", "outer"), (rule, fields) -> {
            seen.add("outer " + fields);
            rules.match(event("F", "needle inner"), (inner, innerFields) -> seen.add("inner " + innerFields));
            seen.add("outer again " + fields);
        });
        assertEquals(List.of("outer {F=a needle}", "inner {F=needle inner}", "outer again {F=a needle}"), seen);
    }

    @Test
    void testConcurrentMatchingGivesTheSameResults()
            throws InterruptedException
    {
        SigmaRuleset rules = detection("""
                    selection:
                        CommandLine|contains|all: ['-enc', 'bypass']
                    keywords:
                        - 'mimikatz'
                    condition: selection or keywords
                """);
        int threads = 4;
        int events = 2_000;
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    String commandLine = "notepad " + i;
                    if (i % 3 == 0) {
                        commandLine = "powershell -enc AA -ep Bypass " + i;
                    }
                    else if (i % 3 == 1) {
                        commandLine = "run MIMIKATZ " + i;
                    }
                    rules.match(event("CommandLine", commandLine, "Worker", String.valueOf(worker)), (rule, fields) -> counts[worker]++);
                }
            }, "tradecraft-test-" + t));
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(events - events / 3, counts[t], "thread " + t);
        }
    }
}
