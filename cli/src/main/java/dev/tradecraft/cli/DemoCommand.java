package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.stix.StixBundleWriter;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.ExposureAnalyzer;
import dev.tradecraft.exposure.ExposureRun;
import dev.tradecraft.exposure.ExposureSummary;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.output.SummaryJson;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;
import dev.tradecraft.scenarios.CampaignScore;
import dev.tradecraft.scenarios.ClusterScore;
import dev.tradecraft.scenarios.EventFileFormat;
import dev.tradecraft.scenarios.VerdictScore;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;
import dev.tradecraft.server.web.Dashboard;
import dev.tradecraft.server.web.DashboardSettings;
import dev.tradecraft.server.web.Token;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false,
        description = {
                "Write a seeded ToolShell world into the workspace, hunt it with the built-in content,",
                "print the per-organisation verdicts and score them against the world's ground truth."})
final class DemoCommand implements Callable<Integer>
{
    /** The demo's own workspace inside the user's, so the demo world never mixes with real data. */
    static final String DEMO_WORKSPACE = "demo";

    @Spec
    private CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Option(names = "--seed", paramLabel = "N", description = "World seed (default: the demo seed).")
    private Long seed;

    @Option(names = "--organisations", paramLabel = "N", description = "Organisations in the world (default: the demo size).")
    private Integer organisations;

    @Option(names = "--windows-events", paramLabel = "json|evtx",
            description = "Write the world's Windows events as evtx_dump-shape JSON (default) or as .evtx event logs holding the "
                    + "same records.")
    private EventFileFormat windowsEvents = EventFileFormat.JSON;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    private boolean quiet;

    @Option(names = "--serve", description = "Then serve the demo's workspace as a dashboard (like 'tradecraft serve') until Ctrl-C.")
    private boolean serve;

    @Option(names = "--port", paramLabel = "N", description = "Dashboard port with --serve (default: 8080; 0 for any free port).")
    private int port = DashboardSettings.DEFAULT_PORT;

    @Mixin
    private CampaignOptions campaignOptions = new CampaignOptions();

    private static String describe(ClusterScore score)
    {
        return String.format(Locale.ROOT, "B-cubed precision %.3f, recall %.3f, F1 %.3f; adjusted Rand %.3f (%d items)",
                score.precision(), score.recall(), score.f1(), score.adjustedRand(), score.items());
    }

    @Override
    public Integer call() throws IOException, SigmaException, InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorldSpec demo = WorldSpec.demo();
        WorldSpec worldSpec = new WorldSpec(seed != null ? seed : demo.seed(),
                organisations != null ? organisations : demo.organisations(),
                demo.firstDay(), demo.days(), demo.requestsPerHostPerDay());
        Path worldDir = workspace.resolve("demo-world");

        long started = System.nanoTime();
        out.println("Writing a ToolShell world (seed " + worldSpec.seed() + ", " + worldSpec.organisations() + " organisations) to " + worldDir);
        out.flush();
        World world = new WorldGenerator(worldSpec, windowsEvents).write(worldDir);
        double generated = (System.nanoTime() - started) / 1e9;

        DetectionContent content = DetectionContent.load(List.of(), List.of(), Optional.empty());
        HuntReporter.printContentProblems(content, err);
        List<LogFile> files = LogTree.discover(List.of(world.webLogs(), world.events()), Optional.empty());
        out.println("Hunting " + files.size() + " files with the built-in content (" + content.rulesInUse() + " Sigma rules, "
                + content.iocs().indicators().size() + " indicators)");
        out.flush();
        Instant huntStarted = Instant.now();
        HuntResult result = TerminalHunt.run(content, files, threads, quiet, err);

