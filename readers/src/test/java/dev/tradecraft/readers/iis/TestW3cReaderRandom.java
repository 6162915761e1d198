package dev.tradecraft.readers.iis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.ReaderException;
import dev.tradecraft.readers.Readers;

/**
 * Seeded random input: valid lines mixed with junk, and valid files with corrupted bytes. Whatever
 * happens to one line, the reader must not throw, must account for the line with an event or a
 * problem at that line, and must read every untouched line exactly as it would without the damage.
 * Run with {@code -Dtests.seed=N} to repeat a failure.
 */
public class TestW3cReaderRandom
{
    private static final Origin ORIGIN = new Origin("contoso", "web01");
    private static final String NAME = "contoso/web01/u_ex250718.log";
    private static final int ITERATIONS = 150;
    // Declared name -> event name; PLUS_DECODED lists the columns where IIS wrote '+' for blanks.
    private static final Map<String, String> POOL = new LinkedHashMap<>();
    private static final Set<String> PLUS_DECODED = Set.of("cs(User-Agent)", "cs(Referer)", "cs(Cookie)", "cs-username",
            "X-Forwarded-For", "cs-host");

    static {
        POOL.put("s-ip", "s-ip");
        POOL.put("cs-method", "cs-method");
        POOL.put("cs-uri-stem", "cs-uri-stem");
        POOL.put("cs-uri-query", "cs-uri-query");
        POOL.put("s-port", "s-port");
        POOL.put("cs-username", "cs-username");
        POOL.put("c-ip", "c-ip");
        POOL.put("cs(User-Agent)", "cs-user-agent");
        POOL.put("cs(Referer)", "cs-referer");
        POOL.put("cs(Cookie)", "cs-cookie");
        POOL.put("cs-host", "cs-host");
        POOL.put("sc-status", "sc-status");
        POOL.put("sc-bytes", "sc-bytes");
        POOL.put("time-taken", "time-taken");
        POOL.put("X-Forwarded-For", "X-Forwarded-For");
    }

    @TempDir
    Path directory;

