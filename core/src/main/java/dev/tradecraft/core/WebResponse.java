package dev.tradecraft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a web log line says about the request's outcome and its real client. */
public final class WebResponse
{
    private WebResponse() {}

    public static boolean isWebEvent(Event event)
    {
        return event.logsource().category().equals("webserver");
    }

    /** The HTTP status, when the line has a numeric {@code sc-status}. */
    public static Optional<Integer> status(Event event)
    {
        String status = event.field("sc-status");
        if (status == null || status.isEmpty() || status.length() > 3) {
            return Optional.empty();
        }
        int value = 0;
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            value = value * 10 + (c - '0');
        }
        return Optional.of(value);
    }

    /** True when the server answered 2xx; an unlogged status counts as not refused. */
    public static boolean succeeded(Event event)
    {
        Optional<Integer> status = status(event);
        return status.isEmpty() || (status.get() >= 200 && status.get() < 300);
    }

    /**
     * The address of the real client: behind a load balancer {@code c-ip} is the balancer and the
     * first address of {@code X-Forwarded-For} is the client.
     */
    public static Optional<String> clientAddress(Event event)
    {
        for (String header : List.of("X-Forwarded-For", "x-forwarded-for", "cs-x-forwarded-for", "X-Real-IP", "True-Client-IP", "OriginalIP")) {
            String forwarded = event.field(header);
            if (forwarded != null && !forwarded.isBlank()) {
                List<String> addresses = new ArrayList<>();
                for (String part : forwarded.split("[,\\s]+")) {
                    if (!part.isBlank()) {
                        addresses.add(part.strip());
                    }
                }
                if (!addresses.isEmpty()) {
                    return Optional.of(addresses.get(0));
                }
            }
        }
        String clientIp = event.field("c-ip");
        if (clientIp != null && !clientIp.isBlank()) {
            return Optional.of(clientIp);
        }
        return Optional.empty();
    }
}
