package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.sql.CsvRows;
import dev.tradecraft.store.sql.JsonRows;
import dev.tradecraft.store.sql.RowSink;
import dev.tradecraft.store.sql.SqlQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", sortOptions = false,
        description = {
                "Run an ad-hoc SQL query (DuckDB dialect) over the workspace, read-only.",
                "Tables: runs, files, hits, organisations, sightings, sighting_observables, campaigns, campaign_intrusions,",
                "exposures, exposure_verdicts, exposure_matches (docs/workspace.md describes every column)."})
final class SqlCommand implements Callable<Integer>
{
    enum Format { table, csv, json }

    /** Widest a column may be on a terminal; longer values are cut with an ellipsis. */
    private static final int COLUMN_WIDTH = 60;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT status, count(*) FROM organisations GROUP BY ALL\".")
    private String sql;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: ./tradecraft-data).")
    private Path workspace = Workspace.DEFAULT_FOLDER;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json (an array of objects).")
    private Format format = Format.table;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace store = Workspace.openReadOnly(workspace)) {
            SqlQueries queries = new SqlQueries(store);
            switch (format) {
                case csv -> queries.query(sql, new CsvRows(out));
                case json -> queries.query(sql, new JsonRows(out, false));
                case table -> {
                    TableRows table = new TableRows();
                    long rows = queries.query(sql, table);
                    TextTable.print(table.rows, table.widths(), out);
                    out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        catch (StoreException e) {
            err.println("tradecraft sql: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** Rows gathered for a terminal table; values are made safe for the terminal (they may be attacker text). */
    private static final class TableRows implements RowSink
    {
        private final List<String[]> rows = new ArrayList<>();

        @Override
        public void columns(List<String> names)
        {
            rows.add(names.stream().map(TerminalText::safe).toArray(String[]::new));
        }

        @Override
        public void row(List<String> values)
        {
            rows.add(values.stream().map(value -> value == null ? "NULL" : TerminalText.safe(value)).toArray(String[]::new));
        }

        @Override
        public void end()
        {
        }

        int[] widths()
        {
            int[] widths = new int[rows.isEmpty() ? 0 : rows.get(0).length];
            Arrays.fill(widths, COLUMN_WIDTH);
            return widths;
        }
    }
}
