package dev.tradecraft.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;
import dev.tradecraft.store.ingest.DerivedState;
import dev.tradecraft.store.ingest.DerivedTables;
import dev.tradecraft.store.ingest.ExposureIngest;
import dev.tradecraft.store.ingest.ExposureMatch;
import dev.tradecraft.store.ingest.FileRecord;
import dev.tradecraft.store.ingest.HuntIngest;
import dev.tradecraft.store.ingest.IngestResult;
import dev.tradecraft.store.ingest.OrganisationRecord;
import dev.tradecraft.store.ingest.RunRecord;
import dev.tradecraft.store.ingest.StoredHit;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.ExposureDimension;
import dev.tradecraft.store.read.ExposureTotals;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.WorkspaceQueries;

class TestWorkspace
{
    private static final Instant T0 = Instant.parse("2025-07-18T18:06:14Z");
    private static final RuleRef EXPLOIT = new RuleRef("rule-exploit", "ToolShell exploit <request>", Level.CRITICAL, "tc", List.of(), RuleRef.Kind.SIGMA);
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path folder;

    private static Hit hit(String organisation, String file, long line, Instant time, String userAgent)
    {
        Event event = new Event(new Origin(organisation, "web01"), SourcePosition.line(file, line), Optional.of(time),
                new Logsource("windows", "webserver", "iis"), EventFields.of(Map.of("cs-uri-stem", "/_layouts/15/ToolPane.aspx",
                        "cs(User-Agent)", userAgent)));
        return new Hit(EXPLOIT, event, Map.of("cs(User-Agent)", userAgent));
    }

    private static StoredHit stored(Hit hit)
    {
        return new StoredHit(hit, "{\"rule_id\":\"" + hit.rule().id() + "\"}");
    }

    private static FileRecord log(String name, String sha)
    {
        return new FileRecord(name, sha, 100, FileRecord.Kind.LOG, "acme", "web01", "iis-w3c", 10, 0, "");
    }

    private static RunRecord run(long hits)
    {
        return new RunRecord("hunt", "built-in", T0, T0.plusSeconds(5), 10, hits);
    }

    private static Sighting sighting(Hit hit)
    {
        return new Sighting(hit.origin(), hit.time(), Stage.EXPLOIT, true, List.of(new Observable(ObservableType.SOURCE_IP, "107.191.58.76"),
                new Observable(ObservableType.USER_AGENT, hit.matchedFields().get("cs(User-Agent)"))), hit.position(), hit.rule().id());
    }

    private static OrganisationRecord organisation(String name, String status)
    {
        Map<Level, Long> levels = new EnumMap<>(Level.class);
        levels.put(Level.CRITICAL, 1L);
        return new OrganisationRecord(name, status, List.of("web01"), Optional.of(T0), Optional.empty(), List.of(), List.of("107.191.58.76"),
                levels, List.of("exploit request at u_ex250718.log:1"));
    }

    private static Exposure exposure(String address, ExposureState state)
    {
        return new Exposure(address, 443, List.of("sp.acme.example"), Optional.of("Acme Hosting"), Optional.of("AS64500"), Optional.of("NL"),
                ServiceKind.SHAREPOINT_ONPREM, "SharePoint Server 2019", Optional.of("16.0.0.10417"), Optional.empty(), List.of("header"),
                List.of(new CveVerdict("CVE-2025-53770", state, "because")), SourcePosition.line("shodan.json", 1));
    }

