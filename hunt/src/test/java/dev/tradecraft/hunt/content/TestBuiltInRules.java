package dev.tradecraft.hunt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.Readers;
import dev.tradecraft.sigma.SigmaRule;

/**
 * Every built-in rule against real reader output: the positives it must catch and the hard
 * negatives (editors, scanners, refused probes, admins, patch installers) it must leave alone.
 */
class TestBuiltInRules
{
    private static final String EXPLOIT = "78b2100a-e5cc-43ec-84f6-05903af4377b";
    private static final String WEBSHELL = "082b7817-cd3a-4764-a12d-3b0da02cdb18";
    private static final String PROBE = "9554d37e-62ef-47e6-aa0f-e87e98a4a2aa";
    private static final String KEY_USE = "76a3adf5-0189-4d98-9309-e22bfb60ea16";
    private static final String ENCODED = "319b3a59-59fa-43ab-80a0-46344dd7b4d6";
    private static final String SPAWN = "1e895cc9-6ca4-4b18-a461-0d928f37631c";
    private static final String DROP = "f8dacb3a-0330-4e73-b5d4-fe6f3d445ee3";

    private static final String FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
    private static final String FIREFOX = "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:120.0)+Gecko/20100101+Firefox/120.0";
    private static final String LAYOUTS = "C:\\\\Program Files\\\\Common Files\\\\Microsoft Shared\\\\Web Server Extensions\\\\16\\\\TEMPLATE\\\\LAYOUTS\\\\";
    private static final String DROPPER = Base64.getEncoder().encodeToString(
            "$base64String = 'PCVAIFBhZ2UgTGFuZ3VhZ2U9IkMjIiAlPg=='; [IO.File]::WriteAllBytes('C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx', [Convert]::FromBase64String($base64String))"
                    .getBytes(StandardCharsets.UTF_16LE));

    private static DetectionContent content;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadContent() throws Exception
    {
        content = DetectionContent.load(List.of(), List.of(), Optional.empty());
        assertEquals(List.of(), content.ruleProblems(), "every built-in rule loads and compiles");
        assertEquals(List.of(), content.iocProblems(), "the built-in feed loads");
        assertEquals(7, content.rulesInUse());
    }

    @Test
    void testExploitRequestVariants() throws IOException
    {
        Map<String, Set<String>> fired = web(
                "POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx - 107.191.58.76 " + FIREFOX + " /_layouts/SignOut.aspx 200",
                "POST /_layouts/16/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx - 192.0.2.44 " + FIREFOX + " /_layouts/SignOut.aspx 200",
                "POST /_layouts/15/ToolPane.aspx/ DisplayMode=Edit&a=/ToolPane.aspx - 192.0.2.45 " + FIREFOX + " /_layouts/SignOut.aspx 200",
                "POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx - 192.0.2.46 python-requests/2.32.3 https://sp.example.org/_layouts/SignOut.aspx 200",
                "POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=%2FToolPane.aspx - 192.0.2.47 curl/8.5.0 /_layouts/15/SignOut.aspx 401",
                "POST /_LAYOUTS/15/TOOLPANE.ASPX displaymode=edit&a=/ToolPane.aspx - 192.0.2.48 " + FIREFOX + " /_layouts/SignOut.aspx 200");
        for (Set<String> rules : fired.values()) {
            assertEquals(Set.of(EXPLOIT), rules, fired.toString());
        }
        assertEquals(6, fired.size());
    }

    @Test
    void testExploitHardNegatives() throws IOException
    {
        Map<String, Set<String>> fired = web(
                // an editor opening the web part tool pane from a site page
                "GET /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/sites/team/SitePages/Home.aspx CONTOSO\\jdoe 10.1.2.3 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/126.0.0.0+Safari/537.36+Edg/126.0.0.0 https://sp.contoso.com/sites/team/SitePages/Home.aspx 200",
                "POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/sites/team/SitePages/Home.aspx CONTOSO\\jdoe 10.1.2.3 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+Chrome/126.0.0.0 https://sp.contoso.com/_layouts/15/ToolPane.aspx?DisplayMode=Edit 200",
                // an internet scanner that GETs it without the referer and is refused
                "GET /_layouts/15/ToolPane.aspx DisplayMode=Edit - 203.0.113.200 Mozilla/5.0+zgrab/0.x - 401",
                // the referer but a GET, and a POST to SignOut itself
                "GET /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx - 203.0.113.201 curl/8.5.0 /_layouts/SignOut.aspx 401",
                "POST /_layouts/15/SignOut.aspx - - 10.1.2.3 Mozilla/5.0 /_layouts/15/start.aspx 302",
                "GET /_layouts/15/start.aspx - CONTOSO\\jdoe 10.1.2.3 Mozilla/5.0 - 200");
        assertEquals(Map.of(), fired);
    }

