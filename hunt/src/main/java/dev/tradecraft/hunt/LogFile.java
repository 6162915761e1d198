package dev.tradecraft.hunt;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import dev.tradecraft.core.Origin;

/**
 * A file to hunt, with the organisation and host it belongs to.
 *
 * @param path where it is
 * @param displayName how evidence names it: the path from the root's folder down, with forward slashes
 * @param origin organisation and host, from the folder layout
 * @param size bytes on disk, for progress and ETA
 */
public record LogFile(Path path, String displayName, Origin origin, long size)
{
    public LogFile
    {
        requireNonNull(path, "path is null");
        checkNotBlank(displayName, "displayName");
        requireNonNull(origin, "origin is null");
    }

    @Override
    public String toString()
    {
        return displayName;
    }
}
