package dev.tradecraft.hunt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running hunt, updated by the workers and read by whoever shows progress.
 * Events are added in batches so the workers do not contend on every event.
 */
public final class HuntCounters
{
    private final AtomicLong filesTotal = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    void plan(long files, long bytes)
    {
        filesTotal.set(files);
        bytesTotal.set(bytes);
    }

    void fileDone(long bytes)
    {
        filesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
    }

    /** A part of a file was read; the file is counted done with its last part. */
    void partDone(long bytes)
    {
        bytesDone.addAndGet(bytes);
    }

    void addEvents(long count)
    {
        events.addAndGet(count);
    }

    void addHits(long count)
    {
        hits.addAndGet(count);
    }

    public long filesTotal()
    {
        return filesTotal.get();
    }

    public long bytesTotal()
    {
        return bytesTotal.get();
    }

    public long filesDone()
    {
        return filesDone.get();
    }

    public long bytesDone()
    {
        return bytesDone.get();
    }

    public long events()
    {
        return events.get();
    }

    public long hits()
    {
        return hits.get();
    }
}
