package dev.tradecraft.sigma;

import static dev.tradecraft.sigma.Events.event;
import static dev.tradecraft.sigma.Events.matches;
import static dev.tradecraft.sigma.Events.matchesAny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tradecraft.core.Logsource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

class TestLogsourceMappings
{
    private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    private static final Logsource WINDOWS = new Logsource("windows", "", "");

    private static String rule(String id, String logsource, String detection)
    {
        return "title: Rule " + id + "\nid: " + id + "\nlogsource: " + logsource + "\ndetection:\n" + detection.stripTrailing() + "\nlevel: high\n";
    }

    private static SigmaRuleset builtIn(String text)
    {
        return Events.compile(text, LogsourceMappings.builtIn());
    }

    @Test
    void testWebserverRulesSeeWebserverEvents()
    {
        SigmaRuleset rules = builtIn(rule("web", "{category: webserver}", """
                    s:
                        cs-uri-stem|endswith: '/spinstall0.aspx'
                    condition: s
                """));
        assertTrue(matchesAny(rules, event(new Logsource("windows", "webserver", "iis"), "cs-uri-stem", "/_layouts/15/spinstall0.aspx")));
        assertTrue(matchesAny(rules, event(new Logsource("", "webserver", ""), "cs-uri-stem", "/spinstall0.aspx")));
        assertFalse(matchesAny(rules, event(WINDOWS, "cs-uri-stem", "/spinstall0.aspx")));
        assertFalse(matchesAny(rules, event(Logsource.UNSTATED, "cs-uri-stem", "/spinstall0.aspx")));
    }

