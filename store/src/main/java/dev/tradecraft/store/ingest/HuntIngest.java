package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import dev.tradecraft.core.Hit;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;

/**
 * Keeps a hunt: its run, the files it read and the hits it found, in one transaction. A hit already
 * in the workspace (same rule, same position of the same file of the same host) is not added
 * again, so a second hunt over the same or overlapping input only adds what is new.
 */
public final class HuntIngest
{
    private HuntIngest() {}

    public static IngestResult record(Workspace workspace, RunRecord run, List<FileRecord> files, List<StoredHit> hits) throws StoreException
    {
        String runId = Rows.runId(run, files);
        return workspace.inTransaction("keep the hunt", connection -> {
            boolean newRun = Rows.upsertRun(connection, runId, run, files.size());
            long newFiles = Rows.insertFiles(connection, runId, files);
            long newHits = insertHits(connection, runId, hits);
            return new IngestResult(runId, newRun, newFiles, newHits);
        });
    }

    private static long insertHits(Connection connection, String runId, List<StoredHit> hits) throws SQLException
    {
        long before = Rows.count(connection, "hits");
        try (Statement statement = connection.createStatement()) {
            // Bulk rows go through DuckDB's appender into a staging table (row-by-row INSERTs are
            // two orders of magnitude slower), then into hits skipping keys already there.
            statement.execute("CREATE TEMP TABLE incoming_hits AS SELECT * FROM hits LIMIT 0");
        }
        try {
            Set<String> seen = new HashSet<>();
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "incoming_hits")) {
                for (StoredHit stored : hits) {
                    String id = stored.id();
                    if (!seen.add(id)) {
                        continue;
                    }
                    Hit hit = stored.hit();
                    appender.beginRow()
                            .append(id)
                            .append(runId)
                            .append(hit.rule().id())
                            .append(hit.rule().kind().name().toLowerCase(Locale.ROOT))
                            .append(hit.rule().title())
                            .append(hit.rule().level().name().toLowerCase(Locale.ROOT))
                            .append(hit.origin().organisation())
                            .append(hit.origin().host())
                            .append(hit.position().file())
                            .append(positionText(hit))
                            ;
                    if (hit.time().isPresent()) {
                        appender.append(Rows.utc(hit.time().get()));
                    }
                    else {
                        appender.appendNull();
                    }
                    appender.append(Rows.jsonObject(hit.matchedFields()))
                            .append(stored.json())
                            .endRow();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO hits SELECT * FROM incoming_hits ON CONFLICT DO NOTHING");
            }
        }
        finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS incoming_hits");
            }
        }
        return Rows.count(connection, "hits") - before;
    }

    /** "line 12", "record 4711", "offset 0": the position without its file. */
    static String positionText(Hit hit)
    {
        return hit.position().unit().name().toLowerCase(Locale.ROOT) + " " + hit.position().index();
    }
}
