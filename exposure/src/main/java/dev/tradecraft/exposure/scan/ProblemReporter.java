package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.tradecraft.core.SourcePosition;

/**
 * Reports problems of one file and counts what was skipped. Problems met inside a record are held
 * until the record is known to be whole: a record that turns out broken is reported once, as
 * broken, not also for the bad values met on the way.
 */
final class ProblemReporter
{
    private final String displayName;
    private final Consumer<ScanProblem> sink;
    private final List<ScanProblem> held = new ArrayList<>();
    private long skipped;
    private long heldSkips;
    private boolean holding;

    ProblemReporter(String displayName, Consumer<ScanProblem> sink)
    {
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    String displayName()
    {
        return displayName;
    }

    SourcePosition at(long line)
    {
        return SourcePosition.line(displayName, line);
    }

    /** A problem that loses nothing but the value it names. */
    void report(long line, String kind, String message)
    {
        emit(new ScanProblem(at(line), kind, message), false);
    }

    /** A problem that costs a record or a service; counted in {@link #skipped()}. */
    void skip(long line, String kind, String message)
    {
        emit(new ScanProblem(at(line), kind, message), true);
    }

    /** Counts a record lost to a problem reported some other way (the gzip damage that cut it). */
    void countSkipped()
    {
        skipped++;
    }

    void report(ScanProblem problem)
    {
        emit(problem, false);
    }

    void beginRecord()
    {
        held.clear();
        heldSkips = 0;
        holding = true;
    }

    void commitRecord()
    {
        holding = false;
        skipped += heldSkips;
        for (ScanProblem problem : held) {
            sink.accept(problem);
        }
        held.clear();
        heldSkips = 0;
    }

    void discardRecord()
    {
        holding = false;
        held.clear();
        heldSkips = 0;
    }

    long skipped()
    {
        return skipped;
    }

    private void emit(ScanProblem problem, boolean skip)
    {
        if (holding) {
            held.add(problem);
            if (skip) {
                heldSkips++;
            }
            return;
        }
        if (skip) {
            skipped++;
        }
        sink.accept(problem);
    }
}
