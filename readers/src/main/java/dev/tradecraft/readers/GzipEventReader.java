package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;

import dev.tradecraft.core.Event;

/** A reader over gzip content that reports damage to the compressed stream once it reaches the end. */
final class GzipEventReader implements EventReader
{
    private final EventReader reader;
    private final ContentInput input;
    private final String displayName;
    private final ProblemSink problems;
    private boolean ended;

    GzipEventReader(EventReader reader, ContentInput input, String displayName, ProblemSink problems)
    {
        this.reader = requireNonNull(reader, "reader is null");
        this.input = requireNonNull(input, "input is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    @Override
    public boolean advance() throws IOException
    {
        if (reader.advance()) {
            return true;
        }
        if (!ended) {
            ended = true;
            Optional<ReadProblem> damage = input.decompressionDamage(displayName);
            if (damage.isPresent()) {
                problems.report(damage.get());
            }
        }
        return false;
    }

    @Override
    public Event current()
    {
        return reader.current();
    }

    @Override
    public LogFormat format()
    {
        return reader.format();
    }

    @Override
    public long linesOrRecordsSkipped()
    {
        return reader.linesOrRecordsSkipped();
    }

    @Override
    public void close() throws IOException
    {
        reader.close();
    }
}
