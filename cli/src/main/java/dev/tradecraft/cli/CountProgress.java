package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** A one-line count-and-rate progress display on a terminal, for work measured in items. */
final class CountProgress implements AutoCloseable
{
    private final String verb;
    private final String noun;
    private final AtomicLong count;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private final AtomicLong bytesDone;
    private final long bytesTotal;

    private CountProgress(String verb, String noun, AtomicLong count, AtomicLong bytesDone, long bytesTotal, PrintWriter err, boolean enabled)
    {
        this.bytesDone = bytesDone;
        this.bytesTotal = bytesTotal;
        this.verb = verb;
        this.noun = noun;
        this.count = count;
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

    static CountProgress start(String verb, String noun, AtomicLong count, PrintWriter err, boolean enabled)
    {
        return new CountProgress(verb, noun, count, new AtomicLong(), 0, err, enabled);
    }

    /** With an ETA from the share of {@code bytesTotal} input bytes done so far. */
    static CountProgress start(String verb, String noun, AtomicLong count, AtomicLong bytesDone, long bytesTotal, PrintWriter err,
            boolean enabled)
    {
        return new CountProgress(verb, noun, count, bytesDone, bytesTotal, err, enabled);
    }

    private void run()
    {
        while (running) {
            draw();
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw()
    {
        double seconds = (System.nanoTime() - started) / 1e9;
        long done = count.get();
        String eta = "";
        long bytes = bytesDone.get();
        if (bytes > 0 && bytesTotal > bytes) {
            eta = String.format(Locale.ROOT, " · ETA %.0fs", seconds * (bytesTotal - bytes) / bytes);
        }
        err.print(String.format(Locale.ROOT, "\r%s: %s %s · %s %s/s%s\u001b[K", verb, ProgressLine.compact(done), noun,
                ProgressLine.compact((long) (seconds > 0 ? done / seconds : 0)), noun, eta));
        err.flush();
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
        err.print("\r\u001b[K");
        err.flush();
    }
}
