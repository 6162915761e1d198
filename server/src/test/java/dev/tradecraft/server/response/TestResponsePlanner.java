package dev.tradecraft.server.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Level;
import dev.tradecraft.exposure.vuln.VulnerabilityKnowledge;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.CampaignSummary;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.SharedArtefact;

class TestResponsePlanner
{
    private static final String CVE = "CVE-2025-53770";
    private static final Instant EXPLOIT = Instant.parse("2025-07-18T18:04:00Z");

    private static FixedBuilds fixes;
    private static ResponsePlanner planner;

    @BeforeAll
    static void loadKnowledge()
    {
        fixes = new FixedBuilds(VulnerabilityKnowledge.builtIn(null, null), CVE);
        planner = new ResponsePlanner(fixes, CVE);
    }

    @Test
    void testFixedBuildsAreTheJulyOutOfBandUpdatesAndNoneForEndOfLifeProducts()
    {
        assertEquals("16.0.10417.20037", build("SharePoint Server 2019"));
        assertEquals("16.0.18526.20508", build("SharePoint Server Subscription Edition"));
        FixedBuild sp2013 = fixes.all().stream().filter(fix -> fix.product().equals("SharePoint Server 2013")).findFirst().orElseThrow();
        assertTrue(sp2013.build().isEmpty(), "2013 is past end of life: no fix exists for " + CVE);
        assertTrue(sp2013.describe().contains("disconnect"), sp2013.describe());
        assertFalse(fixes.all().stream().anyMatch(fix -> fix.product().equals("SharePoint Online")), "SharePoint Online is not patched by its customers");
    }

    @Test
    void testServerProductIsFoundFromItsBuildOrHeader()
    {
        assertEquals(List.of("SharePoint Server 2019"), fixes.forServer("SharePoint", Optional.of("16.0.10417.20027")).stream().map(FixedBuild::product).toList());
        assertEquals(List.of("SharePoint Server 2019"), fixes.forServer("SharePoint", Optional.of("16.0.0.10417")).stream().map(FixedBuild::product).toList());
        assertEquals(List.of("SharePoint Server 2019"), fixes.forServer("SharePoint Server 2019", Optional.empty()).stream().map(FixedBuild::product).toList());
        assertTrue(fixes.forServer("Something else", Optional.empty()).isEmpty());
    }

    @Test
    void testCompromisedOrganisationGetsEveryStepWithItsOwnFacts()
    {
        OrganisationSummary summary = summary("acme", "compromised", List.of("web01", "web02"), Optional.of(EXPLOIT), List.of("/_layouts/15/spinstall0.aspx"),
                List.of("107.191.58.76"));
        ExposureRow server = server("198.51.100.11", "16.0.10417.20027");
        CampaignDetail campaign = new CampaignDetail(new CampaignSummary("TC-1", "single-actor", 90, List.of("acme", "other"), 2, Optional.of(EXPLOIT),
                Optional.of(EXPLOIT), List.of(), List.of(), List.of()), List.of(), List.of(new SharedArtefact("source-ip", "96.9.125.147", List.of("other")),
                new SharedArtefact("user-agent", "<script>alert(1)</script>", List.of("acme")), new SharedArtefact("request-size", "4k", List.of("acme")),
                new SharedArtefact("file-hash", "92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514", List.of("acme"))),
                List.of());
        ResponseChecklist checklist = planner.plan(new OrganisationDetail(summary, List.of("webshell written at acme/web01/u_ex250718.log:7"), 12,
                List.of(), List.of(server), List.of(campaign)));

        assertEquals(List.of(Step.PATCH, Step.ROTATE_MACHINE_KEYS, Step.REMOVE_WEBSHELLS, Step.REVIEW_ACTIVITY, Step.BLOCK_INDICATORS),
                checklist.items().stream().map(ChecklistItem::step).toList());
        String patch = String.join("\n", checklist.item(Step.PATCH).orElseThrow().targets());
        assertTrue(patch.contains("198.51.100.11:443") && patch.contains("16.0.10417.20037") && patch.contains("KB5002754"), patch);
        assertEquals(List.of("web01", "web02"), checklist.item(Step.ROTATE_MACHINE_KEYS).orElseThrow().targets());
        assertEquals(List.of("/_layouts/15/spinstall0.aspx"), checklist.item(Step.REMOVE_WEBSHELLS).orElseThrow().targets());
        ChecklistItem review = checklist.item(Step.REVIEW_ACTIVITY).orElseThrow();
        assertTrue(review.instruction().contains("2025-07-18 18:04Z"), review.instruction());
        assertTrue(review.targets().contains("webshell written at acme/web01/u_ex250718.log:7"), review.targets().toString());
        assertEquals(List.of("source-ip 107.191.58.76", "source-ip 96.9.125.147",
                "file-hash 92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514", "user-agent <script>alert(1)</script>"),
                checklist.item(Step.BLOCK_INDICATORS).orElseThrow().targets(), "request sizes are not indicators to block");
        assertTrue(checklist.summary().startsWith("Compromised"), checklist.summary());
    }

    @Test
    void testCleanOrganisationIsToldSoAndStillToPatchEveryProduct()
    {
        OrganisationSummary summary = summary("cedar", "clean", List.of("portal"), Optional.empty(), List.of(), List.of());
        ResponseChecklist checklist = planner.plan(new OrganisationDetail(summary, List.of(), 0, List.of(), List.of(), List.of()));

        assertTrue(checklist.summary().startsWith("No sign of exploitation"), checklist.summary());
        assertEquals(List.of(Step.PATCH, Step.ROTATE_MACHINE_KEYS), checklist.items().stream().map(ChecklistItem::step).toList());
        List<String> patch = checklist.item(Step.PATCH).orElseThrow().targets();
        assertEquals(fixes.all().size(), patch.size(), "no server tied to it: every product's fix is listed");
        assertTrue(patch.stream().anyMatch(line -> line.contains("16.0.10417.20037")), patch.toString());
    }

    @Test
    void testAttemptedOrganisationHasNoWebshellStepButReviewsAndBlocks()
    {
        OrganisationSummary summary = summary("blue", "attempted", List.of("sp01"), Optional.of(EXPLOIT), List.of(), List.of("107.191.58.76"));
        ResponseChecklist checklist = planner.plan(new OrganisationDetail(summary, List.of(), 1, List.of(), List.of(), List.of()));

        assertEquals(List.of(Step.PATCH, Step.ROTATE_MACHINE_KEYS, Step.REVIEW_ACTIVITY, Step.BLOCK_INDICATORS),
                checklist.items().stream().map(ChecklistItem::step).toList());
        assertTrue(checklist.summary().contains("no sign that one succeeded"), checklist.summary());
    }

    private static String build(String product)
    {
        return fixes.all().stream().filter(fix -> fix.product().equals(product)).findFirst().orElseThrow().build().orElseThrow().build().text();
    }

    private static OrganisationSummary summary(String name, String status, List<String> hosts, Optional<Instant> firstExploit, List<String> webshells,
            List<String> sourceIps)
    {
        return new OrganisationSummary(name, status, hosts, firstExploit, Optional.empty(), webshells, sourceIps, Map.of(Level.CRITICAL, 1L), List.of());
    }

    private static ExposureRow server(String address, String build)
    {
        return new ExposureRow("x", address, 443, List.of("sp.acme.example"), Optional.empty(), Optional.empty(), Optional.of("NL"), "SharePoint Server 2019",
                Optional.of("16.0.0.10417"), Optional.of(build), CVE, "vulnerable", "because", "shodan.json:1", Optional.of("acme"), Optional.of("sp.acme.example"));
    }
}
