package dev.tradecraft.campaigns;

import static dev.tradecraft.campaigns.SightingFixtures.at;
import static dev.tradecraft.campaigns.SightingFixtures.compromise;
import static dev.tradecraft.campaigns.SightingFixtures.obs;
import static dev.tradecraft.campaigns.SightingFixtures.web;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.tradecraft.campaigns.SightingFixtures.Actor;
import dev.tradecraft.campaigns.weight.PublicArtefact;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;

class TestCampaignAnalyzer
{
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private static final String VARIANT = "POST layouts=15 slash=no referer=relative-signout query=a=/toolpane.aspx&displaymode=edit";
    private static final Actor EARLY = new Actor(FIREFOX, VARIANT, "ghost.aspx", "a".repeat(64), List.of("whoami.exe"));
    private static final Actor COPYCAT = new Actor("python-requests/2.32.3", VARIANT, "ghost.aspx", "a".repeat(64), List.of());
    private static final Actor OTHER = new Actor(CHROME, "POST layouts=16 slash=yes referer=absolute-signout query=a=/toolpane.aspx&displaymode=edit",
            "spinstall1.aspx", "b".repeat(64), List.of("psexec.exe"));

    private final List<Sighting> sightings = new ArrayList<>();

    @Test
    void testTwoWavesFromDifferentAddressesAreOneActor()
    {
        for (int i = 0; i < 4; i++) {
            sightings.addAll(compromise(EARLY, "wave1-org" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
            sightings.addAll(compromise(EARLY, "wave2-org" + i, "192.0.2.20", at("2025-07-19T07:30:00Z").plusSeconds(600L * i)));
        }
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(1, analysis.campaigns().size(), analysis.campaigns().toString());
        Campaign campaign = analysis.campaigns().get(0);
        assertEquals(CampaignVerdict.SINGLE_ACTOR, campaign.verdict());
        assertEquals(8, campaign.organisations().size());
        assertEquals(Set.of("192.0.2.10", "192.0.2.20"), campaign.values(ObservableType.SOURCE_IP));
        assertTrue(campaign.evidence().get(0).startsWith("the same webshell name ghost.aspx and the same encoded dropper (fingerprint aaaaaaaaaaaa…) at 8 organisations from 2 source IPs within 14 hours"),
                campaign.evidence().get(0));
        assertEquals(1, campaign.actors().size());
    }

    @Test
    void testCopycatAfterPublicationIsItsOwnCampaign()
    {
        earlyAndCopycat();
        PublicArtefact shell = new PublicArtefact(obs(ObservableType.WEBSHELL_NAME, "ghost.aspx"), at("2025-07-20T00:00:00Z"), "test");
        PublicArtefact dropper = new PublicArtefact(obs(ObservableType.COMMAND_FINGERPRINT, "a".repeat(64)), at("2025-07-20T00:00:00Z"), "test");
        CampaignAnalysis analysis = analyze(List.of(shell, dropper));
        assertEquals(2, analysis.campaigns().size(), analysis.campaigns().toString());
        assertSeparated(analysis);
        Campaign copycat = analysis.campaigns().get(1);
        assertTrue(copycat.against().stream().anyMatch(line -> line.startsWith("webshell name ghost.aspx was public from 2025-07-20")), copycat.against().toString());
    }

    @Test
    void testCopycatIsSeparatedEvenWithoutKnowingThePublicationDate()
    {
        earlyAndCopycat();
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(2, analysis.campaigns().size(), analysis.campaigns().toString());
        assertSeparated(analysis);
    }

    @Test
    void testAtLowResolutionTheSharedToolingWaveIsJudgedSeveralActors()
    {
        earlyAndCopycat();
        CampaignAnalysis analysis = CampaignAnalyzer.builder().publicArtefacts(List.of()).resolution(0.1).build().analyzeSightings(sightings);
        assertEquals(1, analysis.campaigns().size(), analysis.campaigns().toString());
        Campaign wave = analysis.campaigns().get(0);
        assertEquals(CampaignVerdict.MULTIPLE_ACTORS, wave.verdict());
        assertEquals(2, wave.actors().size());
        assertTrue(wave.against().stream().anyMatch(line -> line.startsWith("the intrusions form 2 groups that share no source address, domain or user agent")),
                wave.against().toString());
    }

    @Test
    void testOrganisationHitByTwoActorsIsInBothCampaigns()
    {
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(EARLY, "org" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
            sightings.addAll(compromise(OTHER, "other" + i, "203.0.113.5", at("2025-07-19T22:00:00Z").plusSeconds(600L * i)));
        }
        sightings.addAll(compromise(OTHER, "org0", "203.0.113.5", at("2025-07-20T01:00:00Z")));
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(2, analysis.campaigns().size(), analysis.campaigns().toString());
        for (Campaign campaign : analysis.campaigns()) {
            assertTrue(campaign.organisations().contains("org0"), campaign.id() + " " + campaign.organisations());
        }
    }

    @Test
    void testScannersAndRefusedProbesAreInNoCampaign()
    {
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(EARLY, "org" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
        }
        // A webshell check: 200 where the shell exists, 404 elsewhere.
        sightings.add(web("org0", Stage.WEBSHELL, true, at("2025-07-21T10:00:00Z"), "198.51.100.99", "ToolShellCheck/1.0",
                obs(ObservableType.WEBSHELL_NAME, "ghost.aspx")));
        sightings.add(web("org5", Stage.RECON, false, at("2025-07-21T10:01:00Z"), "198.51.100.99", "ToolShellCheck/1.0",
                obs(ObservableType.WEBSHELL_NAME, "ghost.aspx")));
        // A research probe: the exploit request, refused everywhere.
        for (int i = 0; i < 5; i++) {
            sightings.add(web("org" + i, Stage.EXPLOIT, false, at("2025-07-21T12:00:00Z"), "198.51.100.200", "python-requests/2.31.0",
                    obs(ObservableType.REQUEST_VARIANT, VARIANT)));
        }
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(1, analysis.campaigns().size());
        Set<String> addresses = analysis.campaigns().get(0).values(ObservableType.SOURCE_IP);
        assertEquals(Set.of("192.0.2.10"), addresses);
        assertEquals(7, analysis.reconnaissance().size());
    }

    @Test
    void testRefusedAttemptFromTheCampaignsAddressIsATargetOfIt()
    {
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(EARLY, "org" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
        }
        sightings.add(web("patched", Stage.EXPLOIT, false, at("2025-07-18T19:00:00Z"), "192.0.2.10", FIREFOX, obs(ObservableType.REQUEST_VARIANT, VARIANT)));
        CampaignAnalysis analysis = analyze(List.of());
        Campaign campaign = analysis.campaigns().get(0);
        assertTrue(campaign.organisations().contains("patched"), campaign.organisations().toString());
        assertTrue(campaign.evidence().get(0).contains("(1 of the intrusions was a refused attempt)"), campaign.evidence().get(0));
        assertEquals(0, analysis.reconnaissance().size());
    }

    @Test
    void testHostOnlyIntrusionJoinsTheActorByItsDropper()
    {
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(EARLY, "org" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
        }
        List<Sighting> hostOnly = compromise(EARLY, "sysmon-only", "192.0.2.10", at("2025-07-18T19:00:00Z"));
        hostOnly.removeIf(sighting -> !sighting.values(ObservableType.SOURCE_IP).isEmpty());
        sightings.addAll(hostOnly);
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(1, analysis.campaigns().size(), analysis.campaigns().toString());
        Campaign campaign = analysis.campaigns().get(0);
        assertTrue(campaign.organisations().contains("sysmon-only"));
        assertTrue(campaign.against().stream().anyMatch(line -> line.startsWith("1 of the intrusions was seen on hosts only (no web requests), so it joins by tooling")), campaign.against().toString());
    }

    @Test
    void testLibraryUserAgentDaysApartDoesNotTieDifferentInfrastructure()
    {
        Actor first = new Actor("python-requests/2.31.0", VARIANT, "one.aspx", "c".repeat(64), List.of("net.exe"));
        Actor second = new Actor("python-requests/2.31.0", VARIANT, "two.aspx", "d".repeat(64), List.of("net.exe"));
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(first, "first" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
            sightings.addAll(compromise(second, "second" + i, "203.0.113.9", at("2025-07-23T18:00:00Z").plusSeconds(600L * i)));
        }
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(2, analysis.campaigns().size(), analysis.campaigns().toString());
        assertSeparated(analysis);
    }

    @Test
    void testAnActorWithManyAddressesStaysOneCampaignPastTheExactPairLimit()
    {
        // Every address at two victims only: the shared user agent and tooling are held by more
        // profiles than the exact pairing handles, so candidates come from MinHash buckets.
        for (int i = 0; i < 150; i++) {
            sightings.addAll(compromise(EARLY, "victim" + i, "192.0.2." + (i / 2 + 1), at("2025-07-18T18:00:00Z").plusSeconds(120L * i)));
        }
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(OTHER, "other" + i, "203.0.113.5", at("2025-07-19T22:00:00Z").plusSeconds(600L * i)));
        }
        CampaignAnalysis analysis = analyze(List.of());
        assertTrue(analysis.profiles() > 64, "profiles: " + analysis.profiles());
        assertEquals(2, analysis.campaigns().size(), analysis.campaigns().toString());
        assertEquals(150, analysis.campaigns().get(0).organisations().size());
    }

