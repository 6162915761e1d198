package dev.tradecraft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TestValueTypes
{
    @Test
    void testSourcePositionPrintsAsEvidence()
    {
        assertEquals("logs/u_ex250718.log:42", SourcePosition.line("logs/u_ex250718.log", 42).toString());
        assertEquals("sysmon.json:record 7", SourcePosition.record("sysmon.json", 7).toString());
        assertEquals("a.evtx:offset 4096", SourcePosition.offset("a.evtx", 4096).toString());
    }

    @Test
    void testOriginRejectsBlankOrganisation()
    {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Origin(" ", "web1"));
        assertEquals("organisation is blank", error.getMessage());
    }

    @Test
    void testLevelParseListsValidSet()
    {
        assertEquals(Level.HIGH, Level.parse("High"));
        assertEquals(Level.INFORMATIONAL, Level.parse("info"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Level.parse("severe"));
        assertTrue(error.getMessage().contains("informational, low, medium, high, critical"), error.getMessage());
    }

    @Test
    void testLevelsAreOrderedBySeverity()
    {
        assertTrue(Level.CRITICAL.compareTo(Level.HIGH) > 0);
        assertTrue(Level.LOW.compareTo(Level.MEDIUM) < 0);
    }

    @Test
    void testLogsourceIsLowerCase()
    {
        Logsource logsource = new Logsource("Windows", "Process_Creation", "");
        assertEquals("windows", logsource.product());
        assertEquals("product=windows category=process_creation", logsource.toString());
    }

    @Test
    void testRuleRefCopiesTags()
    {
        java.util.ArrayList<String> tags = new java.util.ArrayList<>(List.of("attack.t1190"));
        RuleRef rule = new RuleRef("id-1", "Title", Level.HIGH, "someone", tags, RuleRef.Kind.SIGMA);
        tags.add("changed");
        assertEquals(List.of("attack.t1190"), rule.tags());
        assertEquals("Title (id-1)", rule.toString());
    }
}
