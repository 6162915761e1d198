package dev.tradecraft.readers;

import java.io.Closeable;
import java.io.IOException;

import dev.tradecraft.core.Event;

/**
 * A cursor over the events of one input. Bad lines and records do not end it: they are reported to
 * the {@link ProblemSink} given when the reader was opened, counted, and skipped.
 *
 * <pre>{@code
 * try (EventReader reader = Readers.open(path, name, origin, problems)) {
 *     while (reader.advance()) {
 *         Event event = reader.current();
 *     }
 * }
 * }</pre>
 */
public interface EventReader extends Closeable
{
    /** Moves to the next event; returns false at the end of the input. */
    boolean advance() throws IOException;

    /** The event {@link #advance()} moved to; fails when there is none. */
    Event current();

    LogFormat format();

    /** How many malformed lines or records were skipped so far. */
    long linesOrRecordsSkipped();
}
