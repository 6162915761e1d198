package dev.tradecraft.store.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        Map<String, StoredHit> byId = new LinkedHashMap<>();
        for (StoredHit hit : hits) {
            byId.putIfAbsent(hit.id(), hit);
        }
        // Hits carry the whole event; only the keys go to the database to learn which are new.
        Set<String> unknown = RowAppender.unknownKeys(connection, "hits", "hit_id", byId.keySet());
        List<StoredHit> fresh = new ArrayList<>(unknown.size());
        byId.forEach((id, hit) -> {
            if (unknown.contains(id)) {
                fresh.add(hit);
            }
        });
        RowAppender.append(connection, "hits", fresh, (row, stored) -> {
            Hit hit = stored.hit();
            row.text(stored.id())
                    .text(runId)
                    .text(hit.rule().id())
                    .text(hit.rule().kind().name().toLowerCase(Locale.ROOT))
                    .text(hit.rule().title())
                    .text(hit.rule().level().name().toLowerCase(Locale.ROOT))
                    .text(hit.origin().organisation())
                    .text(hit.origin().host())
                    .text(hit.position().file())
                    .text(positionText(hit))
                    .time(hit.time())
                    .text(Rows.jsonObject(hit.matchedFields()))
                    .text(Rows.jsonObject(HitContext.of(hit.event())))
                    .text(stored.json());
        });
        return fresh.size();
    }

    /** "line 12", "record 4711", "offset 0": the position without its file. */
    static String positionText(Hit hit)
    {
        return hit.position().unit().name().toLowerCase(Locale.ROOT) + " " + hit.position().index();
    }
}
