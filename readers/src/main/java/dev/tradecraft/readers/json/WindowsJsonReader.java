package dev.tradecraft.readers.json;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.windows.EventTimestamps;
import dev.tradecraft.readers.windows.WindowsChannels;
import dev.tradecraft.readers.windows.WindowsFields;

/**
 * Streams Windows events from JSON: one object per line, concatenated pretty-printed objects
 * (evtx_dump {@code -o json}, {@code Record N} lines tolerated) or a top-level array. Objects are cut
 * out by {@link JsonObjectFramer} (which skips and reports damaged ones), parsed one at a time with
 * jackson's streaming parser and mapped by {@link WindowsEventMapper}.
 *
 * <p>Positions: {@code file:line} of the object when the input holds one object per line, else
 * {@code file:record N}, N counting the objects of the file from 1. Problems with the JSON itself
 * point to the line where the damaged object starts.
 *
 * <p>Time, from the first of these fields present: {@code TimeCreated_SystemTime},
 * {@code @timestamp}, {@code TimeCreated}, {@code timestamp}, {@code UtcTime}; see
 * {@link EventTimestamps}. A value that does not parse leaves the event without a time and is
 * reported as {@code BAD_TIMESTAMP}. Logsource: product {@code windows} when the event has an
 * {@code EventID} or a {@code Channel}, service from the channel; category is left to the rule
 * mappings. The reader closes {@code input} when closed.
 */
public final class WindowsJsonReader implements EventReader
{
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[] TIME_FIELDS = {"TimeCreated_SystemTime", "@timestamp", "TimeCreated", "timestamp", "UtcTime"};

    private final Reader input;
    private final String displayName;
    private final Origin origin;
    private final ProblemSink problems;
    private final JsonObjectFramer framer;
    private final WindowsEventMapper mapper = new WindowsEventMapper();
    private final WindowsFields fields = new WindowsFields();
    private Event current;
    private long unparsable;

    public WindowsJsonReader(Reader input, String displayName, Origin origin, ProblemSink problems)
    {
        this.input = requireNonNull(input, "input is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.origin = requireNonNull(origin, "origin is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.framer = new JsonObjectFramer(input, displayName, problems);
    }

    @Override
    public boolean advance() throws IOException
    {
        current = null;
        while (framer.next()) {
            Event event = parseObject();
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
        return LogFormat.WINDOWS_JSON;
    }

    @Override
    public long linesOrRecordsSkipped()
    {
        return framer.skipped() + unparsable;
    }

    @Override
    public void close() throws IOException
    {
        input.close();
    }

    private Event parseObject() throws IOException
    {
        fields.clear();
        try (JsonParser parser = JSON.createParser(framer.buffer(), 0, framer.length())) {
            mapper.map(parser, fields);
        }
        catch (JsonProcessingException e) {
            unparsable++;
            long startLine = framer.objectStartLine();
            JsonLocation location = e.getLocation();
            long errorLine = location == null || location.getLineNr() < 1 ? startLine : startLine + location.getLineNr() - 1;
            problems.report(new ReadProblem(SourcePosition.line(displayName, startLine), ProblemKind.MALFORMED_JSON,
                    "object starting here is not valid JSON (line " + errorLine + ": " + e.getOriginalMessage() + "); skipped"));
            return null;
        }
        SourcePosition position = framer.compactLayout() && !framer.objectInArray()
                ? SourcePosition.line(displayName, framer.objectStartLine())
                : SourcePosition.record(displayName, framer.recordIndex());
        return new Event(origin, position, time(position), WindowsChannels.logsource(fields), fields.toEventFields());
    }

    private Optional<Instant> time(SourcePosition position)
    {
        for (String name : TIME_FIELDS) {
            String value = fields.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            Instant instant = EventTimestamps.parse(value);
            if (instant == null) {
                problems.report(new ReadProblem(position, ProblemKind.BAD_TIMESTAMP,
                        name + " '" + value + "' is not an ISO-8601 or /Date(ms)/ time; event kept without a time"));
                return Optional.empty();
            }
            return Optional.of(instant);
        }
        return Optional.empty();
    }

}