    @Test
    void testProcessCreationFromSysmonAndSecurityWithRenames()
    {
        SigmaRuleset rules = builtIn(rule("proc", "{category: process_creation, product: windows}", """
                    selection:
                        ParentImage|endswith: '\\w3wp.exe'
                        Image|endswith: '\\cmd.exe'
                    condition: selection
                """));
        Map<String, Map<String, String>> sysmon = matches(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "1",
                "Image", "C:\\Windows\\System32\\cmd.exe", "ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe"));
        assertEquals(Map.of("ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "Image", "C:\\Windows\\System32\\cmd.exe"), sysmon.get("proc"));

        Map<String, Map<String, String>> security = matches(rules, event(WINDOWS, "Channel", "Security", "EventID", "4688",
                "NewProcessName", "C:\\Windows\\System32\\cmd.exe", "ParentProcessName", "C:\\Windows\\System32\\inetsrv\\w3wp.exe"));
        // Reported under the rule's field names, with the renamed fields' values.
        assertEquals(Map.of("ParentImage", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "Image", "C:\\Windows\\System32\\cmd.exe"), security.get("proc"));

        // Renames apply only to the Security alternative: Sysmon field names in a 4688 event are not read.
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", "Security", "EventID", "4688",
                "Image", "C:\\cmd.exe", "ParentImage", "C:\\w3wp.exe")));
        // The wrong event id for the channel.
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", "Security", "EventID", "1",
                "NewProcessName", "C:\\cmd.exe", "ParentProcessName", "C:\\w3wp.exe")));
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "11",
                "Image", "C:\\cmd.exe", "ParentImage", "C:\\w3wp.exe")));
    }

    @Test
    void testSysmonRecognisedWithoutChannel()
    {
        SigmaRuleset rules = builtIn(rule("proc", "{category: process_creation, product: windows}", """
                    selection:
                        Image|endswith: '\\cmd.exe'
                    condition: selection
                """));
        assertTrue(matchesAny(rules, event(WINDOWS, "Provider_Name", "Microsoft-Windows-Sysmon", "EventID", "1", "Image", "C:\\cmd.exe")));
        assertTrue(matchesAny(rules, event(new Logsource("windows", "", "sysmon"), "EventID", "1", "Image", "C:\\cmd.exe")));
        // A Channel that says otherwise wins over the provider.
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", "Application", "Provider_Name", "Microsoft-Windows-Sysmon",
                "EventID", "1", "Image", "C:\\cmd.exe")));
    }

    @Test
    void testFileEventIsSysmonEleven()
    {
        SigmaRuleset rules = builtIn(rule("file", "{category: file_event, product: windows}", """
                    selection:
                        TargetFilename|endswith: '\\spinstall?.aspx'
                    condition: selection
                """));
        assertTrue(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "11",
                "TargetFilename", "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx")));
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "1", "TargetFilename", "C:\\x\\spinstall0.aspx")));
    }

    @Test
    void testDerivedWindowsCategoriesAndServices()
    {
        LogsourceMappings mappings = LogsourceMappings.builtIn();
        assertEquals(1, mappings.alternativesFor(new Logsource("windows", "registry_add", "")).size());
        assertEquals(1, mappings.alternativesFor(new Logsource("windows", "", "security")).size());
        // The channel, or a reader that already stated the service.
        assertEquals(2, mappings.alternativesFor(new Logsource("windows", "", "taskscheduler")).size());
        SigmaRuleset rules = builtIn(rule("reg", "{category: registry_add, product: windows}", """
                    selection:
                        TargetObject|contains: '\\Run'
                    condition: selection
                """) + "---\n" + rule("sec", "{product: windows, service: security}", """
                    selection:
                        EventID: 1102
                    condition: selection
                """) + "---\n" + rule("av", "{category: antivirus}", """
                    selection:
                        Signature|contains: 'Webshell'
                    condition: selection
                """) + "---\n" + rule("task", "{product: windows, service: taskscheduler}", """
                    selection:
                        EventID: 106
                    condition: selection
                """));
        assertEquals(Set.of("reg"), matches(rules, event(WINDOWS,
                "Channel", SYSMON, "EventID", "12", "EventType", "CreateKey", "TargetObject", "HKLM\\Software\\Run\\x")).keySet());
        assertFalse(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "12", "EventType", "DeleteKey", "TargetObject", "HKLM\\Run")));
        assertTrue(matches(rules, event(WINDOWS, "Channel", "Security", "EventID", "1102")).containsKey("sec"));
        assertTrue(matches(rules, event(WINDOWS, "Channel", "Microsoft-Windows-Windows Defender/Operational", "EventID", "1116",
                "ThreatName", "Backdoor:ASP/Webshell.A")).containsKey("av"));
        assertTrue(matches(rules, event(WINDOWS, "Channel", "Microsoft-Windows-TaskScheduler/Operational", "EventID", "106")).containsKey("task"));
    }

    @Test
    void testUnmappedLogsourceIsReportedAtCompileTime()
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("linux.yml", rule("lin", "{category: process_creation, product: linux}", """
                    selection:
                        Image|endswith: '/curl'
                    condition: selection
                """) + "---\n" + rule("win-only", "{product: windows}", """
                    selection:
                        EventID: 1
                    condition: selection
                """));
        SigmaRuleset ruleset = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn());
        assertEquals(List.of(), ruleset.rules());
        assertEquals(2, ruleset.problems().size());
        assertEquals("linux.yml:1: UNSUPPORTED_LOGSOURCE: rule 'Rule lin' (lin): no logsource mapping covers product=linux category=process_creation",
                ruleset.problems().get(0).toString());
        assertEquals(RuleProblemKind.UNSUPPORTED_LOGSOURCE, ruleset.problems().get(1).kind());
        assertEquals(10, ruleset.problems().get(1).line());
    }

    @Test
    void testUserMappingsAddToBuiltIn(@TempDir Path dir)
            throws IOException, SigmaException
    {
        Path file = dir.resolve("mine.yml");
        Files.writeString(file, """
                mappings:
                  - name: linux process creation (auditd execve)
                    logsource: {product: linux, category: process_creation}
                    alternatives:
                      - fields: {type: EXECVE}
                        renames: {Image: exe}
                  - name: more sysmon
                    logsource: {product: windows, category: file_event}
                    alternatives:
                      - source: sysmon
                        fields: {EventID: 29}
                """);
        LogsourceMappings mappings = LogsourceMappings.builtIn().plus(LogsourceMappings.load(file));
        SigmaRuleset rules = Events.compile(rule("lin", "{category: process_creation, product: linux}", """
                    selection:
                        Image|endswith: '/curl'
                    condition: selection
                """) + "---\n" + rule("file", "{category: file_event, product: windows}", """
                    selection:
                        TargetFilename|endswith: '.aspx'
                    condition: selection
                """), mappings);
        assertEquals(List.of(), rules.problems());
        assertEquals(Map.of("lin", Map.of("Image", "/usr/bin/curl")), matches(rules, event("type", "EXECVE", "exe", "/usr/bin/curl")));
        assertTrue(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "11", "TargetFilename", "a.aspx")));
        assertTrue(matchesAny(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "29", "TargetFilename", "a.aspx")));
        assertEquals(List.of(), LogsourceMappings.builtIn().alternativesFor(new Logsource("linux", "process_creation", "")));
    }

    @Test
    void testBadUserMappingsSayWhere(@TempDir Path dir)
            throws IOException
    {
        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, """
                mappings:
                  - logsource: {product: linux, category: process_creation}
                    alternatives:
                      - feilds: {type: EXECVE}
                """);
        SigmaException e = assertThrows(SigmaException.class, () -> LogsourceMappings.load(typo));
        assertEquals(4, e.line());
        assertEquals(typo + ":4: unknown key 'feilds' in alternative (allowed: absent, event, fields, name, renames, source)", e.getMessage());

        Path source = dir.resolve("source.yml");
        Files.writeString(source, """
                mappings:
                  - logsource: {product: linux}
                    alternatives:
                      - source: auditd
                """);
        SigmaException unknown = assertThrows(SigmaException.class, () -> LogsourceMappings.load(source));
        assertEquals(4, unknown.line());
        assertTrue(unknown.reason().startsWith("unknown source 'auditd' (known: sysmon, security,"), unknown.reason());

        SigmaException missing = assertThrows(SigmaException.class, () -> LogsourceMappings.load(dir.resolve("absent.yml")));
        assertTrue(missing.reason().startsWith("cannot read mapping file"), missing.reason());
    }

    @Test
    void testSharedAlternativeIsCheckedOncePerEvent()
    {
        // Two rules of the same logsource: the Sysmon requirement of both is one slot, the result identical.
        SigmaRuleset rules = builtIn(rule("a", "{category: process_creation, product: windows}", """
                    s: {Image|endswith: '\\a.exe'}
                    condition: s
                """) + "---\n" + rule("b", "{category: process_creation, product: windows}", """
                    s: {Image|endswith: '.exe'}
                    condition: s
                """));
        assertEquals(List.of("a", "b"), List.copyOf(matches(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "1", "Image", "C:\\a.exe")).keySet()));
        assertEquals(List.of("b"), List.copyOf(matches(rules, event(WINDOWS, "Channel", SYSMON, "EventID", "1", "Image", "C:\\b.exe")).keySet()));
    }
}
