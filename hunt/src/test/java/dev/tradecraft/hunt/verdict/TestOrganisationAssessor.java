package dev.tradecraft.hunt.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;
import dev.tradecraft.core.StageClassifier;

class TestOrganisationAssessor
{
    private static final Logsource WEB = new Logsource("windows", "webserver", "iis");
    private static final Logsource HOST = new Logsource("windows", "", "sysmon");
    private static final Instant T0 = Instant.parse("2025-07-18T18:06:14Z");

    private final List<Hit> hits = new ArrayList<>();
    private int line;

    @Test
    void testAcceptedExploitFollowedByServedWebshellIsCompromised()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "107.191.58.76", "");
        web("acme", "webshell", T0.plusSeconds(3), "GET", "/_layouts/15/spinstall0.aspx", "200", "107.191.58.76", "");
        OrganisationVerdict verdict = only();
        assertEquals(OrganisationStatus.COMPROMISED, verdict.status());
        assertEquals(Optional.of(T0), verdict.firstExploit());
        assertEquals(Optional.of(T0.plusSeconds(3)), verdict.firstCompromise());
        assertEquals(List.of("/_layouts/15/spinstall0.aspx"), verdict.webshells());
        assertEquals(List.of("107.191.58.76"), verdict.sourceIps());
        assertTrue(verdict.evidence().get(0).startsWith("exploit request exploit rule [POST /_layouts/15/ToolPane.aspx → 200 from 107.191.58.76]"),
                verdict.evidence().get(0));
    }

    @Test
    void testRefusedExploitIsOnlyAttempted()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "401", "192.0.2.44", "");
        OrganisationVerdict verdict = only();
        assertEquals(OrganisationStatus.ATTEMPTED, verdict.status());
        assertTrue(verdict.evidence().get(0).startsWith("1 exploit request(s), 1 refused"), verdict.evidence().get(0));
    }

    @Test
    void testAcceptedExploitWithNothingAfterIsAttempted()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "192.0.2.44", "");
        web("acme", "recon", T0.plusSeconds(5), "GET", "/_layouts/15/spinstall0.aspx", "404", "192.0.2.44", "");
        web("acme", "webshell", T0.plusSeconds(6), "GET", "/_layouts/15/spinstall0.aspx", "404", "192.0.2.44", "");
        assertEquals(OrganisationStatus.ATTEMPTED, only().status());
    }

    @Test
    void testKeyUseAfterExploitIsCompromised()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/16/ToolPane.aspx/", "200", "192.0.2.44", "");
        web("acme", "key-use", T0.plusSeconds(3600), "GET", "/_layouts/15/success.aspx", "200", "203.0.113.150", "");
        OrganisationVerdict verdict = only();
        assertEquals(OrganisationStatus.COMPROMISED, verdict.status());
        assertEquals(List.of("192.0.2.44", "203.0.113.150"), verdict.sourceIps());
    }

    @Test
    void testKeyUseRefusedIsNotEnough()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "192.0.2.44", "");
        web("acme", "key-use", T0.plusSeconds(60), "GET", "/_layouts/15/success.aspx", "500", "203.0.113.150", "");
        assertEquals(OrganisationStatus.ATTEMPTED, only().status());
    }

    @Test
    void testFollowOnLongBeforeTheExploitDoesNotPairWithIt()
    {
        web("acme", "key-use", T0.minusSeconds(3600), "GET", "/_layouts/15/success.aspx", "200", "203.0.113.150", "");
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "192.0.2.44", "");
        assertEquals(OrganisationStatus.ATTEMPTED, only().status());
    }

    @Test
    void testClockSkewBetweenHostsIsTolerated()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "192.0.2.44", "");
        web("acme", "key-use", T0.minusSeconds(120), "GET", "/_layouts/15/success.aspx", "200", "192.0.2.44", "");
        assertEquals(OrganisationStatus.COMPROMISED, only().status());
    }

    @Test
    void testHostEvidenceAloneIsCompromised()
    {
        host("acme", "webshell-drop", T0, Map.of("TargetFilename",
                "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx",
                "Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"));
        OrganisationVerdict verdict = only();
        assertEquals(OrganisationStatus.COMPROMISED, verdict.status());
        assertTrue(verdict.evidence().get(0).startsWith("no exploit request in the logs read, but"), verdict.evidence().get(0));
        assertEquals(1, verdict.webshells().size());
    }

    @Test
    void testScannerOnlyIsClean()
    {
        web("acme", "recon", T0, "GET", "/_layouts/15/spinstall0.aspx", "404", "198.51.100.9", "");
        OrganisationVerdict verdict = only();
        assertEquals(OrganisationStatus.CLEAN, verdict.status());
        assertEquals(1L, verdict.hitsByLevel().get(Level.HIGH));
        assertEquals(List.of(), verdict.sourceIps());
    }

    @Test
    void testOrganisationsWithoutHitsAreClean()
    {
        Map<String, Set<String>> organisations = new LinkedHashMap<>();
        organisations.put("quiet-org", new TreeSet<>(Set.of("web1")));
        List<OrganisationVerdict> verdicts = OrganisationAssessor.assess(organisations, List.of());
        assertEquals(1, verdicts.size());
        assertEquals(OrganisationStatus.CLEAN, verdicts.get(0).status());
        assertEquals(List.of("web1"), verdicts.get(0).hosts());
        assertEquals(0, verdicts.get(0).hitCount());
    }

    @Test
    void testForwardedForNamesTheRealClient()
    {
        web("acme", "exploit", T0, "POST", "/_layouts/15/ToolPane.aspx", "401", "10.0.0.5", "104.238.159.149, 10.1.1.1");
        assertEquals(List.of("104.238.159.149"), only().sourceIps());
    }

    @Test
    void testUntaggedRuleIsPlacedByAttackTags()
    {
        RuleRef sigmaHq = new RuleRef("48d053db-6a56-4866-b60d-0975647050ed", "SharePoint ToolShell CVE-2025-53770 Exploitation - Web IIS",
                Level.MEDIUM, "Swachchhanda Shrawan Poudel (Nextron Systems)", List.of("attack.t1190", "cve.2025-53770"), RuleRef.Kind.SIGMA);
        Event post = webEvent("acme", T0, "POST", "/_layouts/15/ToolPane.aspx", "200", "192.0.2.1", "");
        Event get = webEvent("acme", T0.plusSeconds(2), "GET", "/_layouts/15/spinstall0.aspx", "200", "192.0.2.1", "");
        assertEquals(Stage.EXPLOIT, StageClassifier.classify(new Hit(sigmaHq, post, Map.of())));
        assertEquals(Stage.WEBSHELL, StageClassifier.classify(new Hit(sigmaHq, get, Map.of())));
        hits.add(new Hit(sigmaHq, post, Map.of()));
        hits.add(new Hit(sigmaHq, get, Map.of()));
        assertEquals(OrganisationStatus.COMPROMISED, only().status());
    }

    private OrganisationVerdict only()
    {
        Map<String, Set<String>> organisations = new LinkedHashMap<>();
        for (Hit hit : hits) {
            organisations.computeIfAbsent(hit.origin().organisation(), name -> new TreeSet<>()).add(hit.origin().host());
        }
        List<OrganisationVerdict> verdicts = OrganisationAssessor.assess(organisations, hits);
        assertEquals(1, verdicts.size());
        return verdicts.get(0);
    }

    private void web(String organisation, String stage, Instant time, String method, String stem, String status, String clientIp, String forwardedFor)
    {
        hits.add(new Hit(rule(stage, Level.HIGH), webEvent(organisation, time, method, stem, status, clientIp, forwardedFor), Map.of()));
    }

    private Event webEvent(String organisation, Instant time, String method, String stem, String status, String clientIp, String forwardedFor)
    {
        EventFields.Builder fields = EventFields.builder(6).put("cs-method", method).put("cs-uri-stem", stem).put("sc-status", status).put("c-ip", clientIp);
        if (!forwardedFor.isEmpty()) {
            fields.put("X-Forwarded-For", forwardedFor);
        }
        return new Event(new Origin(organisation, "sp-wfe01"), SourcePosition.line("web/u_ex250718.log", ++line), Optional.of(time), WEB, fields.build());
    }

    private void host(String organisation, String stage, Instant time, Map<String, String> fields)
    {
        Event event = new Event(new Origin(organisation, "sp-wfe01"), SourcePosition.record("events/sysmon.json", ++line), Optional.of(time), HOST,
                EventFields.of(new java.util.TreeMap<>(fields)));
        hits.add(new Hit(rule(stage, Level.CRITICAL), event, Map.of()));
    }

    private static RuleRef rule(String stage, Level level)
    {
        return new RuleRef("id-" + stage, stage + " rule", level, "test", List.of("tradecraft.stage." + stage), RuleRef.Kind.SIGMA);
    }
}
