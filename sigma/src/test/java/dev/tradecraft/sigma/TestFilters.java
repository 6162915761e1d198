package dev.tradecraft.sigma;

import static dev.tradecraft.sigma.Events.event;
import static dev.tradecraft.sigma.Events.matchesAny;
import static dev.tradecraft.sigma.Events.testMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sigma filters: a separate document narrows the rules it names, AND-ing its condition to theirs. */
class TestFilters
{
    private static final String RULE = """
            title: Logon failure
            id: 11111111-2222-3333-4444-555555555555
            logsource:
                product: test
            detection:
                selection:
                    EventID: 4625
                condition: selection
            level: high
            """;

    private static final String FILTER = """
            title: Not the scanner
            id: 99999999-0000-0000-0000-000000000000
            logsource:
                product: test
            filter:
                rules:
                    - 11111111-2222-3333-4444-555555555555
                scanner:
                    IpAddress: 10.0.0.5
                condition: not scanner
            """;

    @TempDir
    Path directory;

    @Test
    void testFilterNarrowsTheRuleItNames()
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("rules.yml", RULE + "---\n" + FILTER);
        assertEquals(List.of(), loaded.problems());
        assertEquals(1, loaded.filters().size());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertTrue(matchesAny(rules, event("EventID", "4625", "IpAddress", "192.0.2.7")));
        assertFalse(matchesAny(rules, event("EventID", "4625", "IpAddress", "10.0.0.5")));
        assertFalse(matchesAny(rules, event("EventID", "4624", "IpAddress", "192.0.2.7")));
        // The rule keeps what it is: id, title, level.
        assertEquals("Logon failure", loaded.rules().get(0).title());
    }

    @Test
    void testFilterFileMayComeBeforeTheRulesAndApartFromThem() throws IOException
    {
        Files.writeString(directory.resolve("a-filter.yml"), FILTER);
        Files.writeString(directory.resolve("b-rule.yml"), RULE);
        RuleLoadResult loaded = new SigmaRuleLoader().load(List.of(directory));
        assertEquals(List.of(), loaded.problems());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertFalse(matchesAny(rules, event("EventID", "4625", "IpAddress", "10.0.0.5")));
    }

    @Test
    void testFilterForAnotherLogsourceIsNotApplied()
    {
        String otherLogsource = FILTER.replace("product: test", "product: linux");
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("rules.yml", RULE + "---\n" + otherLogsource);
        assertEquals(1, loaded.problems().size());
        assertEquals(RuleProblemKind.BAD_VALUE, loaded.problems().get(0).kind());
        assertTrue(loaded.problems().get(0).message().contains("does not cover rule"), loaded.problems().toString());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertTrue(matchesAny(rules, event("EventID", "4625", "IpAddress", "10.0.0.5")), "the rule is unchanged");
    }

    @Test
    void testFilterIdentifiersDoNotClashWithTheRules()
    {
        // Both name their identifier "selection": the filter's must not replace the rule's.
        String filter = FILTER.replace("scanner", "selection");
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("rules.yml", RULE + "---\n" + filter);
        assertEquals(List.of(), loaded.problems());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertTrue(matchesAny(rules, event("EventID", "4625", "IpAddress", "192.0.2.7")));
        assertFalse(matchesAny(rules, event("EventID", "4625", "IpAddress", "10.0.0.5")));
    }

    @Test
    void testRulesAnyAppliesToEveryCoveredRule()
    {
        String other = RULE.replace("11111111-2222-3333-4444-555555555555", "33333333-2222-3333-4444-555555555555").replace("4625", "4771");
        String linux = RULE.replace("11111111-2222-3333-4444-555555555555", "44444444-2222-3333-4444-555555555555").replace("product: test",
                "product: linux");
        String any = FILTER.replace("    rules:\n        - 11111111-2222-3333-4444-555555555555\n", "    rules: any\n");
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("rules.yml", RULE + "---\n" + other + "---\n" + linux + "---\n" + any);
        assertEquals(List.of(), loaded.problems());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertFalse(matchesAny(rules, event("EventID", "4625", "IpAddress", "10.0.0.5")));
        assertFalse(matchesAny(rules, event("EventID", "4771", "IpAddress", "10.0.0.5")));
        assertTrue(matchesAny(rules, event("EventID", "4771", "IpAddress", "192.0.2.1")));
        assertTrue(loaded.rules().get(2).detection().identifiers().keySet().stream().noneMatch(name -> name.startsWith("filter:")),
                "the linux rule is not covered by a filter for product test");
    }
}
