package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.exposure.ExposureAnalyzer;
import dev.tradecraft.exposure.ExposureJson;
import dev.tradecraft.exposure.ExposureRun;
import dev.tradecraft.exposure.probe.ProbeException;
import dev.tradecraft.exposure.probe.ProbeFailure;
import dev.tradecraft.exposure.probe.ProbeListener;
import dev.tradecraft.exposure.probe.ProbeOptions;
import dev.tradecraft.exposure.probe.ProbeResult;
import dev.tradecraft.exposure.probe.ProbeScope;
import dev.tradecraft.exposure.probe.Prober;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "probe", sortOptions = false,
        description = {
                "Actively check an AUTHORISED scope: HEAD / and, when needed, GET a SharePoint page on each target;",
                "the same identification and verdicts as 'tradecraft exposure'. Never sends an exploit, never POSTs.",
                "The scope file must name who authorised the scan (see docs/exposure.md)."})
final class ProbeCommand implements Callable<Integer>
{
    enum Format { table, json }

    @Spec
    private CommandSpec spec;

    @Option(names = "--scope", required = true, paramLabel = "FILE", description = "The authorised scope: 'authorised-by: …', then one target per line.")
    private Path scope;

    @Option(names = "--cve", paramLabel = "ID", description = "CVE to judge (repeatable). Default: CVE-2025-53770.")
    private List<String> cves = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (1-64, default 8).")
    private int concurrency = 8;

    @Option(names = "--rate", paramLabel = "R", description = "Requests per second across all workers (default 10).")
    private double rate = 10;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Connect and whole-answer deadline per request (default 10).")
    private int timeout = 10;

    @Option(names = "--insecure", description = "Accept any TLS certificate (lab use only).")
    private boolean insecure;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    private Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path out;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data): the SharePoint services "
            + "reached are kept there with their verdicts, like 'tradecraft exposure' keeps them.")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no per-target failure lines.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ProbeScope targets;
        ExposureAnalyzer analyzer;
        ProbeOptions options;
        try {
            targets = ProbeScope.read(scope);
            analyzer = ExposureAnalyzer.builder().cves(cves.isEmpty() ? List.of(ExposureAnalyzer.DEFAULT_CVE) : cves).build();
            options = ProbeOptions.builder().concurrency(concurrency).requestsPerSecond(rate)
                    .connectTimeout(Duration.ofSeconds(timeout)).readTimeout(Duration.ofSeconds(timeout))
                    .trustAllCertificates(insecure).build();
        }
        catch (ProbeException | IllegalArgumentException e) {
            stderr.println("tradecraft probe: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        targets.problems().forEach(problem -> stderr.println("scope: " + TerminalText.safe(problem.toString())));
        stderr.println("Probing " + targets.targets().size() + " target(s) authorised by: " + TerminalText.safe(targets.authorisation()));
        stderr.flush();
        Instant started = Instant.now();
        AtomicLong done = new AtomicLong();
        ProbeResult result;
        try (CountProgress progress = CountProgress.start("probing", "targets", done, stderr, ProgressLine.wanted(quiet))) {
            result = new Prober(options).probe(targets, new ProbeListener()
            {
                @Override
                public void reached(Banner banner)
                {
                    done.incrementAndGet();
                }

                @Override
                public void failed(ProbeFailure failure)
                {
                    done.incrementAndGet();
                }
            });
        }
        if (!quiet) {
            for (ProbeFailure failure : result.failures()) {
                stderr.println("not reached " + failure.target() + ": " + failure.kind() + " " + TerminalText.safe(failure.reason()));
            }
        }
        ExposureRun.Result exposures = ExposureRun.analyze(result.banners(), analyzer, exposure -> true);
        try (Workspace store = Workspace.open(workspace)) {
            // The scope file is the probe's input: probing the same scope again is the same run.
            WorkspaceRecorder.keepExposure(store, List.of(scope), exposures.exposures().stream().filter(ExposureRun.SHAREPOINT).toList(),
                    exposures.summary().records(), analyzer.cves().get(0), started);
        }
        catch (StoreException e) {
            stderr.println("tradecraft probe: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        List<CrossReference.Match> matches = List.of();
        Writer writer = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8) : stdout;
        try {
            if (format == Format.json) {
                ExposureJson.write(exposures, analyzer, matches, true, writer);
            }
            else {
                ExposureTable.print(exposures, matches, writer instanceof PrintWriter print ? print : new PrintWriter(writer));
            }
            writer.flush();
        }
        finally {
            if (out != null) {
                writer.close();
            }
        }
        stderr.println(String.format(java.util.Locale.ROOT, "%d reached, %d not reached, %d requests in %.1f s",
                result.banners().size(), result.failures().size(), result.requestsSent(), result.elapsed().toMillis() / 1000.0));
        return result.banners().isEmpty() ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }
}
