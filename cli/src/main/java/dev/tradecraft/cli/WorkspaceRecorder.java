package dev.tradecraft.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.CampaignAnalyzer;
import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.hunt.FileOutcome;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.verdict.OrganisationAssessor;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.ingest.DerivedState;
import dev.tradecraft.store.ingest.DerivedTables;
import dev.tradecraft.store.ingest.ExposureIngest;
import dev.tradecraft.store.ingest.ExposureMatch;
import dev.tradecraft.store.ingest.FileHashes;
import dev.tradecraft.store.ingest.FileRecord;
import dev.tradecraft.store.ingest.HuntIngest;
import dev.tradecraft.store.ingest.IngestResult;
import dev.tradecraft.store.ingest.OrganisationRecord;
import dev.tradecraft.store.ingest.RunRecord;
import dev.tradecraft.store.ingest.StoredHit;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * Puts a command's results into the workspace and recomputes what depends on all of them: the
 * organisations' verdicts and the campaigns over every hit kept, and which scanned servers belong
 * to hunted organisations. The store knows no hunt or campaign code; this is where they meet.
 */
final class WorkspaceRecorder
{
    private WorkspaceRecorder() {}

    /**
     * What the workspace holds after a command.
     *
     * @param ingest what the command added
     * @param organisations the verdicts over every hunt kept
     * @param campaigns the campaigns over every hit kept
     * @param hits hits kept in all
     */
    record Recorded(IngestResult ingest, List<OrganisationVerdict> organisations, CampaignAnalysis campaigns, long hits)
    {
    }

    static Recorded keepHunt(Workspace workspace, HuntResult result, String configuration, Instant started, CampaignAnalyzer analyzer)
            throws StoreException
    {
        List<FileRecord> files = result.files().parallelStream().map(WorkspaceRecorder::logFile).toList();
        List<StoredHit> hits = result.hits().parallelStream().map(hit -> new StoredHit(hit, HitJson.toJson(hit))).toList();
        long events = result.files().stream().mapToLong(FileOutcome::events).sum();
        RunRecord run = new RunRecord("hunt", configuration, started, Instant.now(), events, hits.size());
        return workspace.atomically("keep the hunt",
                () -> recompute(workspace, analyzer, HuntIngest.record(workspace, run, files, hits), hits));
    }

    /**
     * Hits that came from elsewhere (the Flink job's hits topic): kept like a hunt's, without files,
     * and everything recomputed. Reading the same topic again adds only hits not kept yet.
     *
     * @param source where they came from, e.g. {@code kafka broker:9092 tradecraft-hits}
     */
    static Recorded keepStreamHits(Workspace workspace, List<StoredHit> hits, String source, Instant started, CampaignAnalyzer analyzer)
            throws StoreException
    {
        RunRecord run = new RunRecord("kafka-hits", source, started, Instant.now(), 0, hits.size());
        return workspace.atomically("keep the hits", () -> recompute(workspace, analyzer, HuntIngest.record(workspace, run, List.of(), hits), hits));
    }

    /**
     * Keeps an exposure (or probe) run and ties its servers to the hunted organisations. Scanned
     * servers change no verdict, sighting or campaign, so only the exposure matches are recomputed.
     *
     * @param services the SharePoint services to keep
     * @param records scan records read
     */
    static IngestResult keepExposure(Workspace workspace, List<Path> scanFiles, List<Exposure> services, long records, String cve, Instant started)
            throws StoreException
    {
        List<FileRecord> files = scanFiles.parallelStream().map(WorkspaceRecorder::scanFile).toList();
        RunRecord run = new RunRecord("exposure", cve, started, Instant.now(), records, services.size());
        return workspace.atomically("keep the exposure results", () -> {
            IngestResult ingest = ExposureIngest.record(workspace, run, files, services, cve);
            // The organisations as kept now, inside this transaction: a hunt may have run since the scan started.
            DerivedTables.replaceExposureMatches(workspace, matches(new WorkspaceQueries(workspace), crossReference(workspace)));
            return ingest;
        });
    }

    /** The hunted organisations as the workspace knows them, for tying scanned servers to them. */
    static CrossReference crossReference(Workspace workspace) throws StoreException
    {
        return CrossReference.of(HuntFootprints.of(new WorkspaceQueries(workspace)));
    }

    /** Every hit kept in the workspace, read back from its JSON. */
    static List<Hit> hits(Workspace workspace) throws StoreException
    {
        List<Hit> hits = new ArrayList<>();
        new WorkspaceQueries(workspace).hitJson().parallelStream().map(HitJson::read).forEachOrdered(hits::add);
        return hits;
    }

