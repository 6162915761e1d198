package dev.tradecraft.flink.detect;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.Event;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.iis.W3cReader;
import dev.tradecraft.readers.json.WindowsJsonReader;

/**
 * Turns one input record into an Event with the project's own readers, so a line means in the
 * stream exactly what it means in {@code tradecraft hunt}.
 *
 * <p>An IIS line is read together with the {@code #Date} and {@code #Fields} directives in force
 * for its file (the caller keeps them, per file, in keyed state): the reader sees them first, then
 * the line, as it would in the file. The event is then given the record's own position, since the
 * reader counted lines of that short text, not of the file. Problems are reported at the record's
 * position for the same reason.
 */
public final class RecordDecoder
{
    private final ProblemSink problems;

    public RecordDecoder(ProblemSink problems)
    {
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** The event of a Windows JSON record, or empty when the reader found none (a damaged object). */
    public Optional<Event> decodeJson(LogRecord record)
    {
        requireNonNull(record, "record is null");
        return readOne(new WindowsJsonReader(new StringReader(record.text()), record.file(), record.origin(), restamped(record)), record);
    }

    /**
     * The event of an IIS data line, or empty for a directive, a blank line or a line the reader
     * skipped.
     *
     * @param fields the {@code #Fields} directive line in force for the file, if any
     * @param date the {@code #Date} directive line in force for the file, if any
     */
    public Optional<Event> decodeW3c(LogRecord record, Optional<String> fields, Optional<String> date)
    {
        requireNonNull(record, "record is null");
        StringBuilder text = new StringBuilder(record.text().length() + 256);
        date.ifPresent(line -> text.append(line).append('\n'));
        fields.ifPresent(line -> text.append(line).append('\n'));
        text.append(withoutByteOrderMark(record));
        return readOne(new W3cReader(new StringReader(text.toString()), record.file(), record.origin(), restamped(record)), record);
    }

    /** Whether the line is a {@code #Fields} directive that names fields, as the reader would take it. */
    public static boolean isFieldsDirective(String line)
    {
        return directiveValue(line, "#fields").filter(value -> !value.isBlank()).isPresent();
    }

    /** Whether the line is a {@code #Date} directive. */
    public static boolean isDateDirective(String line)
    {
        return directiveValue(line, "#date").isPresent();
    }

    /** The value after {@code name:} when the line is that directive (the reader's rule: colon, then a blank or nothing). */
    private static Optional<String> directiveValue(String line, String name)
    {
        String trimmed = line.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        int colon = name.length();
        if (trimmed.length() <= colon || trimmed.charAt(colon) != ':'
                || !trimmed.substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
            return Optional.empty();
        }
        if (colon + 1 < trimmed.length() && trimmed.charAt(colon + 1) != ' ' && trimmed.charAt(colon + 1) != '\t') {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(colon + 1));
    }

    private static String withoutByteOrderMark(LogRecord record)
    {
        // The reader drops a byte order mark only on the first line of its input, which this line no longer is.
        String text = record.text();
        if (record.index() == 1 && text.startsWith("\uFEFF")) {
            return text.substring(1);
        }
        return text;
    }

    private ProblemSink restamped(LogRecord record)
    {
        return problem -> problems.report(new ReadProblem(record.position(), problem.kind(), problem.message()));
    }

    private static Optional<Event> readOne(EventReader reader, LogRecord record)
    {
        try (reader) {
            if (!reader.advance()) {
                return Optional.empty();
            }
            Event event = reader.current();
            return Optional.of(new Event(event.origin(), record.position(), event.time(), event.logsource(), event.fields()));
        }
        catch (IOException e) {
            // A StringReader does not fail; this would be a reader bug, not bad input.
            throw new UncheckedIOException("reading " + record.position() + " from memory failed", e);
        }
    }
}
