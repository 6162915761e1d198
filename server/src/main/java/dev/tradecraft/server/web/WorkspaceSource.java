package dev.tradecraft.server.web;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * How the dashboard reaches the workspace for one request. {@link #perRequest} opens the database
 * read-only for each request and closes it after, so that hunts and exposure runs in another
 * terminal can write between requests (DuckDB lets one process write a file or several read it,
 * not both); {@link #shared} keeps one open workspace, for tests and embedding.
 */
public abstract class WorkspaceSource
{
    /** One read of the workspace. */
    @FunctionalInterface
    public interface Read<T>
    {
        T run(WorkspaceQueries queries) throws StoreException;
    }

    private WorkspaceSource() {}

    public abstract <T> T read(Read<T> work) throws StoreException;

    /** Opens {@code folder} read-only for each read. */
    public static WorkspaceSource perRequest(Path folder)
    {
        requireNonNull(folder, "folder is null");
        return new WorkspaceSource()
        {
            @Override
            public <T> T read(Read<T> work) throws StoreException
            {
                try (Workspace workspace = Workspace.openReadOnly(folder)) {
                    return work.run(new WorkspaceQueries(workspace));
                }
            }
        };
    }

    /** Reads one open workspace, one request at a time (a DuckDB connection is not shared between threads). */
    public static WorkspaceSource shared(WorkspaceQueries queries)
    {
        requireNonNull(queries, "queries is null");
        ReentrantLock lock = new ReentrantLock();
        return new WorkspaceSource()
        {
            @Override
            public <T> T read(Read<T> work) throws StoreException
            {
                lock.lock();
                try {
                    return work.run(queries);
                }
                finally {
                    lock.unlock();
                }
            }
        };
    }
}
