package dev.tradecraft.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The schema's history: {@code migrations/V<n>__<name>.sql} beside this class, applied in order,
 * each in its own transaction together with its row in {@code schema_version}. A workspace written
 * by an older release is brought up to date when a writing command opens it; one written by a newer
 * release is refused rather than misread.
 */
final class Migrations
{
    /** In order; a release only ever appends. */
    private static final List<String> SCRIPTS = List.of("V1__workspace.sql");

    private Migrations() {}

    static int latestVersion()
    {
        return SCRIPTS.size();
    }

    static int currentVersion(Connection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = 'main'")) {
            tables.next();
            if (tables.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            version.next();
            return version.getInt(1);
        }
    }

    static void migrate(Connection connection) throws SQLException, StoreException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    + "applied TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)");
        }
        int current = currentVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new StoreException("the workspace has schema version " + current + ", newer than this release's " + SCRIPTS.size()
                    + "; use a newer tradecraft");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String name = SCRIPTS.get(version - 1);
            String sql = script(name);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version (version, name) VALUES (?, ?)")) {
                for (String part : statements(sql)) {
                    statement.execute(part);
                }
                record.setInt(1, version);
                record.setString(2, name);
                record.executeUpdate();
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String script(String name) throws StoreException
    {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new StoreException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new StoreException("cannot read migration " + name, e);
        }
    }

    /** The script's statements: comments dropped, split on the semicolons that end lines. */
    static List<String> statements(String sql)
    {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            cleaned.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }
}