    @Test
    void testSingleIntrusionIsUndetermined()
    {
        sightings.addAll(compromise(EARLY, "alone", "192.0.2.10", at("2025-07-18T18:00:00Z")));
        Campaign campaign = analyze(List.of()).campaigns().get(0);
        assertEquals(CampaignVerdict.UNDETERMINED, campaign.verdict());
        assertEquals(List.of(), campaign.actors());
        assertTrue(campaign.against().contains("one intrusion only: nothing to compare it with"));
    }

    @Test
    void testSameInputSameCampaignsNumberedByFirstActivity()
    {
        for (int i = 0; i < 3; i++) {
            sightings.addAll(compromise(OTHER, "late" + i, "203.0.113.5", at("2025-07-22T00:00:00Z").plusSeconds(600L * i)));
            sightings.addAll(compromise(EARLY, "early" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
        }
        CampaignAnalysis first = analyze(List.of());
        CampaignAnalysis second = analyze(List.of());
        assertEquals(first, second);
        assertEquals("TC-1", first.campaigns().get(0).id());
        assertTrue(first.campaigns().get(0).organisations().first().startsWith("early"));
    }

    @Test
    void testNoIntrusionNoCampaign()
    {
        sightings.add(web("org", Stage.RECON, false, at("2025-07-21T10:00:00Z"), "198.51.100.9", "zgrab/0.x"));
        CampaignAnalysis analysis = analyze(List.of());
        assertEquals(List.of(), analysis.campaigns());
        assertEquals(1, analysis.reconnaissance().size());
    }

    private void earlyAndCopycat()
    {
        for (int i = 0; i < 4; i++) {
            sightings.addAll(compromise(EARLY, "early" + i, "192.0.2.10", at("2025-07-18T18:00:00Z").plusSeconds(600L * i)));
            sightings.addAll(compromise(COPYCAT, "copied" + i, i % 2 == 0 ? "198.51.100.7" : "198.51.100.8", at("2025-07-21T09:00:00Z").plusSeconds(900L * i)));
        }
    }

    private static void assertSeparated(CampaignAnalysis analysis)
    {
        for (Campaign campaign : analysis.campaigns()) {
            Set<String> prefixes = new TreeSet<>();
            campaign.organisations().forEach(name -> prefixes.add(name.replaceAll("\\d+$", "")));
            assertEquals(1, prefixes.size(), campaign.id() + " mixes " + campaign.organisations());
        }
    }

    private CampaignAnalysis analyze(List<PublicArtefact> publicArtefacts)
    {
        return CampaignAnalyzer.builder().publicArtefacts(publicArtefacts).build().analyzeSightings(sightings);
    }
}
