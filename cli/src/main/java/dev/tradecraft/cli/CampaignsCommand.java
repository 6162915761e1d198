package dev.tradecraft.cli;

import java.io.BufferedReader;
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

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.output.CampaignJson;
import dev.tradecraft.campaigns.stix.StixBundleWriter;
import dev.tradecraft.core.Hit;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "campaigns", sortOptions = false,
        description = {
                "Group hits into campaigns across organisations and judge whether each is one actor.",
                "Reads every hit the hunts kept in the workspace (or --hits FILE); the workspace is not changed."})
final class CampaignsCommand implements Callable<Integer>
{
    enum Format { table, json, stix }

    @Spec
    private CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Option(names = "--hits", paramLabel = "FILE", description = "Hits as JSON lines (tradecraft hunt --out FILE.jsonl) instead of the workspace's.")
    private Path hitsFile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json or stix (a STIX 2.1 bundle).")
    private Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path out;

    @Mixin
    private CampaignOptions campaignOptions = new CampaignOptions();

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Hit> hits;
        if (hitsFile == null) {
            try (Workspace store = Workspace.openReadOnly(workspace)) {
                hits = WorkspaceRecorder.hits(store);
            }
            catch (StoreException e) {
                stderr.println("tradecraft campaigns: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        else {
            if (!Files.isRegularFile(hitsFile)) {
                stderr.println("tradecraft campaigns: no such file: " + hitsFile);
                return ExitCodes.INVALID_INPUT;
            }
            hits = readHits(hitsFile, stderr);
        }
        CampaignAnalysis analysis = campaignOptions.analyzer(stderr).analyze(hits);
        if (out != null) {
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                write(analysis, writer, null);
            }
        }
        else {
            write(analysis, stdout, stdout);
        }
        return ExitCodes.OK;
    }

    private static List<Hit> readHits(Path source, PrintWriter stderr) throws IOException
    {
        List<Hit> hits = new ArrayList<>();
        int bad = 0;
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    hits.add(HitJson.read(line));
                }
                catch (IllegalArgumentException e) {
                    bad++;
                    if (bad <= 5) {
                        stderr.println(source + ":" + number + ": " + TerminalText.safe(e.getMessage()));
                    }
                }
            }
        }
        if (bad > 0) {
            stderr.println(bad + " line(s) of " + source + " are not hits and were skipped");
        }
        return hits;
    }

    private void write(CampaignAnalysis analysis, Writer writer, PrintWriter terminal) throws IOException
    {
        switch (format) {
            case json -> CampaignJson.write(analysis, writer);
            case stix -> StixBundleWriter.write(analysis.campaigns(), Instant.now(), writer);
            case table -> CampaignTable.print(analysis, terminal != null ? terminal : new PrintWriter(writer), true);
        }
        writer.flush();
    }
}
