package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

class TestCampaignScore
{
    private static final double EXACT = 1e-12;

    @TempDir
    Path directory;

    private int nextIntrusion;

    private static ActorTruth actor(String id, String kind, String copies, String webshell, String... ips)
    {
        return new ActorTruth(id, kind, copies, List.of(ips), "agent of " + id, "POST /_layouts/15/ToolPane.aspx", webshell,
                Instant.parse("2025-07-18T18:00:00Z"), "");
    }

    private static OrganisationTruth organisation(String name, OrganisationStatus status, String... actors)
    {
        return new OrganisationTruth(name, status, List.of(actors), "SharePoint Server 2019", "16.0.10417.20027", true, List.of("wfe01"),
                Optional.of(Instant.parse("2025-07-18T18:00:00Z")), List.of(), "");
    }

    /**
     * espionage-1 at org-a and org-b, ransomware-1 at org-b and org-e, copycat-1 (copying espionage-1) at
     * org-c, research probes at org-d; a scanner that sends no exploit request.
     */
    private static GroundTruth truth()
    {
        return new GroundTruth(1, List.of(
                actor("copycat-1", ActorTruth.COPYCAT, "espionage-1", "spinstall0.aspx", "20.81.0.1"),
                actor("espionage-1", ActorTruth.ESPIONAGE, "", "spinstall0.aspx", "107.0.0.1", "104.0.0.2"),
                actor("internet-scanners", ActorTruth.SCANNER, "", "", "167.94.138.5"),
                actor("ransomware-1", ActorTruth.RANSOMWARE, "", "spinstall2.aspx", "188.0.0.3"),
                actor("research-probes", ActorTruth.RESEARCH, "", "", "162.142.125.9")),
                List.of(organisation("org-a", OrganisationStatus.COMPROMISED, "espionage-1"),
                        organisation("org-b", OrganisationStatus.COMPROMISED, "espionage-1", "ransomware-1"),
                        organisation("org-c", OrganisationStatus.COMPROMISED, "copycat-1"),
                        organisation("org-d", OrganisationStatus.ATTEMPTED, "research-probes"),
                        organisation("org-e", OrganisationStatus.COMPROMISED, "ransomware-1")),
                List.of());
    }

    private Intrusion intrusion(String organisation, Stage stage, boolean succeeded, Observable... observables)
    {
        Sighting sighting = new Sighting(new Origin(organisation, "wfe01"), Optional.of(Instant.parse("2025-07-19T10:00:00Z")), stage,
                succeeded, List.of(observables), SourcePosition.line(organisation + "/wfe01/u_ex250719.log", 7), "rule-1");
        return new Intrusion("I-" + ++nextIntrusion, organisation, List.of(sighting));
    }

    private Intrusion web(String organisation, String ip)
    {
        return intrusion(organisation, Stage.EXPLOIT, true, ip(ip));
    }

    private static Observable ip(String value)
    {
        return new Observable(ObservableType.SOURCE_IP, value);
    }

    private static Campaign campaign(String id, Intrusion... intrusions)
    {
        return new Campaign(id, CampaignVerdict.SINGLE_ACTOR, 80, List.of(intrusions), List.of(), List.of(), List.of());
    }

    private List<Campaign> perfect()
    {
        return List.of(
                campaign("TC-1", web("org-a", "107.0.0.1"), web("org-b", "104.0.0.2")),
                campaign("TC-2", web("org-c", "20.81.0.1")),
                campaign("TC-3", web("org-b", "188.0.0.3"), web("org-e", "188.0.0.3")));
    }

    @Test
    void testPerfectCampaigns()
    {
        CampaignScore score = CampaignScore.of(truth(), perfect());
        assertEquals(1.0, score.sourceIps().f1());
        assertEquals(1.0, score.sourceIps().adjustedRand(), EXACT);
        assertEquals(4, score.sourceIps().items());
        assertEquals(1.0, score.intrusions().f1());
        assertEquals(1.0, score.intrusions().adjustedRand(), EXACT);
        assertEquals(5, score.intrusions().items());
        assertEquals(3, score.campaigns());
        assertEquals(3, score.actors());
        assertFalse(score.mixesCopycat());
        assertFalse(score.carriesReconnaissance());
        assertEquals(List.of(), score.unattributed());
    }

