package dev.tradecraft.readers.iis;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.FieldLayout;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Streams events from an IIS W3C extended log.
 *
 * <ul>
 * <li>Directives may appear anywhere; every {@code #Fields} replaces the field list, and
 *     {@code #Date} supplies the date when the field list has {@code time} but no {@code date}.</li>
 * <li>Data lines are split on blanks by hand. {@code -} alone is an empty value; see
 *     {@link W3cFieldsHeader} for field names and {@code +} decoding.</li>
 * <li>{@code date} + {@code time} (UTC) become the event time and stay as fields; a bad one is
 *     reported as {@code BAD_TIMESTAMP} and the event is kept without a time.</li>
 * <li>A line is a directive only when it starts with a W3C directive name, a colon and a blank;
 *     other lines starting with {@code #} are data.</li>
 * <li>Lines with the wrong number of values and lines over 1 MiB are reported as
 *     {@code MALFORMED_LINE} and skipped; blank lines are ignored.</li>
 * <li>Data before any {@code #Fields} is read with the IIS default field set and reported once as
 *     {@code MISSING_FIELDS_DIRECTIVE}.</li>
 * </ul>
 * Positions are 1-based physical line numbers. The reader closes {@code input} when closed.
 */
public final class W3cReader implements EventReader
{
    private static final Logsource LOGSOURCE = new Logsource("windows", "webserver", "iis");

    private final LineReader lines;
    private final Reader input;
    private final String displayName;
    private final Origin origin;
    private final ProblemSink problems;
    private final W3cDateTime dateTime = new W3cDateTime();

    private W3cFieldsHeader header;
    private String directiveDate;
    private boolean defaultFieldsReported;
    private int[] valueStarts = new int[32];
    private int[] valueEnds = new int[32];
    private char[] scratch = new char[256];
    private Event current;
    private long skipped;

    public W3cReader(Reader input, String displayName, Origin origin, ProblemSink problems)
    {
        this.input = requireNonNull(input, "input is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.origin = requireNonNull(origin, "origin is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.lines = new LineReader(input);
    }

    @Override
    public boolean advance() throws IOException
    {
        current = null;
        while (lines.next()) {
            long lineNumber = lines.lineNumber();
            if (lines.overlong()) {
                skip(lineNumber, "line is longer than 1 MiB (" + lines.overlongChars() + " characters)");
                continue;
            }
            char[] text = lines.buffer();
            int start = lines.start();
            int end = start + lines.length();
            if (lineNumber == 1 && start < end && text[start] == '\uFEFF') {
                start++;
            }
            while (start < end && isBlank(text[start])) {
                start++;
            }
            while (end > start && isBlank(text[end - 1])) {
                end--;
            }
            if (start == end) {
                continue;
            }
            if (text[start] == '#' && directive(text, start, end, lineNumber)) {
                continue;
            }
            Event event = dataLine(text, start, end, lineNumber);
            if (event != null) {
                current = event;
                return true;
            }
        }
        return false;
    }

    @Override
    public Event current()
    {
        checkState(current != null, "no current event: advance() has not returned true");
        return current;
    }

    @Override
    public LogFormat format()
    {
        return LogFormat.IIS_W3C;
    }

    @Override
    public long linesOrRecordsSkipped()
    {
        return skipped;
    }

    @Override
    public void close() throws IOException
    {
        input.close();
    }

    /**
     * Handles a directive line; returns false when the line is not one. Only the W3C directive
     * names followed by a colon and a blank (or nothing) count: IIS writes '+' for blanks in
     * values, so a value that merely starts with '#' (a user agent logged in the first column)
     * cannot pass for a directive and replace the field list.
     */
    private boolean directive(char[] text, int start, int end, long lineNumber)
    {
        int colon = start;
        while (colon < end && text[colon] != ':' && !isBlank(text[colon])) {
            colon++;
        }
        if (colon == end || text[colon] != ':' || (colon + 1 < end && !isBlank(text[colon + 1]))) {
            return false;
        }
        String name = new String(text, start, colon - start);
        int valueStart = colon + 1;
        if (name.equalsIgnoreCase("#Fields")) {
            W3cFieldsHeader parsed = W3cFieldsHeader.parse(text, valueStart, end, lineNumber);
            if (parsed == null) {
                String where = header == null ? "no field list yet" : "keeping " + header.describe();
                skip(lineNumber, "#Fields directive names no fields; " + where);
                return true;
            }
            header = parsed;
            if (valueStarts.length < parsed.size() + 1) {
                valueStarts = new int[parsed.size() + 1];
                valueEnds = new int[parsed.size() + 1];
            }
            return true;
        }
        if (name.equalsIgnoreCase("#Date")) {
            String value = new String(text, valueStart, end - valueStart).trim();
            int blank = value.indexOf(' ');
            directiveDate = blank < 0 ? value : value.substring(0, blank);
            return true;
        }
        return name.equalsIgnoreCase("#Software") || name.equalsIgnoreCase("#Version")
                || name.equalsIgnoreCase("#Remark") || name.equalsIgnoreCase("#Start-Date")
                || name.equalsIgnoreCase("#End-Date");
    }

    private Event dataLine(char[] text, int start, int end, long lineNumber)
    {
        if (header == null) {
            header = W3cFieldsHeader.defaults();
            if (!defaultFieldsReported) {
                defaultFieldsReported = true;
                problems.report(new ReadProblem(SourcePosition.line(displayName, lineNumber), ProblemKind.MISSING_FIELDS_DIRECTIVE,
                        "data line before any #Fields directive; reading with the IIS default fields: "
                                + String.join(" ", W3cFieldsHeader.DEFAULT_FIELDS)));
            }
        }
        int expected = header.size();
        int count = split(text, start, end, expected + 1);
        if (count != expected) {
            String found = count > expected ? "more than " + expected : String.valueOf(count);
            String prefix = text[start] == '#' ? "not a W3C directive, and " : "";
            skip(lineNumber, prefix + found + " values where " + header.describe() + " names " + expected);
            return null;
        }
        String[] values = new String[expected];
        for (int i = 0; i < expected; i++) {
            values[i] = value(text, valueStarts[i], valueEnds[i], header.plusForSpace(i));
        }
        String date = header.dateIndex() >= 0 ? values[header.dateIndex()] : null;
        String time = header.timeIndex() >= 0 ? values[header.timeIndex()] : null;
        EventFields fields;
        FieldLayout layout = header.layout();
        if (layout != null) {
            fields = EventFields.of(layout, values);
        }
        else {
            EventFields.Builder builder = EventFields.builder(expected);
            for (int i = 0; i < expected; i++) {
                builder.put(header.name(i), values[i]);
            }
            fields = builder.build();
        }
        SourcePosition position = SourcePosition.line(displayName, lineNumber);
        return new Event(origin, position, time(date, time, position), LOGSOURCE, fields);
    }

    private Optional<Instant> time(String date, String time, SourcePosition position)
    {
        if (time == null) {
            return Optional.empty();
        }
        String day = date;
        if (day == null) {
            if (directiveDate == null) {
                return Optional.empty();
            }
            day = directiveDate;
        }
        Instant instant = dateTime.parse(day, time);
        if (instant == null) {
            problems.report(new ReadProblem(position, ProblemKind.BAD_TIMESTAMP,
                    "date '" + day + "' time '" + time + "' is not a UTC yyyy-MM-dd HH:mm:ss time; event kept without a time"));
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    /** Records value boundaries; stops counting at {@code limit}. */
    private int split(char[] text, int start, int end, int limit)
    {
        int count = 0;
        int i = start;
        while (i < end && count < limit) {
            int valueStart = i;
            while (i < end && text[i] != ' ') {
                i++;
            }
            valueStarts[count] = valueStart;
            valueEnds[count] = i;
            count++;
            while (i < end && text[i] == ' ') {
                i++;
            }
        }
        return count;
    }

    private String value(char[] text, int start, int end, boolean plusForSpace)
    {
        int length = end - start;
        if (length == 1 && text[start] == '-') {
            return "";
        }
        if (plusForSpace) {
            for (int i = start; i < end; i++) {
                if (text[i] == '+') {
                    return decodePlus(text, start, end);
                }
            }
        }
        return new String(text, start, length);
    }

    private String decodePlus(char[] text, int start, int end)
    {
        int length = end - start;
        if (scratch.length < length) {
            scratch = Arrays.copyOf(scratch, Math.max(length, scratch.length * 2));
        }
        for (int i = 0; i < length; i++) {
            char c = text[start + i];
            scratch[i] = c == '+' ? ' ' : c;
        }
        return new String(scratch, 0, length);
    }

    private void skip(long lineNumber, String message)
    {
        skipped++;
        problems.report(new ReadProblem(SourcePosition.line(displayName, lineNumber), ProblemKind.MALFORMED_LINE, message));
    }

    private static boolean isBlank(char c)
    {
        return c == ' ' || c == '\t';
    }
}
