package dev.tradecraft.sigma.value;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * {@code |minute}, {@code |hour}, {@code |day}, {@code |week}, {@code |month}, {@code |year}: the
 * event value read as a date and time, one part of it compared with the rule's number. As the
 * specification says, no time zone or format conversion happens: the part is read as written in
 * {@code YYYY-MM-DD[T or space]hh:mm…} (ISO 8601 and the forms event logs use). {@code day} is the
 * day of the month, {@code week} the ISO 8601 week of the year. A value that is not such a date does
 * not match.
 */
public record TimePartValue(Part part, int value)
        implements SigmaValue
{
    public enum Part
    {
        MINUTE(0, 59), HOUR(0, 23), DAY(1, 31), WEEK(1, 53), MONTH(1, 12), YEAR(0, 9999);

        private final int min;
        private final int max;

        Part(int min, int max)
        {
            this.min = min;
            this.max = max;
        }

        public int min()
        {
            return min;
        }

        public int max()
        {
            return max;
        }
    }

    public TimePartValue
    {
        requireNonNull(part, "part is null");
        checkArgument(value >= part.min() && value <= part.max(), "%s must be in [%s,%s]: %s", part, part.min(), part.max(), value);
    }

    public boolean matches(String eventValue)
    {
        int found = extract(eventValue);
        return found >= 0 && found == value;
    }

    /** The part of the date and time the text starts with, or -1 when it does not start with one. */
    int extract(String text)
    {
        if (text == null) {
            return -1;
        }
        String s = text.strip();
        // YYYY-MM-DD, then for minute and hour a 'T' or a space and hh:mm.
        if (s.length() < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return -1;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        int day = Integer.parseInt(s, 8, 10, 10);
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        }
        catch (DateTimeException e) {
            return -1;
        }
        switch (part) {
            case YEAR:
                return year;
            case MONTH:
                return month;
            case DAY:
                return day;
            case WEEK:
                return date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            default:
                break;
        }
        if (s.length() < 16 || (s.charAt(10) != 'T' && s.charAt(10) != 't' && s.charAt(10) != ' ') || !digits(s, 11, 13) || s.charAt(13) != ':'
                || !digits(s, 14, 16)) {
            return -1;
        }
        int hour = Integer.parseInt(s, 11, 13, 10);
        int minute = Integer.parseInt(s, 14, 16, 10);
        if (hour > 23 || minute > 59) {
            return -1;
        }
        return part == Part.HOUR ? hour : minute;
    }

    private static boolean digits(String text, int from, int to)
    {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return part.name().toLowerCase(Locale.ROOT) + " " + value;
    }
}
