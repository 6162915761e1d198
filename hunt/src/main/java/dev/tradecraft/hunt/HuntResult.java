package dev.tradecraft.hunt;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.tradecraft.core.Hit;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;

/**
 * Everything a hunt found: what happened to each file, the hits in a stable order, the verdict per
 * organisation, the read problems, and how long it took.
 *
 * @param untimedCorrelationMatches matches of rules that correlation rules count, left out of the
 *        correlations because their event has no time
 */
public record HuntResult(List<FileOutcome> files, List<Hit> hits, List<OrganisationVerdict> organisations,
        ProblemSummary problems, long events, long elapsedNanos, long untimedCorrelationMatches)
{
    public HuntResult
    {
        files = List.copyOf(files);
        hits = List.copyOf(hits);
        organisations = List.copyOf(organisations);
        requireNonNull(problems, "problems is null");
    }

    public long filesRead()
    {
        return files.stream().filter(FileOutcome::wasRead).count();
    }

    public List<FileOutcome> filesSkipped()
    {
        return files.stream().filter(outcome -> !outcome.wasRead()).toList();
    }

    /** Events per second over the whole hunt, wall clock. */
    public double eventsPerSecond()
    {
        return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
    }
}
