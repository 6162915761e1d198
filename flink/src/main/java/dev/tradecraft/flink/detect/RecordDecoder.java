package dev.tradecraft.flink.detect;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * stream exactly what it means in {@code tradecraft hunt}. Events and problems get the record's own
 * position, since the readers count lines of what they were given, not of the file.
 *
 * <p>IIS lines: each open file has its own {@link W3cReader}, fed one line at a time, so it keeps
 * the file's {@code #Fields} layout as it does reading the file. At most {@code openFiles} readers
 * are kept (least recently used go first: each holds a 128 KiB buffer). A file whose reader was
 * dropped, or that a restored job meets again, gets a new reader that is first shown the
 * {@code #Date} and {@code #Fields} directives in force, which the caller keeps per file in keyed
 * state. JSON objects: a new reader each, as the JSON reader cannot go on after an end of input.
 *
 * <p>Not thread-safe: one per operator instance.
 */
public final class RecordDecoder
{
    private final ProblemSink problems;
    private final Map<String, OpenW3cFile> openFiles;

    public RecordDecoder(ProblemSink problems, int openFiles)
    {
        this.problems = requireNonNull(problems, "problems is null");
        checkArgument(openFiles >= 1, "openFiles must be at least 1: %s", openFiles);
        this.openFiles = new LinkedHashMap<>(16, 0.75f, true)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OpenW3cFile> eldest)
            {
                return size() > openFiles;
            }
        };
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
        if (record.text().indexOf('\n') >= 0) {
            // A fed reader would keep the lines after the first for the next record; read it alone.
            return decodeW3cAlone(record, fields, date);
        }
        OpenW3cFile file = openFiles.get(record.fileKey());
        if (file == null) {
            file = new OpenW3cFile(record, problems);
            StringBuilder directives = new StringBuilder();
            date.ifPresent(line -> directives.append(line).append('\n'));
            fields.ifPresent(line -> directives.append(line).append('\n'));
            file.skip(directives.toString());
            openFiles.put(record.fileKey(), file);
        }
        return file.read(record, withoutByteOrderMark(record));
    }

    private Optional<Event> decodeW3cAlone(LogRecord record, Optional<String> fields, Optional<String> date)
    {
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

    /** An IIS file being read: its reader, and the record it is reading, for problem positions. */
    private static final class OpenW3cFile
    {
        private final FeedReader feed = new FeedReader();
        private final W3cReader reader;
        private LogRecord current;

        OpenW3cFile(LogRecord first, ProblemSink problems)
        {
            this.current = first;
            this.reader = new W3cReader(feed, first.file(), first.origin(),
                    problem -> problems.report(new ReadProblem(current.position(), problem.kind(), problem.message())));
        }

        /** Shows the reader directives that yield no event. */
        void skip(String directives)
        {
            feed.feed(directives);
            advance();
        }

        Optional<Event> read(LogRecord record, String line)
        {
            current = record;
            feed.feed(line + "\n");
            if (!advance()) {
                return Optional.empty();
            }
            Event event = reader.current();
            return Optional.of(new Event(event.origin(), record.position(), event.time(), event.logsource(), event.fields()));
        }

        private boolean advance()
        {
            try {
                return reader.advance();
            }
            catch (IOException e) {
                throw new UncheckedIOException("reading " + current.position() + " from memory failed", e);
            }
        }
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