    @Test
    void testWebshellServedAndProbed() throws IOException
    {
        Map<String, Set<String>> fired = web(
                "GET /_layouts/15/spinstall0.aspx - - 107.191.58.76 " + FIREFOX + " /_layouts/SignOut.aspx 200",
                "GET /_layouts/16/spinstall.aspx - - 192.0.2.44 python-requests/2.31.0 - 200",
                "GET /_layouts/15/debug_dev.js - - 192.0.2.44 curl/8.5.0 - 200",
                "GET /_layouts/15/spinstall0.aspx - - 198.51.100.9 Mozilla/5.0+(compatible;+EyeScanner) - 404",
                "GET /_layouts/15/spinstall0.aspx.bak - - 198.51.100.9 curl/8.5.0 - 404",
                "GET /_layouts/15/start.aspx - CONTOSO\\jdoe 10.1.2.3 Mozilla/5.0 - 200");
        assertEquals(Set.of(WEBSHELL), fired.get("line 1"));
        assertEquals(Set.of(WEBSHELL), fired.get("line 2"));
        assertEquals(Set.of(WEBSHELL), fired.get("line 3"));
        assertEquals(Set.of(PROBE), fired.get("line 4"));
        assertEquals(4, fired.size(), fired.toString());
    }

    @Test
    void testStolenKeyUse() throws IOException
    {
        String viewState = "__VIEWSTATE=%2FwEy5xQAAQAAAP%2F%2F%2F%2F8BAAAA&__VIEWSTATEGENERATOR=AF878507";
        Map<String, Set<String>> fired = web(
                "GET /_layouts/15/success.aspx " + viewState + " - 203.0.113.150 curl/8.5.0 - 200",
                "GET /_layouts/15/success.aspx " + viewState + " - 203.0.113.150 python-requests/2.32.3 - 200",
                "GET /_layouts/15/start.aspx " + viewState + " - 203.0.113.150 Mozilla/5.0+(Windows+NT;+Windows+NT+10.0;+en-US)+WindowsPowerShell/5.1.17763.316 - 200",
                "GET /_layouts/15/success.aspx " + viewState + " - 203.0.113.150 - - 200",
                // a browser never puts __VIEWSTATE in the query of a _layouts page by itself, but a bookmarked one is harmless
                "GET /_layouts/15/success.aspx " + viewState + " CONTOSO\\jdoe 10.1.2.3 " + FIREFOX + " - 200",
                "GET /_layouts/15/start.aspx - - 203.0.113.150 curl/8.5.0 - 200");
        assertEquals(Set.of("line 1", "line 2", "line 3", "line 4"), fired.keySet());
        for (Set<String> rules : fired.values()) {
            assertEquals(Set.of(KEY_USE), rules);
        }
    }

