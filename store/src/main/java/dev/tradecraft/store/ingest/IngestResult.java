package dev.tradecraft.store.ingest;

import static java.util.Objects.requireNonNull;

/**
 * What a write added to the workspace.
 *
 * @param runId the run's key
 * @param newRun whether the run was new (false: the same command on the same input ran before)
 * @param newFiles files not seen before (by name and content)
 * @param newResults hits or services not seen before
 */
public record IngestResult(String runId, boolean newRun, long newFiles, long newResults)
{
    public IngestResult
    {
        requireNonNull(runId, "runId is null");
    }
}
