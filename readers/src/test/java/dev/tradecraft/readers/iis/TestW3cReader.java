package dev.tradecraft.readers.iis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.ReaderException;
import dev.tradecraft.readers.Readers;

public class TestW3cReader
{
    private static final Origin ORIGIN = new Origin("contoso", "web01");
    private static final String NAME = "contoso/web01/u_ex250718.log";
    private static final String FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";
    private static final String EXPLOIT = "2025-07-18 18:06:14 198.51.100.10 POST /_layouts/15/ToolPane.aspx "
            + "DisplayMode=Edit&a=/ToolPane.aspx 443 - 192.0.2.44 "
            + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:120.0)+Gecko/20100101+Firefox/120.0 /_layouts/SignOut.aspx 200 0 0 1532\n";
    private static final String FIREFOX_120 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";

    @TempDir
    Path directory;

    private final List<ReadProblem> problems = new ArrayList<>();

    @Test
    public void testReadsFixtureWithRestartAndCustomField()
            throws Exception
    {
        Path file = directory.resolve("u_ex250718.log");
        try (InputStream fixture = getClass().getResourceAsStream("u_ex250718.log")) {
            Files.copy(fixture, file);
        }
        List<Event> events = new ArrayList<>();
        try (EventReader reader = Readers.open(file, NAME, ORIGIN, problems::add)) {
            assertEquals(LogFormat.IIS_W3C, reader.format());
            while (reader.advance()) {
                events.add(reader.current());
            }
            assertEquals(0, reader.linesOrRecordsSkipped());
        }
        assertEquals(List.of(), problems);
        assertEquals(5, events.size());

        Event exploit = events.get(1);
        assertEquals(SourcePosition.line(NAME, 6), exploit.position());
        assertEquals(ORIGIN, exploit.origin());
        assertEquals(new Logsource("windows", "webserver", "iis"), exploit.logsource());
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:14Z")), exploit.time());
        assertEquals("POST", exploit.field("cs-method"));
        assertEquals("/_layouts/15/ToolPane.aspx", exploit.field("cs-uri-stem"));
        assertEquals("DisplayMode=Edit&a=/ToolPane.aspx", exploit.field("cs-uri-query"));
        assertEquals(FIREFOX_120, exploit.field("cs-user-agent"));
        assertEquals("/_layouts/SignOut.aspx", exploit.field("cs-referer"));
        assertEquals("", exploit.field("cs-username"));
        assertEquals("2025-07-18", exploit.field("date"));
        assertEquals("18:06:14", exploit.field("time"));

        // After the restart at line 8 the second #Fields applies: more columns, a custom header field.
        Event viewState = events.get(3);
        assertEquals(SourcePosition.line(NAME, 12), viewState.position());
        assertEquals("W3SVC1", viewState.field("s-sitename"));
        assertEquals("__VIEWSTATE=%2FwEy5xQAAQAAAP%2F%2F%2F%2F8BAAAA&__VIEWSTATEGENERATOR=AF878507", viewState.field("cs-uri-query"));
        assertEquals("sp.example.org", viewState.field("cs-host"));
        assertEquals("734", viewState.field("cs-bytes"));
        assertEquals("203.0.113.150", viewState.field("X-Forwarded-For"));
        assertEquals(20, viewState.fields().size());

        Event signedIn = events.get(4);
        assertEquals("EXAMPLE\\jane doe", signedIn.field("cs-username"));
        assertEquals("192.0.2.7, 198.51.100.1", signedIn.field("X-Forwarded-For"));
        assertEquals("https://sp.example.org/sites/hr", signedIn.field("cs-referer"));
    }

    @Test
    public void testDirectivesMidFileAreNotEvents()
            throws IOException
    {
        List<Event> events = read("#Software: Microsoft Internet Information Services 10.0\n" + FIELDS + EXPLOIT
                + "#Remark: app pool recycled\n#Date: 2025-07-18 19:00:00\n#Version: 1.0\n#Start-Date: 2025-07-18 19:00:00\n" + EXPLOIT);
        assertEquals(2, events.size());
        assertEquals(3, events.get(0).position().index());
        assertEquals(8, events.get(1).position().index());
        assertEquals(List.of(), problems);
    }

    @Test
    public void testFieldsDirectiveChangesMidFile()
            throws IOException
    {
        List<Event> events = read(FIELDS + EXPLOIT
                + "#Fields: time c-ip cs-method date cs-uri-stem sc-status\n"
                + "18:07:00 192.0.2.44 GET 2025-07-18 /_layouts/15/spinstall0.aspx 200\n");
        assertEquals(2, events.size());
        Event second = events.get(1);
        assertEquals(List.of("time", "c-ip", "cs-method", "date", "cs-uri-stem", "sc-status"), List.copyOf(second.fields().asMap().keySet()));
        assertEquals("/_layouts/15/spinstall0.aspx", second.field("cs-uri-stem"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:07:00Z")), second.time());
        assertNull(second.field("cs-user-agent"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testFieldOrderFollowsTheDirective()
            throws IOException
    {
        List<Event> events = read("#Fields: cs(User-Agent) sc-status c-ip time date\n"
                + "curl/8.5.0 404 203.0.113.200 02:12:55 2025-07-20\n");
        Event event = events.get(0);
        assertEquals(List.of("cs-user-agent", "sc-status", "c-ip", "time", "date"), List.copyOf(event.fields().asMap().keySet()));
        assertEquals("404", event.field("sc-status"));
        assertEquals(Optional.of(Instant.parse("2025-07-20T02:12:55Z")), event.time());
    }

    @Test
    public void testHeaderFieldNamesBecomeSigmaNames()
    {
        assertEquals("cs-user-agent", W3cFieldsHeader.eventName("cs(User-Agent)"));
        assertEquals("cs-referer", W3cFieldsHeader.eventName("cs(Referer)"));
        assertEquals("cs-cookie", W3cFieldsHeader.eventName("cs(Cookie)"));
        assertEquals("cs-host", W3cFieldsHeader.eventName("cs(Host)"));
        assertEquals("sc-content-type", W3cFieldsHeader.eventName("sc(Content-Type)"));
        assertEquals("s-x-custom", W3cFieldsHeader.eventName("s(X-Custom)"));
        assertEquals("cs-uri-stem", W3cFieldsHeader.eventName("cs-uri-stem"));
        assertEquals("X-Forwarded-For", W3cFieldsHeader.eventName("X-Forwarded-For"));
        assertEquals("cs()", W3cFieldsHeader.eventName("cs()"));
    }

    @Test
    public void testCustomFieldsKeepTheirNameAndDecodePlus()
            throws IOException
    {
        List<Event> events = read("#Fields: date time c-ip x-forwarded-for OriginalIP cs(Cookie) sc-bytes\n"
                + "2025-07-18 18:06:14 198.51.100.2 192.0.2.44,+203.0.113.9 192.0.2.44 a=1;+b=2 1+2\n");
        Event event = events.get(0);
        assertEquals("192.0.2.44, 203.0.113.9", event.field("x-forwarded-for"));
        assertEquals("192.0.2.44", event.field("OriginalIP"));
        assertEquals("a=1; b=2", event.field("cs-cookie"));
        assertEquals("1+2", event.field("sc-bytes"), "standard numeric columns are not header text");
    }

    @Test
    public void testUriStemAndQueryStayRaw()
            throws IOException
    {
        List<Event> events = read(FIELDS + "2025-07-18 18:06:14 198.51.100.10 GET /a+b/c%20d.aspx q=1+2&r=%2B 443 "
                + "EXAMPLE\\svc+web 192.0.2.44 UA+with+spaces /ref+page 200 0 0 1\n");
        Event event = events.get(0);
        assertEquals("/a+b/c%20d.aspx", event.field("cs-uri-stem"));
        assertEquals("q=1+2&r=%2B", event.field("cs-uri-query"));
        assertEquals("EXAMPLE\\svc web", event.field("cs-username"));
        assertEquals("UA with spaces", event.field("cs-user-agent"));
        assertEquals("/ref page", event.field("cs-referer"));
    }

    @Test
    public void testDashAloneIsAnEmptyValueThatIsPresent()
            throws IOException
    {
        List<Event> events = read(FIELDS + "2025-07-18 17:59:40 198.51.100.10 GET /-/start.aspx - 443 - 203.0.113.9 - -- 200 0 0 188\n");
        Event event = events.get(0);
        assertTrue(event.fields().contains("cs-uri-query"));
        assertEquals("", event.field("cs-uri-query"));
        assertEquals("", event.field("cs-user-agent"));
        assertEquals("--", event.field("cs-referer"));
        assertEquals("/-/start.aspx", event.field("cs-uri-stem"));
    }

    @Test
    public void testCrlfAndLfLineEndsReadAlike()
            throws IOException
    {
        String lf = "#Software: Microsoft Internet Information Services 10.0\n" + FIELDS + EXPLOIT + EXPLOIT;
        List<Event> fromLf = read(lf);
        List<Event> fromCrlf = read(lf.replace("\n", "\r\n"));
        assertEquals(2, fromCrlf.size());
        assertEquals(fromLf.get(1).fields(), fromCrlf.get(1).fields());
        assertEquals("1532", fromCrlf.get(1).field("time-taken"));
        assertEquals(fromLf.get(1).position(), fromCrlf.get(1).position());
        assertEquals(List.of(), problems);
    }

    @Test
    public void testByteOrderMarkAtStartIsIgnored()
            throws IOException
    {
        List<Event> events = read("\uFEFF" + FIELDS + EXPLOIT);
        assertEquals(1, events.size());
        assertEquals("2025-07-18", events.get(0).field("date"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testTooManyValuesIsSkipped()
            throws IOException
    {
        List<Event> events = read(FIELDS + EXPLOIT.replace(" 1532", " 1532 extra") + EXPLOIT);
        assertEquals(1, events.size());
        assertEquals(3, events.get(0).position().index());
        assertEquals(1, problems.size());
        assertEquals(ProblemKind.MALFORMED_LINE, problems.get(0).kind());
        assertEquals(SourcePosition.line(NAME, 2), problems.get(0).position());
        assertEquals(NAME + ":2: MALFORMED_LINE: more than 15 values where #Fields at line 1 names 15", problems.get(0).toString());
    }

    @Test
    public void testTooFewValuesIsSkipped()
            throws IOException
    {
        W3cReader reader = reader(FIELDS + EXPLOIT + EXPLOIT.replace(" /_layouts/SignOut.aspx", "") + EXPLOIT);
        List<Event> events = drain(reader);
        assertEquals(2, events.size());
        assertEquals(List.of(2L, 4L), List.of(events.get(0).position().index(), events.get(1).position().index()));
        assertEquals(1, reader.linesOrRecordsSkipped());
        assertEquals("14 values where #Fields at line 1 names 15", problems.get(0).message());
        assertEquals(3, problems.get(0).position().index());
    }

    @Test
    public void testBadTimeKeepsTheEventWithoutTime()
            throws IOException
    {
        W3cReader reader = reader(FIELDS + EXPLOIT.replace("18:06:14", "18:61:14") + EXPLOIT.replace("2025-07-18", "2025-02-30"));
        List<Event> events = drain(reader);
        assertEquals(2, events.size());
        assertEquals(Optional.empty(), events.get(0).time());
        assertEquals("18:61:14", events.get(0).field("time"));
        assertEquals(Optional.empty(), events.get(1).time());
        assertEquals(List.of(ProblemKind.BAD_TIMESTAMP, ProblemKind.BAD_TIMESTAMP), kinds());
        assertEquals(SourcePosition.line(NAME, 3), problems.get(1).position());
        assertEquals(0, reader.linesOrRecordsSkipped(), "an event without time is not skipped");
    }

    @Test
    public void testFractionalSecondsAreKept()
            throws IOException
    {
        List<Event> events = read("#Fields: date time c-ip\n2025-07-18 18:06:14.250 192.0.2.44\n");
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:14.250Z")), events.get(0).time());
    }

    @Test
    public void testDateDirectiveSuppliesTheDateWhenNoDateField()
            throws IOException
    {
        List<Event> events = read("#Date: 2025-07-19 00:00:00\n#Fields: time c-ip cs-method\n07:31:02 192.0.2.45 POST\n");
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:31:02Z")), events.get(0).time());
        assertNull(events.get(0).field("date"));
    }

    @Test
    public void testGzipFileIsReadTransparently()
            throws Exception
    {
        Path file = directory.resolve("u_ex250718.log.gz");
        byte[] text = ("#Software: Microsoft Internet Information Services 10.0\n" + FIELDS + EXPLOIT + EXPLOIT).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(text);
        }
        Files.write(file, compressed.toByteArray());
        try (EventReader reader = Readers.open(file, NAME, ORIGIN, problems::add)) {
            assertEquals(LogFormat.IIS_W3C, reader.format());
            List<Event> events = drain(reader);
            assertEquals(2, events.size());
            assertEquals(FIREFOX_120, events.get(1).field("cs-user-agent"));
            assertEquals(4, events.get(1).position().index());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    public void testLineLongerThanOneMebibyteIsSkipped()
            throws IOException
    {
        String huge = EXPLOIT.replace("DisplayMode=Edit", "q=" + "A".repeat(LineReader.MAX_LINE_CHARS + 10));
        W3cReader reader = reader(FIELDS + EXPLOIT + huge + EXPLOIT);
        List<Event> events = drain(reader);
        assertEquals(2, events.size());
        assertEquals(4, events.get(1).position().index());
        assertEquals(1, reader.linesOrRecordsSkipped());
        assertEquals(ProblemKind.MALFORMED_LINE, problems.get(0).kind());
        assertEquals(3, problems.get(0).position().index());
        assertTrue(problems.get(0).message().startsWith("line is longer than 1 MiB"), problems.get(0).message());
    }

    @Test
    public void testDataBeforeFieldsUsesTheDefaultSetAndWarnsOnce()
            throws IOException
    {
        W3cReader reader = reader("#Software: Microsoft Internet Information Services 10.0\n" + EXPLOIT + EXPLOIT);
        List<Event> events = drain(reader);
        assertEquals(2, events.size());
        assertEquals(FIREFOX_120, events.get(0).field("cs-user-agent"));
        assertEquals("192.0.2.44", events.get(1).field("c-ip"));
        assertEquals(List.of(ProblemKind.MISSING_FIELDS_DIRECTIVE), kinds());
        assertEquals(2, problems.get(0).position().index());
        assertEquals(0, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testBlankLinesAreIgnoredSilently()
            throws IOException
    {
        List<Event> events = read("\n" + FIELDS + "\n   \n\t\n" + EXPLOIT + "\r\n");
        assertEquals(1, events.size());
        assertEquals(6, events.get(0).position().index());
        assertEquals(List.of(), problems);
    }

    @Test
    public void testUnknownDirectiveAndEmptyFieldsAreReported()
            throws IOException
    {
        W3cReader reader = reader(FIELDS + "#Bogus: x\n#Fields:\n" + EXPLOIT);
        List<Event> events = drain(reader);
        assertEquals(1, events.size(), "the empty #Fields keeps the previous field list");
        assertEquals(List.of(ProblemKind.MALFORMED_LINE, ProblemKind.MALFORMED_LINE), kinds());
        assertEquals("not a W3C directive, and 2 values where #Fields at line 1 names 15", problems.get(0).message());
        assertEquals("#Fields directive names no fields; keeping #Fields at line 1", problems.get(1).message());
        assertEquals(2, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testValueStartingWithHashInFirstColumnIsData()
            throws IOException
    {
        List<Event> events = read("#Fields: cs(User-Agent) c-ip\n#Fields:+date+time 192.0.2.44\n#Software:x 192.0.2.45\n#Fields: c-ip\n192.0.2.46\n");
        assertEquals(3, events.size());
        assertEquals("#Fields: date time", events.get(0).field("cs-user-agent"));
        assertEquals("#Software:x", events.get(1).field("cs-user-agent"));
        assertEquals("192.0.2.46", events.get(2).field("c-ip"));
        assertFalse(events.get(2).fields().contains("cs-user-agent"), "the real #Fields directive still applies");
        assertEquals(List.of(), problems);
    }

    @Test
    public void testLastLineWithoutLineEndIsRead()
            throws IOException
    {
        List<Event> events = read(FIELDS + EXPLOIT.strip());
        assertEquals(1, events.size());
        assertEquals("1532", events.get(0).field("time-taken"));
    }

    @Test
    public void testCurrentBeforeAdvanceFails()
            throws IOException
    {
        W3cReader reader = reader(FIELDS + EXPLOIT);
        assertThrows(IllegalStateException.class, reader::current);
        assertTrue(reader.advance());
        assertFalse(reader.advance());
        assertThrows(IllegalStateException.class, reader::current);
    }

    @Test
    public void testOpenRejectsW3cDataWithoutDirectives()
            throws IOException
    {
        Path file = directory.resolve("no-header.log");
        Files.writeString(file, EXPLOIT);
        ReaderException e = assertThrows(ReaderException.class, () -> Readers.open(file, NAME, ORIGIN, problems::add));
        assertEquals(ProblemKind.UNKNOWN_FORMAT, e.problem().kind());
    }

    private W3cReader reader(String text)
    {
        return new W3cReader(new StringReader(text), NAME, ORIGIN, problems::add);
    }

    private List<Event> read(String text)
            throws IOException
    {
        try (W3cReader reader = reader(text)) {
            return drain(reader);
        }
    }

    private static List<Event> drain(EventReader reader)
            throws IOException
    {
        List<Event> events = new ArrayList<>();
        while (reader.advance()) {
            events.add(reader.current());
        }
        return events;
    }

    private List<ProblemKind> kinds()
    {
        List<ProblemKind> kinds = new ArrayList<>();
        for (ReadProblem problem : problems) {
            kinds.add(problem.kind());
        }
        return kinds;
    }
}
