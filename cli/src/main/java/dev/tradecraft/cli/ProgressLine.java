package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.tradecraft.hunt.HuntCounters;

/**
 * A one-line progress display on a terminal (files, events, events/s, ETA), redrawn in place a few
 * times a second by a daemon thread. Shown only when asked for (a terminal and no --quiet); off,
 * it does nothing at all.
 */
final class ProgressLine implements AutoCloseable
{
    private static final long INTERVAL_MILLIS = 250;

    private final HuntCounters counters;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private ProgressLine(HuntCounters counters, PrintWriter err, boolean enabled)
    {
        this.counters = counters;
        this.err = err;
        if (enabled) {
            thread = new Thread(this::run, "tradecraft-progress");
            thread.setDaemon(true);
            thread.start();
        }
        else {
            thread = null;
        }
    }

    static ProgressLine start(HuntCounters counters, PrintWriter err, boolean enabled)
    {
        return new ProgressLine(counters, err, enabled);
    }

    /** Whether progress belongs on this process's terminal. */
    static boolean wanted(boolean quiet)
    {
        return !quiet && System.console() != null;
    }

    private void run()
    {
        while (running) {
            draw();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw()
    {
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = counters.events();
        double rate = seconds > 0 ? events / seconds : 0;
        String eta = "";
        long bytesDone = counters.bytesDone();
        long bytesTotal = counters.bytesTotal();
        if (bytesDone > 0 && bytesTotal > bytesDone) {
            double remaining = seconds * (bytesTotal - bytesDone) / bytesDone;
            eta = String.format(Locale.ROOT, " · ETA %.0fs", remaining);
        }
        err.print(String.format(Locale.ROOT, "\rhunting: %d/%d files · %s events · %s events/s · %d hits%s\u001b[K",
                counters.filesDone(), counters.filesTotal(), compact(events), compact((long) rate), counters.hits(), eta));
        err.flush();
    }

    static String compact(long value)
    {
        if (value >= 10_000_000) {
            return String.format(Locale.ROOT, "%.0fM", value / 1e6);
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        return Long.toString(value);
    }

    @Override
    public void close()
    {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        err.print("\r\u001b[K");
        err.flush();
    }
}
