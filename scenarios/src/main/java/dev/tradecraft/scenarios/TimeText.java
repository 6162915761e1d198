package dev.tradecraft.scenarios;

import java.time.LocalDate;

/**
 * Time stamps in the exact text forms the log producers write. Generators keep time as epoch
 * milliseconds (web logs) or microseconds (event logs); these methods format without
 * {@code DateTimeFormatter} because they run once per line.
 */
final class TimeText
{
    static final long MILLIS_PER_SECOND = 1_000L;
    static final long MILLIS_PER_MINUTE = 60_000L;
    static final long MILLIS_PER_HOUR = 3_600_000L;
    static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeText() {}

    static long startOfDay(LocalDate day)
    {
        return day.toEpochDay() * MILLIS_PER_DAY;
    }

    /** {@code 2025-07-18}, the W3C {@code date} field. */
    static String date(long epochMillis)
    {
        StringBuilder out = new StringBuilder(10);
        appendDate(out, epochMillis);
        return out.toString();
    }

    static void appendDate(StringBuilder out, long epochMillis)
    {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        appendDigits(out, day.getYear(), 4);
        out.append('-');
        appendDigits(out, day.getMonthValue(), 2);
        out.append('-');
        appendDigits(out, day.getDayOfMonth(), 2);
    }

    /** {@code 18:06:14}, the W3C {@code time} field. */
    static void appendClock(StringBuilder out, long epochMillis)
    {
        long secondOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY) / MILLIS_PER_SECOND;
        appendDigits(out, (int) (secondOfDay / 3600), 2);
        out.append(':');
        appendDigits(out, (int) (secondOfDay / 60 % 60), 2);
        out.append(':');
        appendDigits(out, (int) (secondOfDay % 60), 2);
    }

    /** {@code 2025-07-18 18:06:14}, the W3C {@code #Date} directive. */
    static String dateTime(long epochMillis)
    {
        StringBuilder out = new StringBuilder(19);
        appendDate(out, epochMillis);
        out.append(' ');
        appendClock(out, epochMillis);
        return out.toString();
    }

    /** {@code 2025-07-18T18:06:14.123456Z}, the evtx_dump {@code SystemTime} attribute. */
    static String isoMicros(long epochMicros)
    {
        StringBuilder out = new StringBuilder(27);
        long millis = Math.floorDiv(epochMicros, 1000L);
        appendDate(out, millis);
        out.append('T');
        appendClock(out, millis);
        out.append('.');
        appendDigits(out, (int) Math.floorMod(epochMicros, 1_000_000L), 6);
        out.append('Z');
        return out.toString();
    }

    /** {@code 2025-07-18 18:06:14.123}, the Sysmon {@code UtcTime} field. */
    static String sysmonTime(long epochMicros)
    {
        StringBuilder out = new StringBuilder(23);
        long millis = Math.floorDiv(epochMicros, 1000L);
        appendDate(out, millis);
        out.append(' ');
        appendClock(out, millis);
        out.append('.');
        appendDigits(out, (int) Math.floorMod(millis, 1000L), 3);
        return out.toString();
    }

    /** {@code 2025-07-21T09:14:02.118274}: Shodan writes UTC without a zone. */
    static String shodanTime(long epochMicros)
    {
        String iso = isoMicros(epochMicros);
        return iso.substring(0, iso.length() - 1);
    }

    static void appendDigits(StringBuilder out, int value, int width)
    {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (int i = 0; i < width; i++) {
            out.append((char) ('0' + value / divisor % 10));
            divisor /= 10;
        }
    }
}
