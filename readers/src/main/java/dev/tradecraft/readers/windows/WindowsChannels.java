package dev.tradecraft.readers.windows;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.tradecraft.core.Logsource;

/** The Sigma logsource service of a Windows event log channel. */
public final class WindowsChannels
{
    // Keys lower case: channel names are case-insensitive on Windows.
    private static final Map<String, String> SERVICES = Map.of(
            "security", "security",
            "system", "system",
            "application", "application",
            "microsoft-windows-sysmon/operational", "sysmon",
            "windows powershell", "powershell-classic",
            "microsoft-windows-powershell/operational", "powershell",
            "microsoft-windows-taskscheduler/operational", "taskscheduler",
            "microsoft-windows-wmi-activity/operational", "wmi",
            "microsoft-windows-windows defender/operational", "windefend");

    private static final Logsource WINDOWS = new Logsource("windows", "", "");
    // One shared instance per service: events of a file mostly share their logsource.
    private static final Map<String, Logsource> LOGSOURCES = logsources();

    private WindowsChannels() {}

    /** Product windows, service from the channel (none when the channel is absent or unknown). */
    public static Logsource logsource(String channel)
    {
        Logsource logsource = LOGSOURCES.get(service(channel));
        return logsource == null ? WINDOWS : logsource;
    }

    /**
     * The logsource of a Windows event from its fields: product {@code windows} and the channel's
     * service when it has a {@code Channel} or an {@code EventID}, else unstated.
     */
    public static Logsource logsource(WindowsFields fields)
    {
        String channel = fields.get("Channel");
        if (channel == null && fields.get("EventID") == null) {
            return Logsource.UNSTATED;
        }
        return logsource(channel);
    }

    private static Map<String, Logsource> logsources()
    {
        Map<String, Logsource> logsources = new HashMap<>();
        for (String service : SERVICES.values()) {
            logsources.put(service, new Logsource("windows", "", service));
        }
        return Map.copyOf(logsources);
    }

    /** The service for a channel, or "" when the channel is absent or has no Sigma service. */
    public static String service(String channel)
    {
        if (channel == null) {
            return "";
        }
        String service = SERVICES.get(channel.trim().toLowerCase(Locale.ROOT));
        return service == null ? "" : service;
    }
}
