package dev.tradecraft.store.ingest;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Hit;

/**
 * A hit with its JSON form (Tradecraft's hit JSON, which the hunt module writes and reads): the
 * workspace keeps the whole hit so that campaigns and verdicts can be recomputed over every hunt.
 *
 * @param id the hit's key ({@link RowIds#hit}), computed once: ingest and recomputation both need it
 */
public record StoredHit(String id, Hit hit, String json)
{
    public StoredHit
    {
        requireNonNull(id, "id is null");
        requireNonNull(hit, "hit is null");
        requireNonNull(json, "json is null");
    }

    public StoredHit(Hit hit, String json)
    {
        this(RowIds.hit(hit.origin().organisation(), hit.origin().host(), hit.position(), hit.rule().id()), hit, json);
    }
}
