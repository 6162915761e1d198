package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A generated world on disk.
 *
 * @param root the directory it was written to
 * @param webLogs {@code root/weblogs}: IIS logs as {@code <organisation>/<host>/u_exYYMMDD.log[.gz]}
 * @param events {@code root/events}: Windows events as {@code <organisation>/<host>/*.json} (or {@code *.evtx})
 * @param scans {@code root/scans}: internet scan exports ({@code shodan-banners.json.gz})
 * @param truthFile {@code root/truth.json}
 * @param truth what {@code truthFile} holds
 */
public record World(Path root, Path webLogs, Path events, Path scans, Path truthFile, GroundTruth truth)
{
    public World
    {
        requireNonNull(root, "root is null");
        requireNonNull(webLogs, "webLogs is null");
        requireNonNull(events, "events is null");
        requireNonNull(scans, "scans is null");
        requireNonNull(truthFile, "truthFile is null");
        requireNonNull(truth, "truth is null");
    }

    /** The Shodan export inside {@link #scans()}. */
    public Path shodanBanners()
    {
        return scans.resolve(WorldGenerator.SHODAN_FILE);
    }
}
