package dev.tradecraft.exposure.scan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Times as scanners write them: ISO 8601 with or without a zone (Shodan writes none and means UTC),
 * with up to nine fraction digits, and epoch seconds (masscan, nmap). Parsed by hand: this runs for
 * every banner, and a bad value must cost a null, not an exception.
 */
final class ScanTimes
{
    private static final long SECONDS_PER_DAY = 86_400;

    private ScanTimes() {}

    /** {@code 2025-07-21T09:14:02.118274}, {@code ...Z}, {@code ...+02:00}, {@code ...+0200}; a space may replace the T. Null when invalid. */
    static Instant parseIso(String text)
    {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n < 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':') {
            return null;
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return null;
        }
        int year = (int) ScanValues.digits(text, 0, 4, 4);
        int month = (int) ScanValues.digits(text, 5, 7, 2);
        int day = (int) ScanValues.digits(text, 8, 10, 2);
        int hour = (int) ScanValues.digits(text, 11, 13, 2);
        int minute = (int) ScanValues.digits(text, 14, 16, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || hour > 23 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && text.charAt(i) == ':') {
            second = (int) ScanValues.digits(text, i + 1, Math.min(i + 3, n), 2);
            if (second < 0 || second > 60 || i + 3 > n) {
                return null;
            }
            i += 3;
            if (i < n && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    if (i - start < 9) {
                        nanos = nanos * 10 + (text.charAt(i) - '0');
                    }
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int digits = i - start; digits < 9; digits++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char zone = text.charAt(i);
            if ((zone == 'Z' || zone == 'z') && i + 1 == n) {
                offsetSeconds = 0;
            }
            else if (zone == '+' || zone == '-') {
                offsetSeconds = offset(text, i + 1);
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
        // A leap second is read as the last second of the minute, as java.time does.
        long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** {@code HH}, {@code HH:MM} or {@code HHMM} from {@code from} to the end, in seconds; -1 when invalid. */
    private static int offset(String text, int from)
    {
        int length = text.length() - from;
        int hours = (int) ScanValues.digits(text, from, Math.min(from + 2, text.length()), 2);
        int minutes;
        if (length == 2) {
            minutes = 0;
        }
        else if (length == 5 && text.charAt(from + 2) == ':') {
            minutes = (int) ScanValues.digits(text, from + 3, from + 5, 2);
        }
        else if (length == 4) {
            minutes = (int) ScanValues.digits(text, from + 2, from + 4, 2);
        }
        else {
            return -1;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return -1;
        }
        return hours * 3600 + minutes * 60;
    }

    /** Epoch seconds as text, with an optional fraction: {@code 1753087305}, {@code 1753087305.25}. Null when invalid. */
    static Instant parseEpochSeconds(String text)
    {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        int dot = trimmed.indexOf('.');
        int end = dot < 0 ? trimmed.length() : dot;
        long seconds = ScanValues.digits(trimmed, 0, end, 12);
        if (seconds < 0) {
            return null;
        }
        int nanos = 0;
        if (dot >= 0) {
            int digits = trimmed.length() - dot - 1;
            if (digits == 0) {
                return null;
            }
            for (int i = dot + 1; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                if (i - dot <= 9) {
                    nanos = nanos * 10 + (c - '0');
                }
            }
            for (int i = Math.min(digits, 9); i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    static Instant epochSeconds(long seconds)
    {
        return seconds < 0 || seconds > 999_999_999_999L ? null : Instant.ofEpochSecond(seconds);
    }
}
