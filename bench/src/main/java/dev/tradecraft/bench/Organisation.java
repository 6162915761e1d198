package dev.tradecraft.bench;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Origin;

/**
 * One victim of the synthetic world: its SharePoint hosts, the files their events would come from,
 * and what its logging shows. Origins and file names are made once here and shared by every
 * sighting, so a million sightings do not carry a million copies of them.
 */
final class Organisation
{
    private final int index;
    private final String name;
    private final Origin[] hosts;
    private final String[] webFiles;
    private final String[] hostFiles;
    private final boolean webLogs;
    private final boolean requestSizes;
    private final boolean fileHashes;

    /**
     * @param webLogs whether its IIS logs were collected (without them only host events are seen)
     * @param requestSizes whether its IIS logs have {@code cs-bytes}
     * @param fileHashes whether its host sensor hashes written files
     */
    Organisation(int index, String name, int hostCount, boolean webLogs, boolean requestSizes, boolean fileHashes)
    {
        checkArgument(index >= 0, "index is negative: %s", index);
        checkArgument(hostCount >= 1, "hostCount must be at least 1: %s", hostCount);
        this.index = index;
        this.name = requireNonNull(name, "name is null");
        this.hosts = new Origin[hostCount];
        this.webFiles = new String[hostCount];
        this.hostFiles = new String[hostCount];
        for (int h = 0; h < hostCount; h++) {
            String host = "sp0" + (h + 1);
            hosts[h] = new Origin(name, host);
            webFiles[h] = name + "/" + host + "/W3SVC1/u_ex2507.log";
            hostFiles[h] = name + "/" + host + "/sysmon.jsonl";
        }
        this.webLogs = webLogs;
        this.requestSizes = requestSizes;
        this.fileHashes = fileHashes;
    }

    int index()
    {
        return index;
    }

    String name()
    {
        return name;
    }

    int hostCount()
    {
        return hosts.length;
    }

    Origin origin(int host)
    {
        return hosts[host];
    }

    String webFile(int host)
    {
        return webFiles[host];
    }

    String hostFile(int host)
    {
        return hostFiles[host];
    }

    boolean webLogs()
    {
        return webLogs;
    }

    boolean requestSizes()
    {
        return requestSizes;
    }

    boolean fileHashes()
    {
        return fileHashes;
    }
}