    @Test
    void testNewWorkspaceHasTheCurrentSchemaAndReopensWithoutMigratingAgain() throws Exception
    {
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(1, workspace.schemaVersion());
            assertTrue(Files.isRegularFile(folder.resolve("tradecraft.duckdb")));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(1, workspace.schemaVersion());
            assertEquals(Long.valueOf(1), workspace.<Long>read("count", connection -> {
                try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM schema_version")) {
                    rows.next();
                    return rows.getLong(1);
                }
            }));
        }
    }

    @Test
    void testTheSameHuntTwiceChangesNoRowCount() throws Exception
    {
        List<StoredHit> hits = List.of(stored(hit("acme", "acme/web01/u_ex250718.log", 1, T0, "curl")),
                stored(hit("acme", "acme/web01/u_ex250718.log", 2, T0.plusSeconds(1), "curl")));
        try (Workspace workspace = Workspace.open(folder)) {
            WorkspaceQueries queries = new WorkspaceQueries(workspace);
            IngestResult first = HuntIngest.record(workspace, run(2), List.of(log("acme/web01/u_ex250718.log", SHA_A)), hits);
            assertTrue(first.newRun());
            assertEquals(2, first.newResults());
            Map<String, Long> before = queries.rowCounts();
            IngestResult second = HuntIngest.record(workspace, run(2), List.of(log("acme/web01/u_ex250718.log", SHA_A)), hits);
            assertFalse(second.newRun());
            assertEquals(first.runId(), second.runId());
            assertEquals(0, second.newResults());
            assertEquals(0, second.newFiles());
            assertEquals(before, queries.rowCounts());
            assertEquals(1L, queries.rowCounts().get("runs"));
        }
    }

    @Test
    void testAGrownLogAddsOnlyItsNewHits() throws Exception
    {
        Hit first = hit("acme", "acme/web01/u_ex250718.log", 1, T0, "curl");
        Hit later = hit("acme", "acme/web01/u_ex250718.log", 9, T0.plusSeconds(60), "curl");
        try (Workspace workspace = Workspace.open(folder)) {
            HuntIngest.record(workspace, run(1), List.of(log("acme/web01/u_ex250718.log", SHA_A)), List.of(stored(first)));
            IngestResult grown = HuntIngest.record(workspace, run(2), List.of(log("acme/web01/u_ex250718.log", SHA_B)),
                    List.of(stored(first), stored(later)));
            assertTrue(grown.newRun(), "other content is another run");
            assertEquals(1, grown.newResults());
            Map<String, Long> counts = new WorkspaceQueries(workspace).rowCounts();
            assertEquals(2L, counts.get("hits"));
            assertEquals(2L, counts.get("files"), "both versions of the file are kept with their hashes");
        }
    }

    @Test
    void testAFailedWriteLeavesNothingBehind() throws Exception
    {
        try (Workspace workspace = Workspace.open(folder)) {
            HuntIngest.record(workspace, run(1), List.of(log("acme/web01/a.log", SHA_A)), List.of(stored(hit("acme", "acme/web01/a.log", 1, T0, "x"))));
            Map<String, Long> before = new WorkspaceQueries(workspace).rowCounts();
            StoreException failure = assertThrows(StoreException.class, () -> workspace.inTransaction("write half", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM hits");
                    statement.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertTrue(failure.getMessage().contains("write half"), failure.getMessage());
            assertEquals(before, new WorkspaceQueries(workspace).rowCounts());
        }
    }

    @Test
    void testReadOnlyWorkspaceRefusesWritesAndMissingOneIsExplained() throws Exception
    {
        StoreException missing = assertThrows(StoreException.class, () -> Workspace.openReadOnly(folder.resolve("none")));
        assertTrue(missing.getMessage().contains("no workspace"), missing.getMessage());
        Workspace.open(folder).close();
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            assertThrows(StoreException.class, () -> HuntIngest.record(workspace, run(0), List.of(), List.of()));
        }
    }

    @Test
    void testDerivedStateIsReplacedAndReadBack() throws Exception
    {
        Hit a = hit("acme", "acme/web01/u_ex250718.log", 1, T0, "<script>alert(1)</script>");
        Hit b = hit("globex", "globex/web01/u_ex250718.log", 1, T0.plusSeconds(600), "curl");
        Campaign campaign = new Campaign("TC-1", CampaignVerdict.values()[0], 90,
                List.of(new Intrusion("I-1", "acme", List.of(sighting(a))), new Intrusion("I-2", "globex", List.of(sighting(b)))),
                List.of(new InferredActor("actor-1", List.of("I-1", "I-2"))), List.of("the same source at 2 organisations"), List.of());
        try (Workspace workspace = Workspace.open(folder)) {
            HuntIngest.record(workspace, run(2), List.of(log("acme/web01/u_ex250718.log", SHA_A), log("globex/web01/u_ex250718.log", SHA_B)),
                    List.of(stored(a), stored(b)));
            RunRecord scan = new RunRecord("exposure", "CVE-2025-53770", T0, T0, 2, 2);
            FileRecord scanFile = new FileRecord("shodan.json", SHA_A, 10, FileRecord.Kind.SCAN, "", "", "shodan", 2, 0, "");
            Exposure vulnerable = exposure("192.0.2.10", ExposureState.VULNERABLE);
            ExposureIngest.record(workspace, scan, List.of(scanFile), List.of(vulnerable,
                    new Exposure("192.0.2.11", 443, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), ServiceKind.SHAREPOINT_ONPREM,
                            "SharePoint Server 2019", Optional.empty(), Optional.empty(), List.of(),
                            List.of(new CveVerdict("CVE-2025-53770", ExposureState.AMBIGUOUS, "cannot tell")), SourcePosition.line("shodan.json", 2))),
                    "CVE-2025-53770");
            DerivedState state = new DerivedState(List.of(organisation("acme", "compromised"), organisation("globex", "attempted")),
                    List.of(campaign), List.of(), List.of(new ExposureMatch(ExposureIngest.id(vulnerable), "acme", "sp.acme.example")));
            DerivedTables.replace(workspace, state);
            DerivedTables.replace(workspace, state);

            WorkspaceQueries queries = new WorkspaceQueries(workspace);
            Overview overview = queries.overview();
            assertEquals(new ExposureTotals("CVE-2025-53770", 2, 1, 1, 0), overview.exposure());
            assertEquals(2, overview.organisations());
            assertEquals(1, overview.compromised());
            assertEquals(1, overview.attempted());
            assertEquals(1, overview.campaigns());
            assertEquals(2, overview.hits());
            assertEquals(2, overview.runs());
            assertEquals(List.of(new ExposureTotals("NL", 1, 1, 0, 0), new ExposureTotals("(unknown)", 1, 0, 1, 0)),
                    queries.exposureBy(ExposureDimension.COUNTRY));

            CampaignDetail detail = queries.campaign("TC-1").orElseThrow();
            assertEquals(List.of("acme", "globex"), detail.summary().organisations());
            assertEquals(List.of("actor-1"), detail.summary().actors());
            assertEquals(2, detail.victims().size());
            assertEquals(2, detail.timeline().size());
            assertEquals("source-ip", detail.artefacts().get(0).type());
            assertEquals(List.of("acme", "globex"), detail.artefacts().get(0).organisations());
            assertTrue(queries.campaign("TC-9").isEmpty());

            OrganisationDetail acme = queries.organisation("acme", 10).orElseThrow();
            assertEquals("compromised", acme.summary().status());
            assertEquals(List.of("TC-1"), acme.summary().campaigns());
            assertEquals(1, acme.hitCount());
            assertEquals("<script>alert(1)</script>", acme.hits().get(0).matched().get("cs(User-Agent)"), "stored as data, as it came");
            assertEquals("/_layouts/15/ToolPane.aspx", acme.hits().get(0).context().get("cs-uri-stem"), "unmatched event fields as context");
            assertEquals(1, acme.servers().size());
            assertEquals(Optional.of("sp.acme.example"), acme.servers().get(0).matchedBy());
            assertEquals(List.of("compromised", "attempted"), queries.organisations().stream().map(o -> o.status()).toList());
            assertEquals(new ArrayList<>(WorkspaceQueries.TABLES), new ArrayList<>(queries.rowCounts().keySet()));
            assertEquals(2L, queries.rowCounts().get("sightings"), "replacing twice leaves one copy");
        }
    }
}
