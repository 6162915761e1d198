package dev.tradecraft.store.ingest;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Hit;

/**
 * A hit with its JSON form (Tradecraft's hit JSON, which the hunt module writes and reads): the
 * workspace keeps the whole hit so that campaigns and verdicts can be recomputed over every hunt.
 */
public record StoredHit(Hit hit, String json)
{
    public StoredHit
    {
        requireNonNull(hit, "hit is null");
        requireNonNull(json, "json is null");
    }

    public String id()
    {
        return RowIds.hit(hit.origin().organisation(), hit.origin().host(), hit.position(), hit.rule().id());
    }
}
