package dev.tradecraft.store.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tradecraft.core.Event;

/**
 * The fields of a hit's event that a responder reads first, whichever the rule matched: the
 * request (method, path, query, status, client, forwarded-for, user agent, host) for web logs, the
 * process (image, command line, parent, user, file written, hashes) for host events. Kept beside
 * the hit so a dashboard can show them without parsing the whole event.
 */
public final class HitContext
{
    /** In the order they are shown. */
    public static final List<String> FIELDS = List.of("cs-method", "cs-uri-stem", "cs-uri-query", "sc-status", "c-ip", "X-Forwarded-For",
            "cs-user-agent", "cs-host", "cs-referer", "EventID", "Image", "CommandLine", "ParentImage", "User", "TargetFilename", "Hashes",
            "QueryName", "DestinationIp", "ScriptBlockText");

    /** Longer values are cut: a context is a glance; the whole event stays in the hit's JSON. */
    static final int MAX_VALUE = 2_000;

    private HitContext() {}

    public static Map<String, String> of(Event event)
    {
        Map<String, String> context = new LinkedHashMap<>();
        for (String name : FIELDS) {
            String value = event.field(name);
            if (value != null && !value.isEmpty() && !value.equals("-")) {
                context.put(name, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value);
            }
        }
        return context;
    }
}
