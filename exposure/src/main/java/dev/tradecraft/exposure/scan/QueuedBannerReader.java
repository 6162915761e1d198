package dev.tradecraft.exposure.scan;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every scan reader shares: records become zero or more banners (Censys hosts and nmap hosts
 * hold many services), which wait in a queue until {@link #advance()} hands them out; damage to a
 * gzip stream is reported once, when the end is reached.
 */
abstract class QueuedBannerReader implements BannerReader
{
    protected final ScanInput input;
    protected final ProblemReporter problems;
    protected final List<Banner> pending = new ArrayList<>();
    private final ScanFormat format;
    private int next;
    private Banner current;
    private boolean ended;

    QueuedBannerReader(ScanInput input, ScanFormat format, ProblemReporter problems)
    {
        this.input = requireNonNull(input, "input is null");
        this.format = requireNonNull(format, "format is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** Reads on until banners are pending or the input ends; returns false at the end. */
    protected abstract boolean fill() throws IOException;

    /** The line reading had reached, where gzip damage is reported. */
    protected abstract long lastLine();

    @Override
    public final boolean advance() throws IOException
    {
        while (next == pending.size()) {
            pending.clear();
            next = 0;
            if (ended || !fill()) {
                if (!ended) {
                    ended = true;
                    Optional<ScanProblem> damage = input.damage(problems.at(lastLine()));
                    if (damage.isPresent()) {
                        problems.report(damage.get());
                    }
                }
                current = null;
                return false;
            }
        }
        current = pending.get(next++);
        return true;
    }

    /** Drops banners queued after {@code size}: those of a record that turned out broken. */
    protected final void truncatePending(int size)
    {
        while (pending.size() > size) {
            pending.remove(pending.size() - 1);
        }
    }

    @Override
    public final Banner current()
    {
        checkState(current != null, "no current banner: call advance() first, and only while it returns true");
        return current;
    }

    @Override
    public final ScanFormat format()
    {
        return format;
    }

    @Override
    public final long skipped()
    {
        return problems.skipped();
    }

    @Override
    public void close() throws IOException
    {
        input.close();
    }
}
