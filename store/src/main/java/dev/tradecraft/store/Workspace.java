package dev.tradecraft.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The workspace folder and its DuckDB database ({@code tradecraft.duckdb}): opened once per command,
 * migrated to the current schema on open, closed at the end. Every write goes through
 * {@link #inTransaction}, so an interrupted command leaves the database as it was before it.
 * DuckDB lets one process write a database file, or several read it; opening waits for a while
 * when another process holds it (see {@link #LOCK_WAIT}).
 */
public final class Workspace implements AutoCloseable
{
    public static final String DATABASE_FILE = "tradecraft.duckdb";
    public static final Path DEFAULT_FOLDER = Path.of("tradecraft-data");
    /** How long to wait for another process to let go of the database. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(20);
    private static final long LOCK_RETRY_MILLIS = 50;

    /** Work done on the connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T>
    {
        T run(Connection connection) throws SQLException;
    }

    /** Several writes that must be kept together or not at all. */
    @FunctionalInterface
    public interface Steps<T>
    {
        T run() throws StoreException;
    }

    private final Path folder;
    private final Connection connection;
    private final boolean readOnly;
    /** Open transactions: writes inside {@link #atomically} join its transaction instead of committing their own. */
    private int depth;

    private Workspace(Path folder, Connection connection, boolean readOnly)
    {
        this.folder = folder;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (creating folder and database if needed) for reading and writing, migrating the schema. */
    public static Workspace open(Path folder) throws StoreException
    {
        requireNonNull(folder, "folder is null");
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new StoreException("cannot create workspace folder " + folder, e);
        }
        Workspace workspace = connect(folder, false);
        try {
            Migrations.migrate(workspace.connection);
        }
        catch (SQLException | StoreException e) {
            workspace.close();
            throw e instanceof StoreException store ? store : new StoreException("cannot migrate " + workspace.database(), e);
        }
        return workspace;
    }

    /**
     * Opens an existing workspace for reading only, so that a dashboard and a report can look at it
     * together. Fails when there is none or its schema is older than this release (run any writing
     * command once to migrate it).
     */
    public static Workspace openReadOnly(Path folder) throws StoreException
    {
        requireNonNull(folder, "folder is null");
        if (!Files.isRegularFile(folder.resolve(DATABASE_FILE))) {
            throw new StoreException("no workspace at " + folder + " (no " + DATABASE_FILE + "); run 'tradecraft hunt' or 'tradecraft demo' first");
        }
        Workspace workspace = connect(folder, true);
        try {
            int version = Migrations.currentVersion(workspace.connection);
            if (version != Migrations.latestVersion()) {
                throw new StoreException(workspace.database() + " has schema version " + version + ", this release reads version "
                        + Migrations.latestVersion() + "; run a writing command (hunt, exposure) once to migrate it");
            }
        }
        catch (SQLException e) {
            workspace.close();
            throw new StoreException("cannot read " + workspace.database(), e);
        }
        catch (StoreException e) {
            workspace.close();
            throw e;
        }
        return workspace;
    }

    private static Workspace connect(Path folder, boolean readOnly) throws StoreException
    {
        Path database = folder.resolve(DATABASE_FILE);
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        // Extensions are built in (parquet, json); nothing may be fetched from the network.
        properties.setProperty("autoinstall_known_extensions", "false");
        // DuckDB lets one process write a database or several read it, not both; a dashboard opens
        // it for each request only, so a command that finds it locked waits for that to end.
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), properties);
                return new Workspace(folder, connection, readOnly);
            }
            catch (SQLException e) {
                boolean locked = e.getMessage() != null && e.getMessage().contains("Could not set lock");
                if (!locked) {
                    throw new StoreException("cannot open " + database, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new StoreException("cannot open " + database + ": another process (a running tradecraft command) "
                            + (readOnly ? "is writing it" : "has it open") + "; waited " + LOCK_WAIT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(LOCK_RETRY_MILLIS);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting to open " + database);
                }
            }
        }
    }

    public Path folder()
    {
        return folder;
    }

    public Path database()
    {
        return folder.resolve(DATABASE_FILE);
    }

    public boolean isReadOnly()
    {
        return readOnly;
    }

    /** The connection, for readers in this module; writers use {@link #inTransaction}. */
    Connection connection()
    {
        return connection;
    }

    /**
     * Runs {@code work} in one transaction: all of it is kept, or none of it. Inside
     * {@link #atomically} it joins the enclosing transaction.
     */
    public <T> T inTransaction(String what, Work<T> work) throws StoreException
    {
        if (readOnly) {
            throw new StoreException("cannot " + what + ": " + database() + " is open read-only");
        }
        if (depth > 0) {
            try {
                return work.run(connection);
            }
            catch (SQLException e) {
                throw new StoreException("cannot " + what + " in " + database(), e);
            }
        }
        return atomically(what, () -> {
            try {
                return work.run(connection);
            }
            catch (SQLException e) {
                throw new StoreException("cannot " + what + " in " + database(), e);
            }
        });
    }

    /**
     * Runs several writes (and the reads between them, which see the writes) as one transaction, so
     * that a command's results and everything recomputed from them are kept together or not at all.
     */
    public <T> T atomically(String what, Steps<T> steps) throws StoreException
    {
        if (readOnly) {
            throw new StoreException("cannot " + what + ": " + database() + " is open read-only");
        }
        if (depth > 0) {
            return steps.run();
        }
        try {
            connection.setAutoCommit(false);
        }
        catch (SQLException e) {
            throw new StoreException("cannot start to " + what + " in " + database(), e);
        }
        depth++;
        boolean committed = false;
        try {
            T result = steps.run();
            connection.commit();
            committed = true;
            return result;
        }
        catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + database(), e);
        }
        finally {
            depth--;
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
            catch (SQLException e) {
                // The connection is unusable; the database file still holds the last commit.
            }
        }
    }

    /** Reads with {@code work} outside any write transaction. */
    public <T> T read(String what, Work<T> work) throws StoreException
    {
        try {
            return work.run(connection);
        }
        catch (SQLException e) {
            throw new StoreException("cannot " + what + " from " + database(), e);
        }
    }

    public int schemaVersion() throws StoreException
    {
        return read("read the schema version", Migrations::currentVersion);
    }

    @Override
    public void close()
    {
        try (Statement checkpoint = readOnly ? null : connection.createStatement()) {
            if (checkpoint != null) {
                checkpoint.execute("CHECKPOINT");
            }
        }
        catch (SQLException e) {
            // Closing still flushes the write-ahead log; a failed checkpoint only delays that.
        }
        try {
            connection.close();
        }
        catch (SQLException e) {
            // Nothing is left to save: every write was committed or rolled back already.
        }
    }
}
