package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;
import dev.tradecraft.store.sql.CsvRows;
import dev.tradecraft.store.sql.JsonRows;
import dev.tradecraft.store.sql.RowSink;
import dev.tradecraft.store.sql.SqlQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", sortOptions = false,
        description = {
                "Export a workspace table as Parquet, CSV or JSON lines.",
                "CSV cells that start with = + - @ are neutralised (prefixed with ') so that spreadsheets do not run them."})
final class ExportCommand implements Callable<Integer>
{
    enum Format { parquet, csv, jsonl }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "runs, files, hits, organisations, sightings, sighting_observables, campaigns, "
            + "campaign_intrusions, exposures, exposure_verdicts or exposure_matches.")
    private String table;

    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet, csv or jsonl (default: from the --out extension, else jsonl).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (required for parquet); default: stdout.")
    private Path out;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!WorkspaceQueries.TABLES.contains(table)) {
            stderr.println("tradecraft export: no table '" + TerminalText.safe(table) + "'; the workspace has: " + String.join(", ", WorkspaceQueries.TABLES));
            return ExitCodes.INVALID_INPUT;
        }
        Format chosen = format != null ? format : fromExtension();
        if (chosen == Format.parquet && out == null) {
            stderr.println("tradecraft export: Parquet is binary; give --out FILE.parquet");
            return ExitCodes.INVALID_INPUT;
        }
        try (Workspace store = Workspace.openReadOnly(workspace)) {
            SqlQueries queries = new SqlQueries(store);
            if (chosen == Format.parquet) {
                queries.exportParquet(table, out);
            }
            else if (out != null) {
                try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    queries.export(table, sink(chosen, writer));
                }
            }
            else {
                queries.export(table, sink(chosen, stdout));
                stdout.flush();
            }
            return ExitCodes.OK;
        }
        catch (StoreException e) {
            stderr.println("tradecraft export: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
    }

    private Format fromExtension()
    {
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return Format.parquet;
        }
        return name.endsWith(".csv") ? Format.csv : Format.jsonl;
    }

    private static RowSink sink(Format format, Writer writer) throws IOException
    {
        return format == Format.csv ? new CsvRows(writer) : new JsonRows(writer, true);
    }
}
