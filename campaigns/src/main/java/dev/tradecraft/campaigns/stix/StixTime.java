package dev.tradecraft.campaigns.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** STIX timestamps: RFC 3339, UTC, millisecond precision, {@code Z}. */
final class StixTime
{
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    // The STIX timestamp has exactly four year digits; a log line claiming another year cannot be written.
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private StixTime() {}

    static boolean representable(Instant time)
    {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** Sub-millisecond digits are cut, not rounded, so a time never moves past a later one. */
    static String format(Instant time)
    {
        return MILLIS.format(time);
    }
}
