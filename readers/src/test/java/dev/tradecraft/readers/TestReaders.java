package dev.tradecraft.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;

public class TestReaders
{
    private static final Origin ORIGIN = new Origin("contoso", "web01");
    private static final String IIS = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
            + "#Fields: date time c-ip cs-method cs-uri-stem sc-status\r\n"
            + "2025-07-18 18:06:14 192.0.2.44 POST /_layouts/15/ToolPane.aspx 200\r\n";
    private static final String EVTX_DUMP = "Record 1\n{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": 4688\n    }\n  }\n}\n";
    private static final String W3C_DATA_ONLY = "2025-07-18 18:06:14 198.51.100.10 POST /_layouts/15/ToolPane.aspx - 443 - 192.0.2.44 - - 200 0 0 1532\n";

    @TempDir
    Path directory;

    private final List<ReadProblem> problems = new ArrayList<>();

    @Test
    public void testSniffsIisByItsDirectives()
            throws IOException
    {
        assertSniffed(IIS, LogFormat.IIS_W3C, "IIS W3C (#Software: Microsoft Internet Information Services 10.0)");
        assertSniffed("#Version: 1.0\n", LogFormat.IIS_W3C, "IIS W3C (#Version: 1.0)");
        assertSniffed("\n\n#Fields: date time c-ip\n", LogFormat.IIS_W3C, "IIS W3C (#Fields: date time c-ip)");
        assertSniffed("#Date: 2025-07-18 00:00:00\n", LogFormat.IIS_W3C, "IIS W3C (#Date: 2025-07-18 00:00:00)");
        assertSniffed("\uFEFF#Software: Microsoft Internet Information Services 8.5\n", LogFormat.IIS_W3C,
                "IIS W3C (#Software: Microsoft Internet Information Services 8.5)");
    }

    @Test
    public void testSniffsJsonByItsFirstCharacter()
            throws IOException
    {
        assertSniffed("{\"EventID\":1}\n", LogFormat.WINDOWS_JSON, "Windows events as JSON (starts with '{')");
        assertSniffed("  \r\n[\n{}]", LogFormat.WINDOWS_JSON, "Windows events as JSON (starts with '[')");
        assertSniffed(EVTX_DUMP, LogFormat.WINDOWS_JSON, "Windows events as JSON (evtx_dump output: 'Record 1' then '{')");
    }

    @Test
    public void testSniffsByContentNotByName()
            throws IOException
    {
        Path file = directory.resolve("looks-like.json");
        Files.writeString(file, IIS);
        assertEquals(Optional.of(LogFormat.IIS_W3C), Readers.sniff(file).format());
    }

    @Test
    public void testEmptyAndBlankFiles()
            throws IOException
    {
        assertUnreadable(new byte[0], "empty file");
        assertUnreadable(" \n\r\n\t\n".getBytes(StandardCharsets.UTF_8), "only blank lines");
        byte[] blankThenText = (" ".repeat(ContentInput.PREFIX_BYTES) + "\n{}").getBytes(StandardCharsets.UTF_8);
        assertUnreadable(blankThenText, Sniffer.UNKNOWN_REASON + " (the first 64 KiB are blank)");
    }

    @Test
    public void testBinaryContent()
            throws IOException
    {
        assertUnreadable(new byte[] {'#', 'F', 0, 1, 2, 3}, "binary content (NUL bytes in first 4 KiB)");
        byte[] nulInLog = (IIS + IIS.repeat(20)).getBytes(StandardCharsets.UTF_8);
        nulInLog[200] = 0;
        assertEquals(Optional.of(LogFormat.IIS_W3C), sniff(nulInLog).format(), "one NUL is damage, not a binary file");
        byte[] controls = new byte[1000];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertUnreadable(controls, "binary content (mostly non-text bytes in first 4 KiB)");
        byte[] invalidUtf8 = new byte[1000];
        Arrays.fill(invalidUtf8, (byte) 0xC3);
        assertUnreadable(invalidUtf8, "binary content (mostly non-text bytes in first 4 KiB)");
        assertUnreadable("#Fields: date\n".getBytes(StandardCharsets.UTF_16LE),
                "binary content (NUL bytes in first 4 KiB; UTF-16 text without a byte-order mark?)");
    }

    @Test
    public void testEvtxIsReadAndArchivesAreNamed()
            throws Exception
    {
        byte[] evtx = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(StandardCharsets.ISO_8859_1), 0, evtx, 0, 8);
        assertEquals(new Sniffed(Optional.of(LogFormat.EVTX), false, "EVTX binary event log (ElfFile signature)"), sniff(evtx));
        try (EventReader reader = Readers.open(write(evtx), "contoso/dc01/Security.evtx", ORIGIN, problems::add)) {
            assertEquals(LogFormat.EVTX, reader.format());
            assertFalse(reader.advance());
        }
        // A header of zeros does not carry the checksum of its first 120 bytes.
        assertEquals(List.of(ProblemKind.BAD_CHECKSUM), problems.stream().map(ReadProblem::kind).toList());
        ReadProblem cut = openFailure(Arrays.copyOf(evtx, 40));
        assertEquals(ProblemKind.TRUNCATED, cut.kind());
        assertEquals("contoso/web01/file:offset 0: TRUNCATED: EVTX file ends inside its header, after 40 bytes", cut.toString());
        assertUnreadable(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "zip archive: not read, unpack it first");
    }

    @Test
    public void testUnknownText()
            throws IOException
    {
        assertUnreadable(W3C_DATA_ONLY.getBytes(StandardCharsets.UTF_8), "no known log format in the first lines");
        assertUnreadable("Jul 18 18:06:14 sp01 sshd[42]: Accepted\n".getBytes(StandardCharsets.UTF_8), "no known log format in the first lines");
        assertUnreadable("Record one\n{}".getBytes(StandardCharsets.UTF_8), "no known log format in the first lines");
        ReadProblem problem = openFailure(W3C_DATA_ONLY.getBytes(StandardCharsets.UTF_8));
        assertEquals(ProblemKind.UNKNOWN_FORMAT, problem.kind());
        assertEquals("contoso/web01/file:offset 0: UNKNOWN_FORMAT: no known log format in the first lines", problem.toString());
    }

    @Test
    public void testGzipOfEachKind()
            throws IOException
    {
        assertEquals(new Sniffed(Optional.of(LogFormat.IIS_W3C), true,
                "IIS W3C (#Software: Microsoft Internet Information Services 10.0), gzip-compressed"), sniff(gzip(IIS)));
        assertEquals(new Sniffed(Optional.of(LogFormat.WINDOWS_JSON), true,
                "Windows events as JSON (evtx_dump output: 'Record 1' then '{'), gzip-compressed"), sniff(gzip(EVTX_DUMP)));
        assertEquals(new Sniffed(Optional.empty(), true, "empty file, gzip-compressed"), sniff(gzip("")));
        assertEquals(new Sniffed(Optional.empty(), true, "no known log format in the first lines, gzip-compressed"), sniff(gzip(W3C_DATA_ONLY)));
        assertEquals(new Sniffed(Optional.empty(), true, "binary content (NUL bytes in first 4 KiB), gzip-compressed"),
                sniff(gzip(new byte[] {'a', 0, 'b'})));
        assertEquals(new Sniffed(Optional.empty(), true, "gzip data inside gzip: not read, unpack it first, gzip-compressed"),
                sniff(gzip(gzip(IIS))));
        assertEquals(ProblemKind.EMPTY_FILE, openFailure(gzip("")).kind());
    }

    @Test
    public void testOpensEachFormatThroughGzip()
            throws Exception
    {
        assertEquals(List.of("POST"), fieldValues(gzip(IIS), "cs-method"));
        assertEquals(List.of("4688"), fieldValues(gzip(EVTX_DUMP), "EventID"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testTruncatedGzipKeepsWhatCameBefore()
            throws Exception
    {
        StringBuilder text = new StringBuilder(IIS);
        for (int i = 0; i < 20_000; i++) {
            text.append("2025-07-18 18:06:14 192.0.2.44 GET /page").append(i).append(".aspx 200\r\n");
        }
        byte[] compressed = gzip(text.toString());
        byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
        Path file = write(truncated);
        long events = 0;
        long eventsBeforeProblem = 0;
        try (EventReader reader = Readers.open(file, "contoso/web01/file", ORIGIN, problems::add)) {
            while (reader.advance()) {
                events++;
                eventsBeforeProblem += problems.isEmpty() ? 1 : 0;
            }
        }
        assertTrue(events > 1000, "events before the damage are read: " + events);
        assertEquals(events, eventsBeforeProblem, "the truncation is reported after every event read");
        // The cut-off last line may come first, as a line with too few values.
        assertTrue(problems.size() <= 2, problems.toString());
        ReadProblem report = problems.get(problems.size() - 1);
        assertEquals(ProblemKind.TRUNCATED, report.kind());
        assertEquals(SourcePosition.Unit.OFFSET, report.position().unit());
        assertTrue(report.message().startsWith("gzip stream ends early"), report.message());
    }

    @Test
    public void testCorruptGzip()
            throws Exception
    {
        byte[] compressed = gzip(IIS);
        ReadProblem header = openFailure(Arrays.copyOf(compressed, 5));
        assertEquals(ProblemKind.IO_ERROR, header.kind());
        assertTrue(header.message().startsWith("gzip data is corrupt or truncated before any content"), header.message());

        byte[] damaged = compressed.clone();
        for (int i = 10; i < damaged.length - 8; i++) {
            damaged[i] = (byte) 0xff;
        }
        ReadProblem body = openFailure(damaged);
        assertEquals(ProblemKind.IO_ERROR, body.kind());
    }

    @Test
    public void testMissingFileIsAnIoError()
    {
        ReaderException e = assertThrows(ReaderException.class,
                () -> Readers.open(directory.resolve("missing.log"), "contoso/web01/missing.log", ORIGIN, problems::add));
        assertEquals(ProblemKind.IO_ERROR, e.problem().kind());
        assertEquals(SourcePosition.offset("contoso/web01/missing.log", 0), e.problem().position());
        assertTrue(e.problem().message().startsWith("cannot read: NoSuchFileException"), e.problem().message());
        assertThrows(NoSuchFileException.class, () -> Readers.sniff(directory.resolve("missing.log")));
    }

    @Test
    public void testUtf16WithByteOrderMarkIsRead()
            throws Exception
    {
        byte[] body = IIS.getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[body.length + 2];
        withMark[0] = (byte) 0xff;
        withMark[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withMark, 2, body.length);
        assertEquals(Optional.of(LogFormat.IIS_W3C), sniff(withMark).format());
        assertEquals(List.of("/_layouts/15/ToolPane.aspx"), fieldValues(withMark, "cs-uri-stem"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testOpenReportsTheFormatAndStampsOrigin()
            throws Exception
    {
        Path file = write(IIS.getBytes(StandardCharsets.UTF_8));
        try (EventReader reader = Readers.open(file, "contoso/web01/u_ex250718.log", ORIGIN, problems::add)) {
            assertEquals(LogFormat.IIS_W3C, reader.format());
            assertTrue(reader.advance());
            Event event = reader.current();
            assertEquals(ORIGIN, event.origin());
            assertEquals(SourcePosition.line("contoso/web01/u_ex250718.log", 4), event.position());
            assertFalse(reader.advance());
            assertEquals(0, reader.linesOrRecordsSkipped());
        }
    }

    private void assertSniffed(String text, LogFormat format, String reason)
            throws IOException
    {
        assertEquals(new Sniffed(Optional.of(format), false, reason), sniff(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertUnreadable(byte[] content, String reason)
            throws IOException
    {
        assertEquals(new Sniffed(Optional.empty(), false, reason), sniff(content));
    }

    private Sniffed sniff(byte[] content)
            throws IOException
    {
        return Readers.sniff(write(content));
    }

    private ReadProblem openFailure(byte[] content)
            throws IOException
    {
        Path file = write(content);
        ReaderException e = assertThrows(ReaderException.class, () -> Readers.open(file, "contoso/web01/file", ORIGIN, problems::add));
        assertEquals(SourcePosition.offset("contoso/web01/file", 0), e.problem().position());
        return e.problem();
    }

    private List<String> fieldValues(byte[] content, String field)
            throws Exception
    {
        List<String> values = new ArrayList<>();
        try (EventReader reader = Readers.open(write(content), "contoso/web01/file", ORIGIN, problems::add)) {
            while (reader.advance()) {
                values.add(reader.current().field(field));
            }
        }
        return values;
    }

    private Path write(byte[] content)
            throws IOException
    {
        Path file = Files.createTempFile(directory, "input", ".log");
        Files.write(file, content);
        return file;
    }

    private static byte[] gzip(String text)
            throws IOException
    {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] content)
            throws IOException
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }
}
