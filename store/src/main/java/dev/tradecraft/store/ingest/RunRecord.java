package dev.tradecraft.store.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One command's work as the workspace keeps it. The run's key is made of {@code command},
 * {@code configuration} and the content of the files read, so running the same command on the same
 * input again updates this row (times run, last finished) instead of adding one.
 *
 * @param command hunt, exposure or demo
 * @param configuration what besides the input decides the result: the rule and indicator set, the CVEs judged
 * @param started when the command started
 * @param finished when its results were complete
 * @param events events (or scan records) read
 * @param results hits (or services kept) found
 */
public record RunRecord(String command, String configuration, Instant started, Instant finished, long events, long results)
{
    public RunRecord
    {
        requireNonNull(command, "command is null");
        requireNonNull(configuration, "configuration is null");
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
        if (events < 0 || results < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + events + ", " + results);
        }
    }
}