    @Test
    void testCopycatMergedWithTheActorItCopies()
    {
        List<Campaign> merged = List.of(
                campaign("TC-1", web("org-a", "107.0.0.1"), web("org-b", "104.0.0.2"), web("org-c", "20.81.0.1")),
                campaign("TC-3", web("org-b", "188.0.0.3"), web("org-e", "188.0.0.3")));
        CampaignScore score = CampaignScore.of(truth(), merged);
        assertEquals(List.of("TC-1 holds copycat-1 and espionage-1, whose public tradecraft copycat-1 copies"), score.copycatMixes());
        // Addresses: espionage-1's two see a cluster two-thirds theirs, the copycat's one third, ransomware's all.
        assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4, score.sourceIps().precision(), EXACT);
        assertEquals(1.0, score.sourceIps().recall(), EXACT);
        assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, score.intrusions().precision(), EXACT);
        assertEquals(2, score.campaigns());
        assertTrue(score.toString().contains("copycat mixed with the actor it copies: TC-1 holds copycat-1 and espionage-1"),
                score.toString());
    }

    @Test
    void testSplitActorCostsRecall()
    {
        List<Campaign> split = List.of(
                campaign("TC-1", web("org-a", "107.0.0.1")),
                campaign("TC-2", web("org-b", "104.0.0.2")),
                campaign("TC-3", web("org-c", "20.81.0.1")),
                campaign("TC-4", web("org-b", "188.0.0.3"), web("org-e", "188.0.0.3")));
        CampaignScore score = CampaignScore.of(truth(), split);
        assertEquals(1.0, score.sourceIps().precision(), EXACT);
        assertEquals((0.5 + 0.5 + 1 + 1) / 4, score.sourceIps().recall(), EXACT);
        assertEquals((0.5 + 0.5 + 1 + 1 + 1) / 5, score.intrusions().recall(), EXACT);
        assertEquals(4, score.campaigns());
    }

    @Test
    void testIntrusionNeverFoundIsASingleton()
    {
        List<Campaign> partial = List.of(
                campaign("TC-1", web("org-a", "107.0.0.1")),
                campaign("TC-3", web("org-b", "188.0.0.3"), web("org-e", "188.0.0.3")));
        CampaignScore score = CampaignScore.of(truth(), partial);
        assertEquals(1.0, score.intrusions().precision(), EXACT);
        // org-b/espionage-1 and org-c/copycat-1 were never found: espionage-1's recall halves, the copycat's is whole alone.
        assertEquals((0.5 + 0.5 + 1 + 1 + 1) / 5, score.intrusions().recall(), EXACT);
        assertEquals(4, score.intrusions().predictedClusters());
    }

    @Test
    void testReconnaissanceAddressInACampaignIsReported()
    {
        List<Campaign> campaigns = new ArrayList<>(perfect());
        campaigns.set(0, campaign("TC-1", web("org-a", "107.0.0.1"), web("org-b", "104.0.0.2"),
                intrusion("org-a", Stage.WEBSHELL, true, ip("167.94.138.5"), new Observable(ObservableType.WEBSHELL_NAME, "spinstall0.aspx")),
                intrusion("org-d", Stage.EXPLOIT, false, ip("162.142.125.9"))));
        CampaignScore score = CampaignScore.of(truth(), campaigns);
        assertEquals(List.of("TC-1 carries 162.142.125.9 of research-probes", "TC-1 carries 167.94.138.5 of internet-scanners"),
                score.reconnaissance());
        assertTrue(score.carriesReconnaissance());
        // Reconnaissance addresses are not items and their intrusions are nobody's: the scores stay perfect.
        assertEquals(1.0, score.sourceIps().f1(), EXACT);
        assertEquals(1.0, score.intrusions().f1(), EXACT);
        assertEquals(List.of(), score.unattributed());
    }

    @Test
    void testIntrusionsWithoutAnActorAddressAreAttributedThroughTheOrganisation()
    {
        Intrusion hostOnly = intrusion("org-a", Stage.POST_EXPLOITATION, true, new Observable(ObservableType.TOOL, "whoami"));
        Intrusion byWebshell = intrusion("org-b", Stage.WEBSHELL_DROP, true,
                new Observable(ObservableType.WEBSHELL_PATH, "C:\\Program Files\\Common Files\\microsoft shared\\Web Server Extensions\\16"
                        + "\\TEMPLATE\\LAYOUTS\\SPINSTALL2.aspx"));
        Intrusion ambiguous = intrusion("org-b", Stage.POST_EXPLOITATION, true, new Observable(ObservableType.TOOL, "whoami"));
        Intrusion balancer = intrusion("org-e", Stage.EXPLOIT, true, ip("10.0.0.5"));
        Intrusion scanOnly = intrusion("org-e", Stage.RECON, true, ip("10.0.0.5"));
        List<Campaign> campaigns = List.of(
                campaign("TC-1", hostOnly, web("org-b", "104.0.0.2")),
                campaign("TC-2", web("org-c", "20.81.0.1")),
                campaign("TC-3", byWebshell, balancer),
                campaign("TC-4", ambiguous, scanOnly));
        CampaignScore score = CampaignScore.of(truth(), campaigns);
        // Every item found its actor's campaign: org-a/espionage-1 through its only actor, org-b/ransomware-1
        // through the webshell, org-e/ransomware-1 through its only actor behind a balancer.
        assertEquals(1.0, score.intrusions().f1(), EXACT);
        assertEquals(List.of(ambiguous.id() + " at org-b in TC-4", scanOnly.id() + " at org-e in TC-4"), score.unattributed());
        // 107.0.0.1 and 188.0.0.3 were never carried by a campaign: each is alone, half of its actor's addresses
        // for espionage-1, all of them for ransomware-1.
        assertEquals(1.0, score.sourceIps().precision(), EXACT);
        assertEquals((0.5 + 0.5 + 1 + 1) / 4, score.sourceIps().recall(), EXACT);
    }

    @Test
    void testDuplicateCampaignIdIsRefused()
    {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> CampaignScore.of(truth(), List.of(campaign("TC-1", web("org-a", "107.0.0.1")), campaign("TC-1", web("org-c", "20.81.0.1")))));
        assertTrue(twice.getMessage().contains("campaign id is not unique: TC-1"), twice.getMessage());
    }

    @Test
    void testOracleCampaignsOfAGeneratedWorld() throws IOException
    {
        World world = new WorldGenerator(new WorldSpec(31, 20, LocalDate.of(2025, 7, 17), 5, 20)).write(directory.resolve("world"));
        GroundTruth truth = world.truth();
        List<Campaign> oracle = new ArrayList<>();
        Campaign copycat = null;
        Campaign copied = null;
        for (ActorTruth actor : truth.actors()) {
            if (actor.reconnaissance()) {
                continue;
            }
            List<Intrusion> intrusions = new ArrayList<>();
            for (OrganisationTruth organisation : truth.organisations()) {
                if (!organisation.actors().contains(actor.id())) {
                    continue;
                }
                List<Observable> addresses = new ArrayList<>();
                for (String address : actor.sourceIps()) {
                    addresses.add(ip(address));
                }
                intrusions.add(intrusion(organisation.name(), Stage.EXPLOIT, true, addresses.toArray(new Observable[0])));
            }
            Campaign campaign = campaign("TC-" + actor.id(), intrusions.toArray(new Intrusion[0]));
            oracle.add(campaign);
            if (!actor.copies().isEmpty()) {
                copycat = campaign;
            }
            if (actor.id().equals("espionage-1")) {
                copied = campaign;
            }
        }
        CampaignScore score = CampaignScore.of(truth, oracle);
        assertEquals(1.0, score.sourceIps().f1(), EXACT, score.toString());
        assertEquals(1.0, score.intrusions().f1(), EXACT, score.toString());
        assertEquals(score.actors(), score.campaigns());
        assertEquals(4, score.actors());
        assertFalse(score.mixesCopycat());

        List<Intrusion> together = new ArrayList<>(copied.intrusions());
        together.addAll(copycat.intrusions());
        List<Campaign> merged = new ArrayList<>(oracle);
        merged.remove(copycat);
        merged.set(merged.indexOf(copied), campaign(copied.id(), together.toArray(new Intrusion[0])));
        CampaignScore mixed = CampaignScore.of(truth, merged);
        assertEquals(List.of("TC-espionage-1 holds copycat-1 and espionage-1, whose public tradecraft copycat-1 copies"),
                mixed.copycatMixes());
        assertTrue(mixed.sourceIps().precision() < 1, mixed.toString());
    }
}
