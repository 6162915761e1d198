package dev.tradecraft.readers.windows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the times Windows event JSON carries, all to UTC instants:
 * <ul>
 * <li>ISO-8601 {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with {@code T} or a blank between date and
 *     time, a fraction of 1 to 9 digits, and a zone {@code Z}, {@code +hh:mm}, {@code +hhmm},
 *     {@code +hh} or none (no zone means UTC, as in Sysmon's {@code UtcTime});</li>
 * <li>.NET JSON dates {@code /Date(1752861974123)/} (milliseconds since the epoch, UTC), as
 *     PowerShell's ConvertTo-Json writes them.</li>
 * </ul>
 */
public final class EventTimestamps
{
    private EventTimestamps() {}

    /** The instant, or null when the text is none of the accepted forms. */
    public static Instant parse(String text)
    {
        String value = text.trim();
        if (value.startsWith("/Date(")) {
            return dotNetDate(value);
        }
        return iso(value);
    }

    private static Instant iso(String value)
    {
        int length = value.length();
        if (length < 16 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(13) != ':') {
            return null;
        }
        char separator = value.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        long nanos = 0;
        if (i < length && value.charAt(i) == ':') {
            second = i + 3 <= length ? digits(value, i + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
            if (i < length && (value.charAt(i) == '.' || value.charAt(i) == ',')) {
                int start = ++i;
                while (i < length && isDigit(value.charAt(i))) {
                    i++;
                }
                int count = i - start;
                if (count < 1 || count > 9) {
                    return null;
                }
                nanos = digits(value, start, count);
                for (int k = count; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        if (i < length) {
            char zone = value.charAt(i);
            if ((zone == 'Z' || zone == 'z') && i + 1 == length) {
                offsetSeconds = 0;
            }
            else if (zone == '+' || zone == '-') {
                offsetSeconds = offset(value, i + 1);
                if (offsetSeconds < 0) {
                    return null;
                }
                if (zone == '-') {
                    offsetSeconds = -offsetSeconds;
                }
            }
            else {
                return null;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        }
        catch (DateTimeException e) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Seconds of a {@code hh:mm}, {@code hhmm} or {@code hh} offset that ends the text, or -1. */
    private static int offset(String value, int from)
    {
        int remaining = value.length() - from;
        int hours;
        int minutes = 0;
        if (remaining == 2) {
            hours = digits(value, from, 2);
        }
        else if (remaining == 4) {
            hours = digits(value, from, 2);
            minutes = digits(value, from + 2, 2);
        }
        else if (remaining == 5 && value.charAt(from + 2) == ':') {
            hours = digits(value, from, 2);
            minutes = digits(value, from + 3, 2);
        }
        else {
            return -1;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return -1;
        }
        return hours * 3600 + minutes * 60;
    }

    private static Instant dotNetDate(String value)
    {
        int i = "/Date(".length();
        int start = i;
        if (i < value.length() && value.charAt(i) == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < value.length() && isDigit(value.charAt(i))) {
            i++;
        }
        if (i == digitsStart || i - digitsStart > 15) {
            return null;
        }
        long millis = Long.parseLong(value.substring(start, i));
        // A zone suffix (+0200) only says how the writer displayed the time; the number is UTC.
        if (i < value.length() && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            int zoneStart = ++i;
            while (i < value.length() && isDigit(value.charAt(i))) {
                i++;
            }
            if (i - zoneStart != 4) {
                return null;
            }
        }
        if (!value.startsWith(")/", i) || i + 2 != value.length()) {
            return null;
        }
        return Instant.ofEpochMilli(millis);
    }

    private static int digits(String text, int from, int count)
    {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}
