package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * Where an event came from: the organisation and the host inside it. Hunting takes both from the
 * path {@code <root>/<organisation>/<host>/...}; other sources (Kafka keys, manifests) set them
 * directly.
 */
public record Origin(String organisation, String host)
{
    /** Host name used when a file sits directly under an organisation folder. */
    public static final String UNKNOWN_HOST = "unknown";

    public Origin
    {
        checkNotBlank(organisation, "organisation");
        checkNotBlank(host, "host");
    }

    @Override
    public String toString()
    {
        return organisation + "/" + host;
    }
}
