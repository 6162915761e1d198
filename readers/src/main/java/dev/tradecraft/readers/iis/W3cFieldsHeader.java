package dev.tradecraft.readers.iis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tradecraft.core.FieldLayout;

/**
 * The field list of a {@code #Fields} directive, translated once into what every data line needs:
 * the event field name for each column (Sigma's webserver names), whether IIS wrote {@code +} for
 * spaces in it, and where date and time are.
 *
 * <p>Names: {@code cs(User-Agent)} becomes {@code cs-user-agent}, {@code sc(X)} becomes
 * {@code sc-x}, and so on for any {@code prefix(Header)} form; every other name is kept as
 * written ({@code cs-uri-stem}, {@code X-Forwarded-For}).
 *
 * <p>Decoding: IIS replaces spaces by {@code +} in the values it takes from headers and in the
 * user name, so those are decoded: {@code prefix(...)} columns, {@code cs-username}, {@code cs-host},
 * and custom columns (logged request headers such as {@code X-Forwarded-For}). The URI columns and
 * the standard numeric and address columns are kept exactly as logged.
 */
final class W3cFieldsHeader
{
    static final List<String> DEFAULT_FIELDS = List.of(
            "date", "time", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port", "cs-username",
            "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status", "sc-substatus", "sc-win32-status", "time-taken");

    // Standard W3C/IIS columns whose values never hold encoded spaces; compared lower case.
    private static final Set<String> RAW_FIELDS = Set.of(
            "date", "time", "s-ip", "c-ip", "s-port", "c-port", "s-sitename", "s-computername", "cs-method",
            "sc-status", "sc-substatus", "sc-win32-status", "sc-bytes", "cs-bytes", "time-taken", "cs-version",
            "s-event", "s-process-type", "s-user-time", "s-kernel-time", "s-page-faults", "s-total-procs",
            "s-active-procs", "s-stopped-procs");

    private final String[] names;
    private final boolean[] plusForSpace;
    private final int dateIndex;
    private final int timeIndex;
    private final long line;
    private final FieldLayout layout;

    private W3cFieldsHeader(List<String> declared, long line)
    {
        int size = declared.size();
        this.names = new String[size];
        this.plusForSpace = new boolean[size];
        int date = -1;
        int time = -1;
        for (int i = 0; i < size; i++) {
            String name = declared.get(i);
            String eventName = eventName(name);
            names[i] = eventName;
            plusForSpace[i] = decodesPlus(name, eventName);
            if (date < 0 && eventName.equalsIgnoreCase("date")) {
                date = i;
            }
            if (time < 0 && eventName.equalsIgnoreCase("time")) {
                time = i;
            }
        }
        this.dateIndex = date;
        this.timeIndex = time;
        this.line = line;
        this.layout = distinct(names) ? FieldLayout.of(Arrays.asList(names)) : null;
    }

    private static boolean distinct(String[] names)
    {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The layout every event under this directive shares, or null when the directive repeats a
     * name (then each event keeps the last value of a repeated name, as the builder does).
     */
    FieldLayout layout()
    {
        return layout;
    }

    /** The IIS default field set, for data lines that come before any {@code #Fields}. */
    static W3cFieldsHeader defaults()
    {
        return new W3cFieldsHeader(DEFAULT_FIELDS, 0);
    }

    /**
     * Parses the names after {@code #Fields:}, separated by blanks.
     *
     * @return the header, or null when the directive names no field
     */
    static W3cFieldsHeader parse(char[] text, int from, int to, long line)
    {
        List<String> declared = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && isBlank(text[i])) {
                i++;
            }
            int start = i;
            while (i < to && !isBlank(text[i])) {
                i++;
            }
            if (i > start) {
                declared.add(new String(text, start, i - start));
            }
        }
        return declared.isEmpty() ? null : new W3cFieldsHeader(declared, line);
    }

    static String eventName(String declared)
    {
        int open = declared.indexOf('(');
        if (open > 0 && declared.endsWith(")") && open < declared.length() - 2) {
            String prefix = declared.substring(0, open).toLowerCase(Locale.ROOT);
            String inner = declared.substring(open + 1, declared.length() - 1).toLowerCase(Locale.ROOT);
            return prefix + "-" + inner;
        }
        return declared;
    }

    private static boolean decodesPlus(String declared, String eventName)
    {
        if (!eventName.equals(declared)) {
            return true;
        }
        String lower = declared.toLowerCase(Locale.ROOT);
        return !lower.startsWith("cs-uri") && !RAW_FIELDS.contains(lower);
    }

    private static boolean isBlank(char c)
    {
        return c == ' ' || c == '\t';
    }

    int size()
    {
        return names.length;
    }

    String name(int index)
    {
        return names[index];
    }

    boolean plusForSpace(int index)
    {
        return plusForSpace[index];
    }

    /** Column of {@code date}, or -1. */
    int dateIndex()
    {
        return dateIndex;
    }

    /** Column of {@code time}, or -1. */
    int timeIndex()
    {
        return timeIndex;
    }

    /** Line of the directive, or 0 for the default field set. */
    long line()
    {
        return line;
    }

    /** Where the field list came from, for messages. */
    String describe()
    {
        return line == 0 ? "the IIS default field set" : "#Fields at line " + line;
    }
}
