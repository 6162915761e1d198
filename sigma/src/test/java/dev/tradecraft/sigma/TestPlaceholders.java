package dev.tradecraft.sigma;

import static dev.tradecraft.sigma.Events.event;
import static dev.tradecraft.sigma.Events.matchesAny;
import static dev.tradecraft.sigma.Events.testMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code expand} modifier: placeholders stand for the site's values, and a rule waits until it has them. */
class TestPlaceholders
{
    private static final String RULE = """
            title: Logon from an admin workstation
            id: 11111111-2222-3333-4444-555555555555
            logsource:
                product: test
            detection:
                selection:
                    EventID: 4624
                filter_admins:
                    WorkstationName|expand: '%Admins_Workstations%'
                condition: selection and not filter_admins
            level: high
            """;

    @TempDir
    Path directory;

    @Test
    void testValuesExpandToAlternatives()
    {
        Placeholders placeholders = new Placeholders(Map.of("Admins_Workstations", List.of("ADM-WS-01", "adm-ws-*")));
        RuleLoadResult loaded = new SigmaRuleLoader(placeholders).loadText("test.yml", RULE);
        assertEquals(List.of(), loaded.problems());
        assertEquals(Set.of(), loaded.rules().get(0).unresolvedPlaceholders());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertEquals(List.of(), rules.problems());
        assertTrue(matchesAny(rules, event("EventID", "4624", "WorkstationName", "HR-PC-7")));
        assertFalse(matchesAny(rules, event("EventID", "4624", "WorkstationName", "ADM-WS-01")));
        // Values are Sigma strings: wildcards in them are wildcards.
        assertFalse(matchesAny(rules, event("EventID", "4624", "WorkstationName", "ADM-WS-99")));
    }

    @Test
    void testWithoutValuesTheRuleLoadsButWaits()
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("test.yml", RULE);
        assertEquals(List.of(), loaded.problems());
        assertEquals(Set.of("Admins_Workstations"), loaded.rules().get(0).unresolvedPlaceholders());
        SigmaRuleset rules = SigmaCompiler.compile(loaded.rules(), testMappings());
        assertEquals(0, rules.rules().size());
        assertEquals(1, rules.problems().size());
        RuleProblem problem = rules.problems().get(0);
        assertEquals(RuleProblemKind.UNRESOLVED_PLACEHOLDER, problem.kind());
        assertTrue(problem.message().contains("%Admins_Workstations%") && problem.message().contains("--placeholders"), problem.message());

        RuleCheck check = RuleCheck.of(loaded, testMappings());
        assertEquals(1, check.loaded());
        assertEquals(1, check.awaitingRules());
        assertEquals(Map.of("Admins_Workstations", 1), check.awaitingPlaceholders());
    }

    @Test
    void testEveryCombinationOfSeveralPlaceholders()
    {
        Placeholders placeholders = new Placeholders(Map.of("a", List.of("1", "2"), "b", List.of("x", "y", "z")));
        assertEquals(List.of("1-x", "1-y", "1-z", "2-x", "2-y", "2-z"), placeholders.expand("%a%-%b%"));
        assertEquals(List.of("%c% only"), placeholders.expand("%c% only"));
        assertEquals(Set.of("a", "c"), Placeholders.namesIn("%a% and %c% and %a% and 100% sure"));
        // \% is a plain percent sign, never a placeholder.
        assertEquals(Set.of("a"), Placeholders.namesIn("\\%b% and %a%"));
        assertEquals(List.of("%b% and 1", "%b% and 2"), placeholders.expand("\\%b% and %a%"));
        Placeholders many = new Placeholders(Map.of("a", java.util.Collections.nCopies(100, "v"), "b", java.util.Collections.nCopies(100, "w")));
        assertThrows(IllegalArgumentException.class, () -> many.expand("%a%%b%"));
    }

    @Test
    void testFileFormat() throws IOException, SigmaException
    {
        Path file = directory.resolve("placeholders.yml");
        Files.writeString(file, "placeholders:\n  Admins_Workstations: [ADM-WS-01, ADM-WS-02]\n  Domain_Controllers: dc01\n");
        Placeholders loaded = Placeholders.load(file);
        assertEquals(List.of("ADM-WS-01", "ADM-WS-02"), loaded.values("Admins_Workstations").orElseThrow());
        assertEquals(List.of("dc01"), loaded.values("Domain_Controllers").orElseThrow());
        Files.writeString(file, "Workstations:\n  - ws1\n");
        assertEquals(List.of("ws1"), Placeholders.load(file).values("Workstations").orElseThrow());
        Files.writeString(file, "Workstations: {nested: map}\n");
        SigmaException bad = assertThrows(SigmaException.class, () -> Placeholders.load(file));
        assertTrue(bad.getMessage().contains("Workstations"), bad.getMessage());
    }
}
