package dev.tradecraft.cli;

import java.nio.file.Path;

/**
 * Where commands keep their results between runs: {@code ./tradecraft-data} unless
 * {@code --workspace} says otherwise. The last hunt's hits ({@code last-hunt/hits.jsonl}) are what
 * {@code tradecraft campaigns} reads. (The DuckDB store of a later release replaces these files.)
 */
final class Workspace
{
    static final Path DEFAULT = Path.of("tradecraft-data");

    private Workspace() {}

    static Path lastHuntHits(Path workspace)
    {
        return workspace.resolve("last-hunt").resolve("hits.jsonl");
    }

    static Path lastHuntSummary(Path workspace)
    {
        return workspace.resolve("last-hunt").resolve("summary.json");
    }
}
