package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.sigma.condition.And;
import dev.tradecraft.sigma.condition.Not;
import dev.tradecraft.sigma.condition.Ref;
import dev.tradecraft.sigma.rule.DetectionItem;
import dev.tradecraft.sigma.rule.RuleParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class TestSigmaRuleLoader
{
    private static final String GOOD = """
            title: Suspicious Child Of W3wp
            id: 9d1c1b7e-0000-4000-8000-000000000001
            status: experimental
            description: A web server worker starts a shell.
            references:
                - https://example.org/toolshell
            author: Tradecraft Tests
            tags:
                - attack.T1505.003
                - CVE.2025-53770
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    ParentImage|endswith: '\\w3wp.exe'
                    Image|endswith:
                        - '\\cmd.exe'
                        - '\\powershell.exe'
                filter:
                    CommandLine|contains: 'healthcheck'
                condition: selection and not filter
            falsepositives:
                - Admin scripts
            level: high
            """;

    private final SigmaRuleLoader loader = new SigmaRuleLoader();

    private static RuleProblem onlyProblem(RuleLoadResult result)
    {
        assertEquals(List.of(), result.rules(), "no rule should load");
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }

    private RuleProblem problemOf(String text)
    {
        return onlyProblem(loader.loadText("bad.yml", text));
    }

    private static void assertProblem(RuleProblem problem, int line, RuleProblemKind kind, String fragment)
    {
        assertEquals(kind, problem.kind(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        assertTrue(problem.message().contains(fragment), problem.toString());
        assertTrue(problem.toString().startsWith("bad.yml:" + line + ": " + kind + ": "), problem.toString());
    }

    @Test
    void testGoodRuleLoadsWithAllMetadata()
    {
        RuleLoadResult result = loader.loadText("good.yml", GOOD);
        assertEquals(List.of(), result.problems());
        SigmaRule rule = result.rules().get(0);
        assertEquals("9d1c1b7e-0000-4000-8000-000000000001", rule.id());
        assertEquals("Suspicious Child Of W3wp", rule.title());
        assertEquals(RuleStatus.EXPERIMENTAL, rule.status());
        assertEquals(Level.HIGH, rule.level());
        assertEquals("Tradecraft Tests", rule.author());
        assertEquals(List.of("attack.t1505.003", "cve.2025-53770"), rule.tags());
        assertEquals(List.of("https://example.org/toolshell"), rule.references());
        assertEquals(List.of("Admin scripts"), rule.falsepositives());
        assertEquals(new Logsource("windows", "process_creation", ""), rule.logsource());
        assertEquals("good.yml", rule.source());
        assertEquals(1, rule.line());
        assertEquals(new And(List.of(new Ref("selection"), new Not(new Ref("filter")))), rule.detection().condition());
        assertEquals(List.of("ParentImage", "Image", "CommandLine"), rule.detection().fields());
        DetectionItem image = rule.detection().identifiers().get("selection").groups().get(0).items().get(1);
        assertEquals("Image|endswith", image.key());
        assertEquals(2, image.values().size());
        assertEquals(17, image.line());
        RuleRef ref = rule.ref();
        assertEquals(new RuleRef("9d1c1b7e-0000-4000-8000-000000000001", "Suspicious Child Of W3wp", Level.HIGH, "Tradecraft Tests",
                List.of("attack.t1505.003", "cve.2025-53770"), RuleRef.Kind.SIGMA), ref);
    }

    @Test
    void testRuleWithoutIdGetsStableDerivedIdAndDefaults()
    {
        String text = """
                title: No Id
                logsource: {category: webserver}
                detection:
                    s: {cs-method: POST}
                    condition: s
                """;
        SigmaRule first = loader.loadText("a.yml", text).rules().get(0);
        SigmaRule again = loader.loadText("a.yml", text).rules().get(0);
        SigmaRule elsewhere = loader.loadText("b.yml", text).rules().get(0);
        assertEquals(first.id(), again.id());
        assertNotEquals(first.id(), elsewhere.id());
        assertEquals("", first.author());
        assertEquals(RuleStatus.UNSTATED, first.status());
        assertEquals(Level.MEDIUM, first.level());
    }

    @Test
    void testMultiDocumentFileLoadsEachRule()
    {
        RuleLoadResult result = loader.loadText("multi.yml", """
                title: One
                id: one
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: 4624}
                    condition: s
                ---
                title: Correlated
                id: corr
                correlation:
                    type: event_count
                    rules: [one]
                    group-by: [TargetUserName]
                    timespan: 10m
                    condition: {gte: 10}
                ---
                title: Two
                id: two
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: 4625}
                    condition: s
                """);
        assertEquals(List.of("one", "two"), List.of(result.rules().get(0).id(), result.rules().get(1).id()));
        assertEquals(List.of(), result.problems());
        assertEquals("corr", result.correlations().get(0).id());
        assertEquals(8, result.correlations().get(0).line());
        assertEquals(17, result.rules().get(1).line());
    }

    @Test
    void testBadYaml()
    {
        assertProblem(problemOf("title: x\ndetection: [a, b\n"), 3, RuleProblemKind.BAD_YAML, "YAML syntax error");
    }

    @Test
    void testDuplicateKeyIsBadYaml()
    {
        assertProblem(problemOf("""
                title: Dup
                id: dup
                logsource: {category: webserver}
                detection:
                    s: {a: 1}
                    s: {a: 2}
                    condition: s
                """), 6, RuleProblemKind.BAD_YAML, "duplicate key 's' (first at line 5)");
    }

    @Test
    void testNotARule()
    {
        assertProblem(problemOf("- just\n- a list\n"), 1, RuleProblemKind.NOT_A_RULE, "document 1 is a list");
        assertProblem(problemOf("name: config\nvalue: 3\n"), 1, RuleProblemKind.NOT_A_RULE, "no title, logsource or detection");
    }

    @Test
    void testMissingField()
    {
        assertProblem(problemOf("""
                title: No Logsource
                id: nl
                detection:
                    s: {a: 1}
                    condition: s
                """), 1, RuleProblemKind.MISSING_FIELD, "rule 'No Logsource' (nl): no logsource");
        assertProblem(problemOf("""
                title: No Condition
                id: nc
                logsource: {category: webserver}
                detection:
                    s: {a: 1}
                """), 4, RuleProblemKind.MISSING_FIELD, "detection has no condition");
    }

    @Test
    void testBadValue()
    {
        assertProblem(problemOf("""
                title: Bad Status
                id: bs
                status: production
                logsource: {category: webserver}
                detection:
                    s: {a: 1}
                    condition: s
                """), 3, RuleProblemKind.BAD_VALUE, "unknown status 'production', must be one of: stable, test, experimental");
        assertProblem(problemOf("""
                title: Nested
                id: nested
                logsource: {category: webserver}
                detection:
                    s:
                        a:
                            b: c
                    condition: s
                """), 7, RuleProblemKind.BAD_VALUE, "'a' must have plain values, not a mapping");
        assertProblem(problemOf("""
                title: List Id
                id: [a, b]
                logsource: {category: webserver}
                detection:
                    s: {a: 1}
                    condition: s
                """), 2, RuleProblemKind.BAD_VALUE, "rule 'List Id': id must be a single non-empty value");
    }

    @Test
    void testUnknownModifier()
    {
        assertProblem(problemOf("""
                title: Unknown Modifier
                id: um
                logsource: {category: process_creation, product: windows}
                detection:
                    selection:
                        CommandLine|foo: x
                    condition: selection
                """), 6, RuleProblemKind.UNKNOWN_MODIFIER,
                "rule 'Unknown Modifier' (um): identifier 'selection': unknown modifier 'foo' on field CommandLine (known: all, base64,");
    }

    @Test
    void testTimePartOutOfRange()
    {
        assertProblem(problemOf("""
                title: Minute
                id: mi
                logsource: {product: windows, service: security}
                detection:
                    selection:
                        TimeCreated|minute: 75
                    condition: selection
                """), 6, RuleProblemKind.BAD_VALUE, "modifier 'minute' on field TimeCreated needs a whole number in [0,59], not '75'");
    }

    @Test
    void testBadCondition()
    {
        assertProblem(problemOf("""
                title: Bad Condition
                id: bc
                logsource: {category: webserver}
                detection:
                    s: {a: 1}
                    condition: s and (not s
                """), 6, RuleProblemKind.BAD_CONDITION, "condition 's and (not s': '(' is never closed (at column 7)");
    }

    @Test
    void testUnknownIdentifier()
    {
        assertProblem(problemOf("""
                title: Unknown Identifier
                id: ui
                logsource: {category: webserver}
                detection:
                    selection: {a: 1}
                    condition: selection and not filter
                """), 6, RuleProblemKind.UNKNOWN_IDENTIFIER, "unknown identifier 'filter' (detection has: selection)");
    }

    @Test
    void testBadRegex()
    {
        assertProblem(problemOf("""
                title: Lookbehind
                id: lb
                logsource: {category: webserver}
                detection:
                    selection:
                        cs-uri-query|re: '(?<!safe)cmd='
                    condition: selection
                """), 6, RuleProblemKind.BAD_REGEX, "rejected by RE2/J");
    }

    @Test
    void testUnsupportedFeatures()
    {
        assertProblem(problemOf("""
                title: Count
                id: cnt
                logsource: {category: webserver}
                detection:
                    s: {sc-status: 401}
                    condition: s | count() by c-ip > 10
                """), 6, RuleProblemKind.UNSUPPORTED_FEATURE, "legacy aggregation '| count() by c-ip > 10'");
        // A filter naming a rule that is not loaded applies to nothing, and says so.
        assertProblem(problemOf("""
                title: Filter
                id: flt
                logsource: {category: process_creation, product: windows}
                filter:
                    rules: [abc]
                    selection: {User: admin}
                    condition: not selection
                """), 1, RuleProblemKind.UNKNOWN_IDENTIFIER, "filter 'Filter' (flt): names rule abc, which is not among the rules loaded");
    }

    @Test
    void testGlobalCollectionIsMergedIntoEveryRule()
    {
        RuleLoadResult result = loader.loadText("collection.yml", """
                action: global
                title: Whoami variants
                status: test
                logsource: {category: process_creation, product: windows}
                detection:
                    condition: selection
                level: high
                ---
                id: first
                detection:
                    selection:
                        Image|endswith: '\\whoami.exe'
                ---
                id: second
                title: Whoami by name
                detection:
                    selection:
                        OriginalFileName: whoami.exe
                ---
                action: repeat
                id: third
                detection:
                    selection:
                        OriginalFileName: WHOAMI.EXE
                ---
                action: reset
                ---
                title: After reset
                id: fourth
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: 4625}
                    condition: s
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("first", "second", "third", "fourth"), result.rules().stream().map(SigmaRule::id).toList());
        SigmaRule first = result.rules().get(0);
        assertEquals("Whoami variants", first.title());
        assertEquals(RuleStatus.TEST, first.status());
        assertEquals("process_creation", first.logsource().category());
        assertEquals(9, first.line(), "a merged rule is where its own document is");
        assertEquals("Whoami by name", result.rules().get(1).title());
        // repeat: the previous rule with this document's changes.
        assertEquals("Whoami by name", result.rules().get(2).title());
        assertEquals(Level.HIGH, result.rules().get(2).level());
        // reset: nothing global any more.
        assertEquals(RuleStatus.UNSTATED, result.rules().get(3).status());
        assertEquals(RuleParser.DEFAULT_LEVEL, result.rules().get(3).level());
    }

    @Test
    void testCollectionMistakesCostTheirDocument()
    {
        RuleLoadResult result = loader.loadText("bad.yml", """
                action: repeat
                title: Nothing to repeat
                ---
                action: sideways
                """ + "---\n" + GOOD);
        assertEquals(1, result.rules().size());
        assertEquals(2, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("action: repeat needs a rule document before it"), result.problems().toString());
        assertTrue(result.problems().get(1).message().contains("action must be global, reset or repeat"), result.problems().toString());
    }

    @Test
    void testDuplicateId()
    {
        RuleLoadResult result = loader.loadText("bad.yml", GOOD + "---\n" + GOOD.replace("Suspicious Child Of W3wp", "Copy"));
        assertEquals(1, result.rules().size());
        RuleProblem problem = result.problems().get(0);
        assertProblem(problem, 27, RuleProblemKind.DUPLICATE_ID, "rule 'Copy' (9d1c1b7e-0000-4000-8000-000000000001): id already used by 'Suspicious Child Of W3wp'");
    }

    @Test
    void testAllProblemsOfOneRuleAreReported()
    {
        RuleLoadResult result = loader.loadText("bad.yml", """
                title: Many
                id: many
                level: severe
                logsource: {category: webserver}
                detection:
                    a: {f|bar: 1}
                    b: {f|re: '(?=x)'}
                    condition: a and c
                """);
        assertEquals(List.of(), result.rules());
        List<RuleProblemKind> kinds = result.problems().stream().map(RuleProblem::kind).toList();
        assertEquals(List.of(RuleProblemKind.BAD_VALUE, RuleProblemKind.UNKNOWN_MODIFIER, RuleProblemKind.BAD_REGEX,
                RuleProblemKind.UNKNOWN_IDENTIFIER), kinds);
    }

    @Test
    void testOneBadRuleNeverStopsTheOthers(@TempDir Path dir)
            throws IOException
    {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b_good.yml"), GOOD);
        Files.writeString(dir.resolve("a_broken.yml"), "title: [unclosed\n");
        Files.write(dir.resolve("sub/latin1.yaml"), "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        Files.writeString(dir.resolve("sub/c_good.yaml"), "\uFEFF" + GOOD.replace("000000000001", "000000000002"));
        RuleLoadResult result = loader.load(List.of(dir));
        assertEquals(List.of("9d1c1b7e-0000-4000-8000-000000000001", "9d1c1b7e-0000-4000-8000-000000000002"),
                result.rules().stream().map(SigmaRule::id).toList());
        assertEquals(2, result.problems().size(), result.problems().toString());
        assertEquals(dir.resolve("a_broken.yml").toString(), result.problems().get(0).source());
        assertEquals(RuleProblemKind.BAD_YAML, result.problems().get(1).kind());
        assertTrue(result.problems().get(1).message().contains("not UTF-8"), result.problems().get(1).toString());
    }

    @Test
    void testMissingPathIsReported(@TempDir Path dir)
    {
        RuleProblem problem = onlyProblem(loader.load(List.of(dir.resolve("absent.yml"))));
        assertEquals(RuleProblemKind.BAD_YAML, problem.kind());
        assertTrue(problem.message().startsWith("cannot read"), problem.toString());
    }

    @Test
    void testEmojiAcrossParserBufferBoundaryLoads()
    {
        // A surrogate pair at the parser's 1024-char buffer end used to crash snakeyaml-engine 2.10.
        for (int padding = 0; padding < 8; padding++) {
            String text = "# " + "x".repeat(1000 + padding) + "\n" + GOOD.replace("Suspicious Child Of W3wp", "Emoji \uD83D\uDE00\uD83D\uDE00\uD83D\uDE00");
            RuleLoadResult result = loader.loadText("emoji.yml", text);
            assertEquals(List.of(), result.problems(), "padding " + padding);
        }
    }
}
