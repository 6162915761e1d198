package dev.tradecraft.store.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Conversions and statements the writers share. */
final class Rows
{
    private static final JsonFactory JSON = new JsonFactory();

    private Rows() {}

    static OffsetDateTime utc(Instant instant)
    {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static void setTime(PreparedStatement statement, int index, Optional<Instant> time) throws SQLException
    {
        if (time.isPresent()) {
            statement.setObject(index, utc(time.get()));
        }
        else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException
    {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        }
        else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static void setList(Connection connection, PreparedStatement statement, int index, List<String> values) throws SQLException
    {
        statement.setArray(index, connection.createArrayOf("VARCHAR", values.toArray()));
    }

    static String jsonObject(Map<String, String> fields)
    {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).toList()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static long count(Connection connection, String table) throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Inserts or refreshes the run row: a run seen before keeps its first start and counts one
     * more time run.
     */
    static boolean upsertRun(Connection connection, String runId, RunRecord run, long files) throws SQLException
    {
        boolean known;
        try (PreparedStatement find = connection.prepareStatement("SELECT count(*) FROM runs WHERE run_id = ?")) {
            find.setString(1, runId);
            try (ResultSet rows = find.executeQuery()) {
                rows.next();
                known = rows.getLong(1) > 0;
            }
        }
        if (known) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE runs SET last_finished = ?, times_run = times_run + 1, events = ?, results = ? WHERE run_id = ?")) {
                update.setObject(1, utc(run.finished()));
                update.setLong(2, run.events());
                update.setLong(3, run.results());
                update.setString(4, runId);
                update.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO runs (run_id, command, configuration, first_started, last_finished, times_run, files, events, results) "
                        + "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, run.command());
            insert.setString(3, run.configuration());
            insert.setObject(4, utc(run.started()));
            insert.setObject(5, utc(run.finished()));
            insert.setLong(6, files);
            insert.setLong(7, run.events());
            insert.setLong(8, run.results());
            insert.executeUpdate();
        }
        return true;
    }

    /** Adds the files not yet known by name and content; returns how many were new. */
    static long insertFiles(Connection connection, String runId, List<FileRecord> files) throws SQLException
    {
        return RowAppender.appendNew(connection, "files", files, (row, file) -> row.text(file.name())
                .text(file.sha256())
                .number(file.bytes())
                .text(file.kind().label())
                .text(file.organisation())
                .text(file.host())
                .text(file.format())
                .number(file.events())
                .number(file.skippedUnits())
                .text(file.skipReason())
                .text(runId));
    }

    static String runId(RunRecord run, List<FileRecord> files)
    {
        List<String> parts = new ArrayList<>();
        parts.add("run");
        parts.add(run.command());
        parts.add(run.configuration());
        files.stream().map(file -> file.name() + "\u0001" + file.sha256()).sorted().forEach(parts::add);
        return RowIds.of(parts.toArray(String[]::new));
    }
}