    /**
     * The hits in hand and every other hit kept. Only hits another run found first are read back
     * (parsing hit JSON is the costly part), so the first hunt into a workspace and a re-run of the
     * same input read none.
     */
    private static List<Hit> hitsBesides(Workspace workspace, List<StoredHit> inHand, String runId) throws StoreException
    {
        Set<String> known = new HashSet<>();
        List<Hit> hits = new ArrayList<>(inHand.size());
        for (StoredHit stored : inHand) {
            if (known.add(stored.id())) {
                hits.add(stored.hit());
            }
        }
        List<String> others = new WorkspaceQueries(workspace).hitJsonBesidesRun(runId, known);
        if (!others.isEmpty()) {
            others.parallelStream().map(HitJson::read).forEachOrdered(hits::add);
            // One order whatever came from where, the order a single hunt over all the input gives.
            hits.sort(Hunter.HIT_ORDER);
        }
        return hits;
    }

    /** Organisation verdicts, campaigns and exposure matches over everything kept, replacing the previous ones. */
    static Recorded recompute(Workspace workspace, CampaignAnalyzer analyzer, IngestResult ingest, List<StoredHit> inHand) throws StoreException
    {
        WorkspaceQueries queries = new WorkspaceQueries(workspace);
        List<Hit> hits = hitsBesides(workspace, inHand, ingest.runId());
        Map<String, SortedSet<String>> hosts = queries.hostsRead();
        List<OrganisationVerdict> verdicts = OrganisationAssessor.assess(hosts, hits);
        CampaignAnalysis campaigns = analyzer.analyze(hits);
        List<ExposureMatch> matches = matches(queries, CrossReference.of(HuntFootprints.of(verdicts, hits)));
        DerivedState state = new DerivedState(verdicts.stream().map(WorkspaceRecorder::organisation).toList(), campaigns.campaigns(),
                campaigns.reconnaissance(), matches);
        DerivedTables.replace(workspace, state);
        return new Recorded(ingest, verdicts, campaigns, hits.size());
    }

    private static List<ExposureMatch> matches(WorkspaceQueries queries, CrossReference hunted) throws StoreException
    {
        List<ExposureMatch> matches = new ArrayList<>();
        if (!hunted.isEmpty()) {
            for (ExposureRow row : queries.exposures(Integer.MAX_VALUE)) {
                hunted.match(exposure(row)).ifPresent(match -> matches.add(new ExposureMatch(row.id(), match.organisation(), match.matchedBy())));
            }
        }
        return matches;
    }

    private static OrganisationRecord organisation(OrganisationVerdict verdict)
    {
        return new OrganisationRecord(verdict.organisation(), verdict.status().label(), verdict.hosts(), verdict.firstExploit(),
                verdict.firstCompromise(), verdict.webshells(), verdict.sourceIps(), verdict.hitsByLevel(), verdict.evidence());
    }

    /** The stored service as the cross-reference reads it: addresses and names are all it looks at. */
    private static Exposure exposure(ExposureRow row)
    {
        return new Exposure(row.address(), row.port(), row.hostnames(), row.organisation(), row.asn(), row.country(), ServiceKind.SHAREPOINT_ONPREM,
                row.product(), row.versionShown(), row.build(), List.of(),
                verdicts(row),
                SourcePosition.line(row.evidence(), 0));
    }

    private static List<CveVerdict> verdicts(ExposureRow row)
    {
        if (row.state().equals(ExposureIngest.NOT_JUDGED)) {
            return List.of();
        }
        return List.of(new CveVerdict(row.cve(), ExposureState.valueOf(row.state().toUpperCase(Locale.ROOT).replace('-', '_')), row.reason()));
    }

    private static FileRecord logFile(FileOutcome outcome)
    {
        Path path = outcome.file().path();
        return new FileRecord(outcome.file().displayName(), hash(path), size(path), FileRecord.Kind.LOG, outcome.file().origin().organisation(),
                outcome.file().origin().host(), outcome.format().orElse(""), outcome.events(), outcome.skippedUnits(), outcome.skipReason().orElse(""));
    }

    private static FileRecord scanFile(Path path)
    {
        return new FileRecord(path.toString(), hash(path), size(path), FileRecord.Kind.SCAN, "", "", "scan", 0, 0, "");
    }

    private static String hash(Path path)
    {
        try {
            return FileHashes.sha256(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + path, e);
        }
    }

    private static long size(Path path)
    {
        try {
            return Files.size(path);
        }
        catch (IOException e) {
            return 0;
        }
    }
}
