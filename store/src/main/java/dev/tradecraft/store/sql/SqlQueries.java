package dev.tradecraft.store.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * Ad-hoc SQL over the workspace and table exports. Queries run on whatever connection the
 * workspace was opened with; the CLI opens it read-only, so a query cannot change what commands
 * wrote. Table names for export come from a fixed list, never from text pasted into SQL.
 */
public final class SqlQueries
{
    private final Workspace workspace;

    public SqlQueries(Workspace workspace)
    {
        this.workspace = requireNonNull(workspace, "workspace is null");
    }

    /** Runs {@code sql} and streams its rows into {@code sink}; returns how many rows. */
    public long query(String sql, RowSink sink) throws StoreException, IOException
    {
        requireNonNull(sql, "sql is null");
        try {
            return workspace.read("run the query", connection -> {
                try (Statement statement = connection.createStatement()) {
                    boolean rows = statement.execute(sql);
                    if (!rows) {
                        sink.columns(List.of("changed"));
                        sink.row(List.of(Long.toString(Math.max(0, statement.getUpdateCount()))));
                        sink.end();
                        return 0L;
                    }
                    try (ResultSet result = statement.getResultSet()) {
                        return stream(result, sink);
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Streams a whole workspace table, in its key order, into {@code sink}. */
    public long export(String table, RowSink sink) throws StoreException, IOException
    {
        return query("SELECT * FROM " + checkedTable(table) + " ORDER BY ALL", sink);
    }

    /** Writes a whole workspace table as a Parquet file (DuckDB's own writer, zstd-compressed). */
    public void exportParquet(String table, Path file) throws StoreException
    {
        String name = checkedTable(table);
        String path = file.toAbsolutePath().toString().replace("'", "''");
        workspace.read("export " + name + " as Parquet", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT * FROM " + name + " ORDER BY ALL) TO '" + path + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return null;
        });
    }

    private static String checkedTable(String table)
    {
        String name = requireNonNull(table, "table is null").toLowerCase(Locale.ROOT);
        if (!WorkspaceQueries.TABLES.contains(name)) {
            throw new IllegalArgumentException("no table '" + table + "'; the workspace has: " + String.join(", ", WorkspaceQueries.TABLES));
        }
        return name;
    }

    private static long stream(ResultSet result, RowSink sink) throws SQLException, IOException
    {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            names.add(meta.getColumnLabel(i));
        }
        sink.columns(names);
        long rows = 0;
        List<String> values = new ArrayList<>(columns);
        while (result.next()) {
            values.clear();
            for (int i = 1; i <= columns; i++) {
                values.add(text(result, i));
            }
            sink.row(values);
            rows++;
        }
        sink.end();
        return rows;
    }

    private static String text(ResultSet result, int column) throws SQLException
    {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Array array) {
            return Arrays.toString((Object[]) array.getArray());
        }
        return value.toString();
    }
}