    @Test
    void testWorkerSpawningEncodedPowerShell() throws IOException
    {
        Map<String, Set<String>> fired = host(
                sysmonProcess("C:\\\\Windows\\\\System32\\\\cmd.exe", "cmd.exe /c powershell.exe -EncodedCommand " + DROPPER,
                        "c:\\\\windows\\\\system32\\\\inetsrv\\\\w3wp.exe"),
                sysmonProcess("C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "powershell.exe -nop -ec " + DROPPER,
                        "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"),
                // an administrator's encoded command, not from the web worker
                sysmonProcess("C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                        "powershell.exe -EncodedCommand " + Base64.getEncoder().encodeToString("Get-SPFarm".getBytes(StandardCharsets.UTF_16LE)),
                        "C:\\\\Windows\\\\explorer.exe"),
                // ordinary ASP.NET page compilation
                sysmonProcess("C:\\\\Windows\\\\Microsoft.NET\\\\Framework64\\\\v4.0.30319\\\\csc.exe",
                        "\\\"csc.exe\\\" /t:library /utf8output /out:\\\"C:\\\\Windows\\\\Temp\\\\x.dll\\\"",
                        "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"),
                sysmonProcess("C:\\\\Windows\\\\System32\\\\whoami.exe", "whoami /all", "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"),
                // an administrator's script that happens to start like the published dropper
                sysmonProcess("C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                        "powershell -EncodedCommand JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0AIAA=", "C:\\\\Windows\\\\System32\\\\cmd.exe"),
                security4688("C:\\\\Windows\\\\System32\\\\cmd.exe", "cmd /c powershell -enc " + DROPPER, "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe"));
        assertEquals(Set.of(ENCODED, SPAWN), fired.get("record 1"));
        assertEquals(Set.of(ENCODED, SPAWN), fired.get("record 2"));
        assertEquals(Set.of(SPAWN), fired.get("record 5"));
        assertEquals(Set.of(ENCODED, SPAWN), fired.get("record 7"), "Security 4688 fields are mapped");
        assertEquals(4, fired.size(), fired.toString());
    }

    @Test
    void testWebshellWrittenIntoLayouts() throws IOException
    {
        Map<String, Set<String>> fired = host(
                sysmonFile("C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", LAYOUTS + "spinstall0.aspx"),
                // a patch installer writing SharePoint's own pages
                sysmonFile("C:\\\\Windows\\\\System32\\\\msiexec.exe", LAYOUTS + "ToolPane.aspx"),
                sysmonFile("C:\\\\Windows\\\\System32\\\\msiexec.exe", LAYOUTS + "spinstall1.aspx"),
                sysmonFile("c:\\\\windows\\\\system32\\\\inetsrv\\\\w3wp.exe", LAYOUTS.replace("16", "15") + "evil.ashx"),
                sysmonFile("c:\\\\windows\\\\system32\\\\inetsrv\\\\w3wp.exe", "C:\\\\inetpub\\\\temp\\\\x.aspx"));
        assertEquals(Set.of("record 1", "record 3", "record 4"), fired.keySet());
        for (Set<String> rules : fired.values()) {
            assertEquals(Set.of(DROP), rules);
        }
    }

    @Test
    void testEveryBuiltInRuleIsCoveredHere()
    {
        Set<String> ids = new TreeSet<>();
        for (SigmaRule rule : content.ruleset().rules()) {
            ids.add(rule.id());
            assertEquals("Tradecraft", rule.author());
            assertTrue(rule.tags().stream().anyMatch(tag -> tag.startsWith("tradecraft.stage.")), rule.title());
        }
        assertEquals(new TreeSet<>(Set.of(EXPLOIT, WEBSHELL, PROBE, KEY_USE, ENCODED, SPAWN, DROP)), ids);
    }

    private Map<String, Set<String>> web(String... requests) throws IOException
    {
        StringBuilder log = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2025-07-18 00:00:00\r\n")
                .append(FIELDS).append("\r\n");
        int second = 0;
        for (String request : requests) {
            String[] parts = request.split(" ");
            // method stem query user client agent referer status → the full default field set
            log.append("2025-07-18 18:06:").append(String.format("%02d", second++)).append(" 10.0.0.10 ")
                    .append(parts[0]).append(' ').append(parts[1]).append(' ').append(parts[2]).append(" 443 ")
                    .append(parts[3]).append(' ').append(parts[4]).append(' ').append(parts[5]).append(' ')
                    .append(parts[6]).append(' ').append(parts[7]).append(" 0 0 120\r\n");
        }
        Path file = temp.resolve("u_ex250718.log");
        Files.writeString(file, log.toString(), StandardCharsets.UTF_8);
        Map<String, Set<String>> byLine = fire(file);
        Map<String, Set<String>> renamed = new LinkedHashMap<>();
        // lines 1-4 are directives; report by request number
        byLine.forEach((position, rules) -> renamed.put("line " + (Long.parseLong(position.substring(position.lastIndexOf(':') + 1)) - 4), rules));
        return renamed;
    }

    private Map<String, Set<String>> host(String... events) throws IOException
    {
        Path file = temp.resolve("events.json");
        Files.writeString(file, String.join("\n", events) + "\n", StandardCharsets.UTF_8);
        Map<String, Set<String>> byLine = fire(file);
        Map<String, Set<String>> renamed = new LinkedHashMap<>();
        byLine.forEach((position, rules) -> renamed.put("record " + position.substring(position.lastIndexOf(':') + 1), rules));
        return renamed;
    }

    private static Map<String, Set<String>> fire(Path file) throws IOException
    {
        Map<String, Set<String>> fired = new LinkedHashMap<>();
        List<ReadProblem> problems = new ArrayList<>();
        try (EventReader reader = Readers.open(file, file.getFileName().toString(), new Origin("acme", "sp-wfe01"), problems::add)) {
            while (reader.advance()) {
                var event = reader.current();
                String position = event.position().file() + ":" + event.position().index();
                content.ruleset().match(event, (rule, matched) -> fired.computeIfAbsent(position, key -> new TreeSet<>()).add(rule.id()));
            }
        }
        catch (dev.tradecraft.readers.ReaderException e) {
            throw new AssertionError(e.problem().toString(), e);
        }
        assertEquals(List.of(), problems, "fixtures read cleanly");
        return fired;
    }

    private static String sysmonProcess(String image, String commandLine, String parentImage)
    {
        return "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"sp-wfe01.acme.local\","
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-07-18T18:06:15.123456Z\"}}},"
                + "\"EventData\":{\"UtcTime\":\"2025-07-18 18:06:15.123\",\"Image\":\"" + image + "\",\"CommandLine\":\"" + commandLine
                + "\",\"ParentImage\":\"" + parentImage + "\",\"User\":\"ACME\\\\svc_sharepoint\"}}}";
    }

    private static String security4688(String image, String commandLine, String parentImage)
    {
        return "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Security-Auditing\"}},\"EventID\":4688,"
                + "\"Channel\":\"Security\",\"Computer\":\"sp-wfe01.acme.local\","
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-07-18T18:06:16Z\"}}},"
                + "\"EventData\":{\"NewProcessName\":\"" + image + "\",\"CommandLine\":\"" + commandLine
                + "\",\"ParentProcessName\":\"" + parentImage + "\"}}}";
    }

    private static String sysmonFile(String image, String target)
    {
        return "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":11,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"sp-wfe01.acme.local\","
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-07-18T18:06:17Z\"}}},"
                + "\"EventData\":{\"Image\":\"" + image + "\",\"TargetFilename\":\"" + target + "\"}}}";
    }
}
