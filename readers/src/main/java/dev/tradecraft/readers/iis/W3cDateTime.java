package dev.tradecraft.readers.iis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses W3C {@code date} ({@code yyyy-MM-dd}) and {@code time} ({@code HH:mm:ss} with an optional
 * fraction) columns, which IIS writes in UTC. Consecutive lines nearly always share a date, so the
 * last one is remembered.
 */
final class W3cDateTime
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private String lastDate;
    private long lastEpochDay;

    /** The instant, or null when either part is not a valid date or time. */
    Instant parse(String date, String time)
    {
        long epochDay;
        if (date.equals(lastDate)) {
            epochDay = lastEpochDay;
        }
        else {
            epochDay = epochDay(date);
            if (epochDay == Long.MIN_VALUE) {
                return null;
            }
            lastDate = date;
            lastEpochDay = epochDay;
        }
        long nanoOfDay = nanoOfDay(time);
        if (nanoOfDay < 0) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + nanoOfDay / NANOS_PER_SECOND, nanoOfDay % NANOS_PER_SECOND);
    }

    /** Days since 1970-01-01, or {@link Long#MIN_VALUE} when not {@code yyyy-MM-dd}. */
    static long epochDay(String date)
    {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(date, 0, 4);
        int month = digits(date, 5, 2);
        int day = digits(date, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        }
        catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Nanoseconds since midnight, or -1 when not {@code HH:mm:ss[.fraction]}. */
    static long nanoOfDay(String time)
    {
        if (time.length() < 8 || time.charAt(2) != ':' || time.charAt(5) != ':') {
            return -1;
        }
        int hour = digits(time, 0, 2);
        int minute = digits(time, 3, 2);
        int second = digits(time, 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        long nanos = 0;
        if (time.length() > 8) {
            int fractionDigits = time.length() - 9;
            if (time.charAt(8) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return -1;
            }
            int fraction = digits(time, 9, fractionDigits);
            if (fraction < 0) {
                return -1;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return ((hour * 60L + minute) * 60L + second) * NANOS_PER_SECOND + nanos;
    }

    private static int digits(String text, int from, int count)
    {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
