package dev.tradecraft.server.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How times and absent values read on a page: UTC to the minute, as the CLI tables print them. */
public final class Display
{
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Shown where a value is absent. */
    public static final String NONE = "-";

    private Display() {}

    public static String minute(Optional<Instant> time)
    {
        return time.map(MINUTE::format).orElse(NONE);
    }

    public static String minute(Instant time)
    {
        return MINUTE.format(time);
    }

    public static String second(Optional<Instant> time)
    {
        return time.map(SECOND::format).orElse(NONE);
    }
}
