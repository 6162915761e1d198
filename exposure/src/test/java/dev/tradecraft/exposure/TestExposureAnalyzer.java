package dev.tradecraft.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.scan.HttpHeaders;

/** Banner to verdict, through the built-in fingerprints and the shipped-build table. */
class TestExposureAnalyzer
{
    private static final ExposureAnalyzer ANALYZER = ExposureAnalyzer.builder().build();
    private static final String IIS = "Microsoft-IIS/10.0";

    @Test
    void testSharePoint2016JulyBuildIsVulnerableAndTheFixIsNot()
    {
        Exposure july = analyze(banner("AS64500", List.of(), "Server", IIS, "MicrosoftSharePointTeamServices", "16.0.0.5508", "SPRequestGuid",
                "5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21"));
        assertEquals(ServiceKind.SHAREPOINT_ONPREM, july.kind());
        assertEquals("SharePoint Enterprise Server 2016", july.product());
        assertEquals(Optional.of("16.0.0.5508"), july.versionShown());
        assertEquals(ExposureState.VULNERABLE, state(july));
        Exposure fixed = analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "16.0.0.5513"));
        assertEquals(ExposureState.NOT_VULNERABLE, state(fixed));
    }

    @Test
    void testHeaderThatFitsBothSidesOfTheFixIsAmbiguousAndSaysWhy()
    {
        Exposure exposure = analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "16.0.0.10417"));
        assertEquals(ExposureState.AMBIGUOUS, state(exposure));
        String reason = exposure.verdict("CVE-2025-53770").orElseThrow().reason();
        assertTrue(reason.contains("16.0.10417.20027") && reason.contains("16.0.10417.20037"), reason);
        assertEquals("SharePoint Server 2019", exposure.product());
    }

    @Test
    void testRemovedVersionHeaderWithSharePointOnlyHeadersIsAmbiguous()
    {
        Exposure exposure = analyze(banner("AS64500", List.of(), "Server", IIS, "SPRequestGuid", "5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21",
                "X-SharePointHealthScore", "0"));
        assertEquals(ServiceKind.SHAREPOINT_ONPREM, exposure.kind());
        assertEquals(ExposureState.AMBIGUOUS, state(exposure));
        assertTrue(exposure.identification().contains("header SPRequestGuid (sent only by SharePoint)"), exposure.identification().toString());
    }

    @Test
    void testEndOfLifeVersionsAreVulnerable()
    {
        assertEquals(ExposureState.VULNERABLE, state(analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "15.0.0.4569"))));
        assertEquals(ExposureState.VULNERABLE, state(analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "14.0.0.7015"))));
    }

    @Test
    void testSharePointOnlineIsRecognisedAndGetsNoVerdict()
    {
        Exposure byHeader = analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "16.0.0.27612", "X-MS-SPConnector", "1"));
        Exposure byName = analyze(banner("AS64500", List.of("contoso.sharepoint.com"), "SPRequestGuid", "5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21"));
        Exposure byBuildLine = analyze(banner("AS8075", List.of(), "MicrosoftSharePointTeamServices", "16.0.0.27612"));
        Exposure byNetwork = analyze(banner("AS8075", List.of(), "SPRequestGuid", "5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21"));
        for (Exposure exposure : List.of(byHeader, byName, byBuildLine, byNetwork)) {
            assertEquals(ServiceKind.SHAREPOINT_ONLINE, exposure.kind(), exposure.identification().toString());
            assertEquals(List.of(), exposure.verdicts());
        }
    }

    @Test
    void testSharePointServerOnAzureStaysOnPremises()
    {
        Exposure exposure = analyze(banner("AS8075", List.of("sp.contoso.example"), "MicrosoftSharePointTeamServices", "16.0.0.10417"));
        assertEquals(ServiceKind.SHAREPOINT_ONPREM, exposure.kind());
    }

    @Test
    void testWordsInTheBodyOrLookalikeHeadersAreNotSharePoint()
    {
        Banner honeypot = new Banner("shodan", SourcePosition.line("b.json", 1), "198.51.100.9", 443, "tcp", Optional.empty(), List.of(),
                Optional.empty(), Optional.of("AS64500"), Optional.of("US"), Optional.of(200),
                headers("Server", "nginx", "X-Orig-MicrosoftSharePointTeamServices", "16.0.0.10417", "X-Note", "MicrosoftSharePointTeamServices: 16.0.0.10417"),
                Optional.of("Microsoft SharePoint"), Optional.of("<html>SharePoint SPRequestGuid</html>"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
        Exposure exposure = ANALYZER.analyze(honeypot);
        assertEquals(ServiceKind.OTHER, exposure.kind());
        assertEquals(List.of(), exposure.verdicts());
    }

    @Test
    void testExchangeAndIis()
    {
        assertEquals(ServiceKind.EXCHANGE, analyze(banner("AS64500", List.of(), "Server", IIS, "X-OWA-Version", "15.2.1118.40")).kind());
        assertEquals(ServiceKind.IIS, analyze(banner("AS64500", List.of(), "Server", IIS)).kind());
    }

    @Test
    void testSeveralCvesAreJudgedAndTheFirstIsCounted()
    {
        ExposureAnalyzer two = ExposureAnalyzer.builder().cves(List.of("cve-2025-53770", "CVE-2025-49704")).build();
        Exposure exposure = two.analyze(banner("AS64500", List.of(), "MicrosoftSharePointTeamServices", "16.0.0.5508"));
        assertEquals(List.of("CVE-2025-53770", "CVE-2025-49704"), exposure.verdicts().stream().map(CveVerdict::cve).toList());
        ExposureSummary summary = new ExposureSummary(two.cves().get(0));
        summary.add(exposure);
        assertEquals(1, summary.count(ExposureState.VULNERABLE));
    }

    private static ExposureState state(Exposure exposure)
    {
        return exposure.verdict("CVE-2025-53770").orElseThrow().state();
    }

    private static Exposure analyze(Banner banner)
    {
        return ANALYZER.analyze(banner);
    }

    private static Banner banner(String asn, List<String> hostnames, String... headerPairs)
    {
        return new Banner("shodan", SourcePosition.line("b.json", 1), "198.51.100.10", 443, "tcp", Optional.empty(), hostnames,
                Optional.of("Example County"), Optional.of(asn), Optional.of("US"), Optional.of(200), headers(headerPairs), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    private static HttpHeaders headers(String... pairs)
    {
        List<HttpHeaders.Header> headers = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(new HttpHeaders.Header(pairs[i], pairs[i + 1]));
        }
        return new HttpHeaders(headers);
    }
}