    @Test
    public void testRandomLinesAmongJunk()
            throws IOException
    {
        long seed = seed();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Random random = new Random(seed + iteration);
            try {
                checkRandomLines(random);
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", iteration " + iteration + " (-Dtests.seed=" + (seed + iteration)
                        + " with iteration 0): " + e.getMessage(), e);
            }
        }
    }

    @Test
    public void testCorruptedBytesDamageOnlyTheirLine()
            throws IOException
    {
        long seed = seed();
        for (int iteration = 0; iteration < ITERATIONS / 3; iteration++) {
            Random random = new Random(seed + iteration);
            try {
                checkCorruptedBytes(random);
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", iteration " + iteration + ": " + e.getMessage(), e);
            }
        }
    }

    private void checkRandomLines(Random random)
            throws IOException
    {
        List<String> declared = randomFields(random);
        StringBuilder text = new StringBuilder();
        Map<Long, Map<String, String>> expected = new HashMap<>();
        Map<Long, Instant> expectedTimes = new HashMap<>();
        Set<Long> junk = new TreeSet<>();
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        long line = 1;
        text.append("#Software: Microsoft Internet Information Services 10.0").append(lineEnd);
        text.append("#Fields: ").append(String.join(" ", declared)).append(lineEnd);
        line += 2;
        int lines = 20 + random.nextInt(60);
        for (int i = 0; i < lines; i++, line++) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                Instant time = Instant.ofEpochSecond(1_752_000_000L + random.nextInt(1_000_000));
                List<String> values = new ArrayList<>();
                Map<String, String> fields = new LinkedHashMap<>();
                for (String name : declared) {
                    String value = randomValue(random, name, time);
                    values.add(value);
                    fields.put(eventName(name), expectedValue(name, value));
                }
                text.append(String.join(" ", values));
                expected.put(line, fields);
                expectedTimes.put(line, time);
            }
            else if (kind == 7) {
                text.append(random.nextBoolean() ? "" : "  \t");
            }
            else if (kind == 8) {
                text.append(random.nextBoolean() ? "#Remark: " + randomToken(random, 10) : "#Fields: " + String.join(" ", declared));
            }
            else {
                text.append(randomJunk(random));
                junk.add(line);
            }
            text.append(lineEnd);
        }

        List<ReadProblem> problems = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        long skipped;
        try (W3cReader reader = new W3cReader(new StringReader(text.toString()), NAME, ORIGIN, problems::add)) {
            while (reader.advance()) {
                events.add(reader.current());
            }
            skipped = reader.linesOrRecordsSkipped();
        }

        Set<Long> accounted = new TreeSet<>();
        for (Event event : events) {
            long at = event.position().index();
            Map<String, String> fields = expected.get(at);
            if (fields != null) {
                assertEquals(fields, event.fields().asMap(), "line " + at);
                assertEquals(expectedTimes.get(at), event.time().orElseThrow(), "line " + at);
            }
            else {
                assertTrue(junk.contains(at), "an event from a line that held no data: " + at);
            }
            accounted.add(at);
        }
        long malformed = 0;
        for (ReadProblem problem : problems) {
            long at = problem.position().index();
            assertTrue(junk.contains(at), "a problem at a valid line: " + problem);
            malformed += problem.kind() == ProblemKind.MALFORMED_LINE ? 1 : 0;
            accounted.add(at);
        }
        assertTrue(accounted.containsAll(expected.keySet()), "every valid line is read");
        assertTrue(accounted.containsAll(junk), "every junk line is an event or a problem");
        assertEquals(malformed, skipped);
    }

    private void checkCorruptedBytes(Random random)
            throws IOException
    {
        List<String> declared = randomFields(random);
        List<String> lines = new ArrayList<>();
        lines.add("#Software: Microsoft Internet Information Services 10.0");
        lines.add("#Fields: " + String.join(" ", declared));
        int count = 100 + random.nextInt(100);
        for (int i = 0; i < count; i++) {
            Instant time = Instant.ofEpochSecond(1_752_000_000L + random.nextInt(1_000_000));
            List<String> values = new ArrayList<>();
            for (String name : declared) {
                values.add(randomValue(random, name, time));
            }
            lines.add(String.join(" ", values));
        }
        List<Event> clean = readFile(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), new ArrayList<>());

        // Replace a few bytes inside a few data lines; line ends stay.
        List<byte[]> encoded = new ArrayList<>();
        for (String line : lines) {
            encoded.add(line.getBytes(StandardCharsets.UTF_8));
        }
        Set<Long> damaged = new TreeSet<>();
        int victims = 1 + random.nextInt(10);
        for (int i = 0; i < victims; i++) {
            int index = 2 + random.nextInt(count);
            byte[] bytes = encoded.get(index);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                byte replacement = (byte) random.nextInt(256);
                bytes[random.nextInt(bytes.length)] = replacement == '\n' ? (byte) ' ' : replacement;
            }
            damaged.add((long) index + 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] bytes : encoded) {
            out.write(bytes, 0, bytes.length);
            out.write('\r');
            out.write('\n');
        }
        List<ReadProblem> problems = new ArrayList<>();
        List<Event> read = readFile(out.toByteArray(), problems);

        Map<Long, Event> byLine = new HashMap<>();
        for (Event event : read) {
            byLine.put(event.position().index(), event);
        }
        for (Event event : clean) {
            long at = event.position().index();
            if (!damaged.contains(at)) {
                assertEquals(event, byLine.get(at), "untouched line " + at);
            }
        }
        for (ReadProblem problem : problems) {
            assertTrue(damaged.contains(problem.position().index()), "a problem at an untouched line: " + problem);
        }
        for (long at : damaged) {
            boolean reported = false;
            for (ReadProblem problem : problems) {
                reported |= problem.position().index() == at;
            }
            assertTrue(reported || byLine.containsKey(at), "damaged line " + at + " is an event or a problem");
        }
    }

    private List<Event> readFile(byte[] content, List<ReadProblem> problems)
            throws IOException
    {
        Path file = Files.createTempFile(directory, "u_ex", ".log");
        Files.write(file, content);
        List<Event> events = new ArrayList<>();
        try (EventReader reader = Readers.open(file, NAME, ORIGIN, problems::add)) {
            while (reader.advance()) {
                events.add(reader.current());
            }
        }
        catch (ReaderException e) {
            fail("valid header not recognised: " + e.getMessage());
        }
        return events;
    }

    private static List<String> randomFields(Random random)
    {
        List<String> pool = new ArrayList<>(POOL.keySet());
        List<String> declared = new ArrayList<>();
        declared.add("date");
        declared.add("time");
        for (String name : pool) {
            if (random.nextInt(3) > 0) {
                declared.add(name);
            }
        }
        Collections.shuffle(declared, random);
        return declared;
    }

    private static String eventName(String declared)
    {
        String mapped = POOL.get(declared);
        return mapped == null ? declared : mapped;
    }

    private static String randomValue(Random random, String name, Instant time)
    {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        if (name.equals("date")) {
            return utc.toLocalDate().toString();
        }
        if (name.equals("time")) {
            return utc.toLocalTime().toString().length() == 5 ? utc.toLocalTime() + ":00" : utc.toLocalTime().toString();
        }
        if (random.nextInt(6) == 0) {
            return "-";
        }
        return randomToken(random, 1 + random.nextInt(30));
    }

    private static String expectedValue(String name, String value)
    {
        if (value.equals("-")) {
            return "";
        }
        return PLUS_DECODED.contains(name) ? value.replace('+', ' ') : value;
    }

    /** A value as IIS writes it: no blanks, any other printable text including '+', '-', '#', quotes, non-ASCII. */
    private static String randomToken(Random random, int length)
    {
        String alphabet = "abcXYZ019+-#%&=/;:.,()[]{}\"'\\?~é€😀";
        StringBuilder token = new StringBuilder();
        while (token.length() < length) {
            int index = random.nextInt(alphabet.length());
            char c = alphabet.charAt(index);
            if (Character.isHighSurrogate(c)) {
                token.append(c).append(alphabet.charAt(index + 1));
            }
            else if (!Character.isLowSurrogate(c)) {
                token.append(c);
            }
        }
        return token.toString();
    }

    /** Random text that does not start a directive; it may or may not split into the right number of values. */
    private static String randomJunk(Random random)
    {
        String alphabet = "ab -+\t\u0000\u001b\"{}é ";
        StringBuilder junk = new StringBuilder("x");
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            junk.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return junk.toString();
    }

    private static long seed()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestW3cReaderRandom seed: " + seed);
        return seed;
    }
}