        Instant exposureStarted = Instant.now();
        ExposureAnalyzer exposureAnalyzer = ExposureAnalyzer.builder().build();
        ExposureRun.Result exposure = ExposureRun.run(List.of(world.shodanBanners()), exposureAnalyzer, threads, ExposureRun.SHAREPOINT,
                new AtomicLong());
        Path demoWorkspace = workspace.resolve(DEMO_WORKSPACE);
        WorkspaceRecorder.Recorded recorded;
        long clusteringStarted = System.nanoTime();
        try {
            // The demo's workspace holds the demo world only: it starts afresh with every world written.
            Files.deleteIfExists(demoWorkspace.resolve(Workspace.DATABASE_FILE));
            Files.deleteIfExists(demoWorkspace.resolve(Workspace.DATABASE_FILE + ".wal"));
            try (Workspace store = Workspace.open(demoWorkspace)) {
                // The fresh workspace has no hunt yet to tie the servers to; the hunt kept next ties them.
                WorkspaceRecorder.keepExposure(store, List.of(world.shodanBanners()), exposure.exposures(), exposure.summary().records(),
                        exposureAnalyzer.cves().get(0), exposureStarted);
                recorded = WorkspaceRecorder.keepHunt(store, result, HuntCommand.configuration(content), huntStarted, campaignOptions.analyzer(err));
            }
        }
        catch (StoreException e) {
            err.println("tradecraft demo: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        double clustering = (System.nanoTime() - clusteringStarted) / 1e9;

        Path summary = workspace.resolve("demo-summary.json");
        try (Writer writer = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
            SummaryJson.write(result, content.rulesInUse(), content.ruleProblems().size(), content.iocs().indicators().size(), writer);
        }
        Path hits = workspace.resolve("demo-hits.jsonl");
        try (Writer writer = Files.newBufferedWriter(hits, StandardCharsets.UTF_8)) {
            HitJson.writeLines(result.hits(), writer);
        }

        out.println();
        OrganisationTable.print(result.organisations(), out);
        out.println();
        HuntReporter.printSummary(result, content, out);

        Map<String, String> predicted = new HashMap<>();
        for (OrganisationVerdict verdict : result.organisations()) {
            predicted.put(verdict.organisation(), verdict.status().label());
        }
        VerdictScore score = VerdictScore.of(world.truth(), predicted);
        out.println();
        out.println("Score against the ground truth (" + world.truthFile() + "):");
        out.println(String.format(Locale.ROOT, "  compromised: precision %.3f, recall %.3f (%d true positives, %d false positives, %d missed)",
                score.precision(), score.recall(), score.truePositives(), score.falsePositives(), score.falseNegatives()));
        out.println(String.format(Locale.ROOT, "  all statuses: %d of %d organisations right", score.correct(), score.total()));
        for (String line : score.mistakes()) {
            out.println("  " + TerminalText.safe(line));
        }

        CampaignAnalysis campaigns = recorded.campaigns();
        Path stix = workspace.resolve("demo-campaigns.stix.json");
        try (Writer writer = Files.newBufferedWriter(stix, StandardCharsets.UTF_8)) {
            StixBundleWriter.write(campaigns.campaigns(), Instant.now(), writer);
        }
        out.println();
        CampaignTable.print(campaigns, out, true);
        CampaignScore campaignScore = CampaignScore.of(world.truth(), campaigns.campaigns());
        out.println();
        out.println("Campaigns against the ground truth:");
        out.println(String.format(Locale.ROOT, "  %d campaigns for %d actors", campaignScore.campaigns(), campaignScore.actors()));
        out.println("  source IPs: " + describe(campaignScore.sourceIps()));
        out.println("  intrusions: " + describe(campaignScore.intrusions()));
        out.println("  copycat kept apart from the actor it copies: " + (campaignScore.mixesCopycat() ? "no — " + campaignScore.copycatMixes() : "yes"));
        out.println("  scanners and probes in no campaign: " + (campaignScore.carriesReconnaissance() ? "no — " + campaignScore.reconnaissance() : "yes"));
        out.println();
        ExposureSummary exposed = exposure.summary();
        out.println("Exposure in the world's scan data (" + world.shodanBanners().getFileName() + ", " + exposed.records() + " services): "
                + exposed.services(ServiceKind.SHAREPOINT_ONPREM) + " SharePoint servers on-premises, " + exposed.count(ExposureState.VULNERABLE)
                + " vulnerable to " + exposed.cve() + ", " + exposed.count(ExposureState.NOT_VULNERABLE) + " not vulnerable, "
                + exposed.count(ExposureState.AMBIGUOUS) + " ambiguous");
        out.println(String.format(Locale.ROOT, "World written in %.1f s; hunt %.1f s; workspace and campaigns %.1f s. Hits: %s; summary: %s; STIX: %s",
                generated, result.elapsedNanos() / 1e9, clustering, hits, summary, stix));
        out.println("Workspace: " + demoWorkspace + " (tradecraft serve --workspace " + demoWorkspace + ", tradecraft report --workspace "
                + demoWorkspace + " --out report.html, tradecraft sql --workspace " + demoWorkspace + " \"SELECT …\")");
        out.flush();
        if (serve) {
            out.println();
            Dashboard dashboard;
            try {
                dashboard = DashboardLauncher.start(demoWorkspace, DashboardSettings.DEFAULT_BIND_ADDRESS, port, Token.fromEnvironmentOrGenerate(), out);
            }
            catch (StoreException | RuntimeException e) {
                err.println("tradecraft demo: cannot serve the dashboard: " + TerminalText.safe(String.valueOf(e.getMessage())));
                return ExitCodes.INVALID_INPUT;
            }
            DashboardLauncher.serveUntilStopped(dashboard);
        }
        return ExitCodes.OK;
    }
}
