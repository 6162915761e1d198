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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.stix.StixBundleWriter;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.output.HitCsv;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.output.SummaryJson;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "hunt", sortOptions = false,
        description = {
                "Hunt log trees for exploitation and persistence, and judge each organisation.",
                "Each ROOT holds <organisation>/<host>/…files…; roots naming the same organisation merge.",
                "Formats are found by content (IIS W3C logs, Windows events as JSON; .gz read transparently)."})
final class HuntCommand implements Callable<Integer>
{
    enum Format { table, jsonl, csv }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ROOT", description = "Folders (or files) to hunt.")
    private List<Path> roots = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", description = "Sigma rule file or folder (repeatable). Default: the built-in ToolShell content.")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--iocs", paramLabel = "FILE", description = "IOC feed in Tradecraft CSV (repeatable, see docs/iocs.md). Default: the built-in ToolShell feed.")
    private List<Path> iocs = new ArrayList<>();

    @Mixin
    private SigmaSiteOptions site = new SigmaSiteOptions();

    @Option(names = "--org", paramLabel = "NAME", description = "Treat every root as this one organisation; its first folder level names the host.")
    private String organisation;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the hits to FILE (format from --format, or from the extension .csv/.jsonl when --format is table).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default: organisations on stdout), jsonl or csv (hits on stdout, or in --out).")
    private Format format = Format.table;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write the per-organisation verdicts and hunt totals as JSON.")
    private Path summaryJson;

    @Option(names = "--stix", paramLabel = "FILE", description = "Write the campaigns as a STIX 2.1 bundle.")
    private Path stix;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data): the run, files, hits, "
            + "verdicts and campaigns are kept in its DuckDB database; campaigns are recomputed over every hunt kept there.")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Mixin
    private CampaignOptions campaignOptions = new CampaignOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on stderr.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (threads < 1) {
            stderr.println("tradecraft hunt: --threads must be at least 1, got " + threads);
            return ExitCodes.INVALID_INPUT;
        }
        DetectionContent content;
        try {
            content = DetectionContent.load(rules, iocs, site.mappingFile(), site.placeholderFile());
        }
        catch (SigmaException | IOException e) {
            stderr.println("tradecraft hunt: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (!quiet) {
            HuntReporter.printContentProblems(content, stderr);
        }
        if (content.rulesInUse() == 0 && content.iocs().isEmpty()) {
            stderr.println("tradecraft hunt: no rule and no indicator could be loaded, nothing to hunt with");
            return ExitCodes.NOTHING_DONE;
        }
        List<LogFile> files;
        try {
            files = LogTree.discover(roots, Optional.ofNullable(organisation));
        }
        catch (IOException e) {
            stderr.println("tradecraft hunt: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Instant started = Instant.now();
        HuntResult result = TerminalHunt.run(content, files, threads, quiet, stderr);

        Format hitsFormat = format;
        if (format == Format.table && out != null) {
            hitsFormat = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.csv : Format.jsonl;
        }
        if (out != null) {
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                writeHits(result, hitsFormat, writer);
            }
        }
        else if (format != Format.table) {
            writeHits(result, format, stdout);
        }
        if (summaryJson != null) {
            try (Writer writer = Files.newBufferedWriter(summaryJson, StandardCharsets.UTF_8)) {
                SummaryJson.write(result, content.rulesInUse(), content.ruleProblems().size(), content.iocs().indicators().size(), writer);
            }
        }
        WorkspaceRecorder.Recorded recorded = null;
        CampaignAnalysis campaigns;
        try (Workspace store = Workspace.open(workspace)) {
            recorded = WorkspaceRecorder.keepHunt(store, result, configuration(content), started, campaignOptions.analyzer(stderr));
            campaigns = recorded.campaigns();
        }
        catch (StoreException e) {
            // The hunt's own results are still worth having: shown (and written) from this hunt alone.
            stderr.println("tradecraft hunt: the results are not kept in the workspace: " + TerminalText.safe(e.getMessage()));
            campaigns = campaignOptions.analyzer(stderr).analyze(result.hits());
        }
        if (stix != null) {
            try (Writer writer = Files.newBufferedWriter(stix, StandardCharsets.UTF_8)) {
                StixBundleWriter.write(campaigns.campaigns(), Instant.now(), writer);
            }
        }
        PrintWriter tables = format == Format.table ? stdout : (quiet ? null : stderr);
        if (tables != null) {
            OrganisationTable.print(result.organisations(), tables);
            tables.println();
            CampaignTable.print(campaigns, tables, format == Format.table);
        }
        if (!quiet) {
            HuntReporter.printSummary(result, content, stderr);
            if (recorded != null) {
                HuntReporter.printWorkspace(recorded, workspace, stderr);
            }
        }
        return result.filesRead() == 0 ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }

    /** What besides the input decides a hunt's result: which rules and indicators it used. */
    static String configuration(DetectionContent content)
    {
        return "rules " + content.rulesInUse() + " " + String.join(",", content.ruleSources()) + "; indicators " + content.iocs().indicators().size();
    }

    private static void writeHits(HuntResult result, Format format, Writer writer) throws IOException
    {
        switch (format) {
            case csv -> HitCsv.write(result.hits(), writer);
            case jsonl, table -> HitJson.writeLines(result.hits(), writer);
        }
        writer.flush();
    }
}
