package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import dev.tradecraft.core.Exposure;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.exposure.ExposureAnalyzer;
import dev.tradecraft.exposure.ExposureJson;
import dev.tradecraft.exposure.ExposureRun;
import dev.tradecraft.exposure.scan.ScanProblem;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "exposure", sortOptions = false,
        description = {
                "Count exposed, vulnerable, not vulnerable and ambiguous servers in scan data, with the reason for each.",
                "Reads Shodan banners, Censys hosts, nmap XML, ZGrab2 and masscan output (found by content; .gz read transparently)."})
final class ExposureCommand implements Callable<Integer>
{
    enum Format { table, json }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scan files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--cve", paramLabel = "ID", description = "CVE to judge (repeatable; the first is counted). Default: CVE-2025-53770.")
    private List<String> cves = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    private Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path out;

    @Option(names = "--no-services", description = "Leave out the list of SharePoint services with their verdicts and reasons (json): counts only.")
    private boolean noServices;

    @Option(names = "--all-services", description = "List every service read, not only SharePoint (json).")
    private boolean allServices;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data): the SharePoint services "
            + "and their verdicts are kept there, and cross-referenced with the organisations its hunts judged.")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: all cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress and no problem lines on stderr.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                stderr.println("tradecraft exposure: no such file: " + file);
                return ExitCodes.INVALID_INPUT;
            }
        }
        ExposureAnalyzer analyzer;
        try {
            analyzer = ExposureAnalyzer.builder().cves(cves.isEmpty() ? List.of(ExposureAnalyzer.DEFAULT_CVE) : cves).build();
        }
        catch (IllegalArgumentException e) {
            stderr.println("tradecraft exposure: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        // The workspace is opened briefly, before and after reading the scans, not held during a long
        // read: a dashboard or a hunt in another terminal can use it meanwhile.
        CrossReference crossReference;
        try (Workspace store = Workspace.open(workspace)) {
            crossReference = WorkspaceRecorder.crossReference(store);
        }
        catch (StoreException e) {
            stderr.println("tradecraft exposure: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        return analyse(crossReference, analyzer, stdout, stderr);
    }

    private int analyse(CrossReference crossReference, ExposureAnalyzer analyzer, PrintWriter stdout, PrintWriter stderr)
            throws IOException
    {
        boolean listServices = format == Format.json && (!noServices || allServices);
        // SharePoint services are kept in the workspace; other services only when listed.
        Predicate<Exposure> keep = allServices && listServices ? exposure -> true : ExposureRun.SHAREPOINT;
        Instant started = Instant.now();
        AtomicLong banners = new AtomicLong();
        ExposureRun.Result result;
        try (CountProgress progress = CountProgress.start("reading", "services", banners, stderr, ProgressLine.wanted(quiet))) {
            result = ExposureRun.run(files, analyzer, Math.max(1, threads), keep, banners);
        }
        List<CrossReference.Match> matches = crossReference.matchAll(result.exposures());
        String cve = analyzer.cves().get(0);
        try (Workspace store = Workspace.open(workspace)) {
            List<Exposure> sharePoint = result.exposures().stream().filter(ExposureRun.SHAREPOINT).toList();
            WorkspaceRecorder.keepExposure(store, files, sharePoint, result.summary().records(), cve, started);
        }
        catch (StoreException e) {
            stderr.println("tradecraft exposure: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (!quiet) {
            result.skippedFiles().forEach(skipped -> stderr.println("skipped " + TerminalText.safe(skipped)));
            if (!result.problems().isEmpty()) {
                stderr.println("problems: " + result.problems());
                for (ScanProblem problem : result.problemExamples()) {
                    stderr.println("  e.g. " + TerminalText.safe(problem.toString()));
                }
            }
        }
        Writer writer = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8) : stdout;
        try {
            if (format == Format.json) {
                ExposureJson.write(result, analyzer, matches, listServices, writer);
            }
            else {
                ExposureTable.print(result, matches, writer instanceof PrintWriter print ? print : new PrintWriter(writer));
            }
            writer.flush();
        }
        finally {
            if (out != null) {
                writer.close();
            }
        }
        return result.summary().records() == 0 && !result.skippedFiles().isEmpty() ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }
}
