package dev.tradecraft.readers.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;

/**
 * Seeded random JSON: valid objects written one per line, pretty-printed and concatenated (with and
 * without evtx_dump Record lines) or as an array, then a few objects damaged by replaced or inserted
 * characters. The reader must not throw, and every undamaged object must come out exactly as it does
 * from the undamaged input. Run with {@code -Dtests.seed=N} to repeat a failure.
 */
public class TestWindowsJsonReaderRandom
{
    private static final Origin ORIGIN = new Origin("contoso", "sp01");
    private static final String NAME = "contoso/sp01/events.json";
    private static final int ITERATIONS = 150;
    // Characters that matter to JSON framing, and some that matter to nothing.
    private static final String DAMAGE = "{}[]\",:\\ \n\r\tR0ab\u0000é";
    private static final String STRING_CHARACTERS = "abcXYZ019 {}[]:,\"\\/\t\n\u0001é€\u2028😀R#-+";

    @Test
    public void testDamagedLinesDoNotHurtTheirNeighbours()
            throws IOException
    {
        long seed = seed();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Random random = new Random(seed + iteration);
            try {
                checkJsonLines(random);
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", iteration " + iteration + " (-Dtests.seed=" + (seed + iteration)
                        + " repeats it as iteration 0): " + e.getMessage(), e);
            }
        }
    }

    @Test
    public void testDamagedPrettyObjectsDoNotHurtTheirNeighbours()
            throws IOException
    {
        long seed = seed();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Random random = new Random(seed + iteration);
            try {
                checkPretty(random);
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", iteration " + iteration + " (-Dtests.seed=" + (seed + iteration)
                        + " repeats it as iteration 0): " + e.getMessage(), e);
            }
        }
    }

    private static void checkJsonLines(Random random)
            throws IOException
    {
        int count = 5 + random.nextInt(30);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            writeValue(line, randomEvent(random), -1, 0);
            lines.add(line.toString());
        }
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        Result clean = read(String.join(lineEnd, lines) + lineEnd);
        assertEquals(List.of(), clean.problems);
        assertEquals(count, clean.events.size());

        Set<Long> damaged = new TreeSet<>();
        int victims = 1 + random.nextInt(Math.max(1, count / 4));
        for (int i = 0; i < victims; i++) {
            int index = random.nextInt(count);
            lines.set(index, damage(random, lines.get(index), false));
            damaged.add((long) index + 1);
        }
        Result result = read(String.join(lineEnd, lines) + lineEnd);

        Map<Long, Event> byLine = new HashMap<>();
        for (Event event : result.events) {
            assertTrue(byLine.put(event.position().index(), event) == null || damaged.contains(event.position().index()),
                    "two events from one undamaged line");
        }
        for (Event event : clean.events) {
            long line = event.position().index();
            if (!damaged.contains(line)) {
                Event actual = byLine.get(line);
                if (damaged.contains(1L)) {
                    // Damage on line 1 can make the input look like an array; positions are then records.
                    actual = findContent(result.events, event);
                    assertTrue(actual != null, "undamaged line " + line + " was lost");
                }
                else {
                    assertEquals(event, actual, "undamaged line " + line);
                }
            }
        }
        for (ReadProblem problem : result.problems) {
            assertTrue(damaged.contains(problem.position().index()) || damaged.contains(1L), "a problem at an undamaged line: " + problem);
        }
        Set<Long> reportedLines = new TreeSet<>();
        for (ReadProblem problem : result.problems) {
            reportedLines.add(problem.position().index());
        }
        for (long line : damaged) {
            // Consecutive damaged lines of stray text are one stretch, reported once at its start.
            boolean reported = false;
            for (long at = line; damaged.contains(at) && !reported; at--) {
                reported = reportedLines.contains(at);
            }
            boolean blank = lines.get((int) line - 1).isBlank();
            assertTrue(reported || blank || byLine.containsKey(line) || damaged.contains(1L),
                    "damaged line " + line + " is an event or a problem");
        }
        assertTrue(result.skipped <= countSkippable(result.problems), "every skip is reported");
    }

    private static void checkPretty(Random random)
            throws IOException
    {
        int layout = random.nextInt(3);
        int indent = layout == 2 ? 4 : 2;
        int count = 2 + random.nextInt(12);
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder object = new StringBuilder();
            writeValue(object, random.nextBoolean() ? randomEvtxEvent(random) : randomEvent(random), indent, layout == 2 ? 1 : 0);
            objects.add(object.toString());
        }
        Result clean = read(join(objects, layout));
        assertEquals(List.of(), clean.problems);
        assertEquals(count, clean.events.size());

        Set<Integer> damaged = new TreeSet<>();
        int victims = 1 + random.nextInt(Math.max(1, count / 3));
        for (int i = 0; i < victims; i++) {
            int index = random.nextInt(count);
            objects.set(index, damage(random, objects.get(index), true));
            damaged.add(index);
        }
        Result result = read(join(objects, layout));

        // Undamaged objects come out in order and unchanged; damaged ones may vanish or change.
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (damaged.contains(i)) {
                continue;
            }
            Event expected = clean.events.get(i);
            while (next < result.events.size() && !sameContent(expected, result.events.get(next))) {
                next++;
            }
            assertTrue(next < result.events.size(), "undamaged object " + (i + 1) + " of " + count + " was lost (layout " + layout
                    + ", damaged " + damaged + ", problems " + result.problems + ")");
            next++;
        }
        assertTrue(result.skipped <= countSkippable(result.problems), "every skip is reported");
    }

    private static String join(List<String> objects, int layout)
    {
        StringBuilder text = new StringBuilder();
        if (layout == 2) {
            text.append("[\n");
        }
        for (int i = 0; i < objects.size(); i++) {
            if (layout == 0) {
                text.append("Record ").append(i + 1).append('\n');
            }
            if (layout == 2) {
                text.append("    ");
            }
            text.append(objects.get(i));
            if (layout == 2 && i + 1 < objects.size()) {
                text.append(',');
            }
            text.append('\n');
        }
        if (layout == 2) {
            text.append("]\n");
        }
        return text.toString();
    }

    /** Replaces or inserts a few characters; line ends stay unless {@code lineBreaks}. */
    private static String damage(Random random, String text, boolean lineBreaks)
    {
        StringBuilder damaged = new StringBuilder(text);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            char c;
            do {
                c = DAMAGE.charAt(random.nextInt(DAMAGE.length()));
            }
            while (!lineBreaks && (c == '\n' || c == '\r'));
            int at = random.nextInt(damaged.length() + 1);
            if (at < damaged.length() && random.nextBoolean()) {
                damaged.setCharAt(at, c);
            }
            else {
                damaged.insert(at, c);
            }
        }
        if (random.nextInt(8) == 0) {
            damaged.setLength(random.nextInt(damaged.length() + 1));
        }
        return damaged.toString();
    }

    private static Event findContent(List<Event> events, Event expected)
    {
        for (Event event : events) {
            if (sameContent(expected, event)) {
                return event;
            }
        }
        return null;
    }

    private static boolean sameContent(Event expected, Event actual)
    {
        return expected.fields().equals(actual.fields()) && expected.time().equals(actual.time())
                && expected.logsource().equals(actual.logsource());
    }

    private static long countSkippable(List<ReadProblem> problems)
    {
        long count = 0;
        for (ReadProblem problem : problems) {
            count += problem.kind() == ProblemKind.MALFORMED_JSON || problem.kind() == ProblemKind.TRUNCATED ? 1 : 0;
        }
        return count;
    }

    private static Map<String, Object> randomEvent(Random random)
    {
        Map<String, Object> event = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            event.put("EventID", (long) random.nextInt(10_000));
        }
        if (random.nextBoolean()) {
            event.put("Channel", random.nextBoolean() ? "Security" : randomString(random));
        }
        if (random.nextInt(3) == 0) {
            event.put("@timestamp", "2025-07-" + (10 + random.nextInt(20)) + "T18:06:15." + random.nextInt(1000) + "Z");
        }
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            event.put("F" + i + randomString(random), randomValue(random, 0));
        }
        if (random.nextInt(3) == 0) {
            Map<String, Object> winlog = new LinkedHashMap<>();
            winlog.put("event_id", String.valueOf(random.nextInt(5000)));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("CommandLine", randomString(random));
            winlog.put("event_data", data);
            event.put("winlog", winlog);
        }
        return event;
    }

    private static Map<String, Object> randomEvtxEvent(Random random)
    {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("SystemTime", "2025-07-18T18:06:" + (10 + random.nextInt(50)) + ".123456Z");
        Map<String, Object> timeCreated = new LinkedHashMap<>();
        timeCreated.put("#attributes", attributes);
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("EventID", (long) random.nextInt(10_000));
        system.put("TimeCreated", timeCreated);
        system.put("Correlation", null);
        system.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        Map<String, Object> eventData = new LinkedHashMap<>();
        int fields = 1 + random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            eventData.put("D" + i, randomValue(random, 1));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("System", system);
        body.put("EventData", eventData);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Event", body);
        return event;
    }

    private static Object randomValue(Random random, int depth)
    {
        int kind = random.nextInt(depth > 2 ? 4 : 6);
        switch (kind) {
            case 0:
                return randomString(random);
            case 1:
                return (long) random.nextInt();
            case 2:
                return random.nextBoolean();
            case 3:
                return null;
            case 4: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put("k" + i, randomValue(random, depth + 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random random)
    {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        while (text.length() < length) {
            int index = random.nextInt(STRING_CHARACTERS.length());
            char c = STRING_CHARACTERS.charAt(index);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(STRING_CHARACTERS.charAt(index + 1));
            }
            else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Writes JSON; {@code indent} < 0 writes it on one line, else pretty-printed from {@code level}. */
    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder out, Object value, int indent, int level)
    {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof String text) {
            writeString(out, text);
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, indent, level + 1);
                writeString(out, entry.getKey());
                out.append(indent < 0 ? ":" : ": ");
                writeValue(out, entry.getValue(), indent, level + 1);
            }
            if (!map.isEmpty()) {
                newline(out, indent, level);
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, indent, level + 1);
                writeValue(out, list.get(i), indent, level + 1);
            }
            if (!list.isEmpty()) {
                newline(out, indent, level);
            }
            out.append(']');
        }
        else {
            out.append(value);
        }
    }

    private static void newline(StringBuilder out, int indent, int level)
    {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void writeString(StringBuilder out, String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static Result read(String text)
            throws IOException
    {
        List<ReadProblem> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        try (WindowsJsonReader reader = new WindowsJsonReader(new StringReader(text), NAME, ORIGIN, problems::add)) {
            while (reader.advance()) {
                events.add(reader.current());
            }
            return new Result(events, problems, reader.linesOrRecordsSkipped());
        }
    }

    private record Result(List<Event> events, List<ReadProblem> problems, long skipped) {}

    private static long seed()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestWindowsJsonReaderRandom seed: " + seed);
        return seed;
    }
}
