package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One record from any source: who it came from, where it sits in which file (for evidence), when it
 * happened (UTC), what kind of record it is, and its fields by name.
 *
 * @param origin organisation and host
 * @param position file and line or record number
 * @param time when the event happened, if the record says
 * @param logsource what the reader knows of the record's kind; rules map it further
 * @param fields the values, as read
 */
public record Event(Origin origin, SourcePosition position, Optional<Instant> time, Logsource logsource, EventFields fields)
{
    public Event
    {
        requireNonNull(origin, "origin is null");
        requireNonNull(position, "position is null");
        requireNonNull(time, "time is null");
        requireNonNull(logsource, "logsource is null");
        requireNonNull(fields, "fields is null");
    }

    /** The value of a field, or {@code null} when absent; see {@link EventFields#get}. */
    public String field(String name)
    {
        return fields.get(name);
    }
}
