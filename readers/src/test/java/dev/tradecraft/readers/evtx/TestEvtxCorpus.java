package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.Readers;
import dev.tradecraft.readers.json.WindowsJsonReader;

/**
 * Every {@code .evtx} file of SigmaHQ's regression data against its evtx_dump-shape {@code .json}
 * twin, and the events read from each against the events read from its dump.
 *
 * <p>Normalisations (docs/evtx.md lists them): string values compared without trailing
 * whitespace (the twins were written by a tool that trims it; the binary values keep it, as
 * libevtx shows), and timestamps compared to the microsecond (one twin has nanoseconds). Three
 * twins were edited by hand after dumping ({@code Explorer.EXE} became {@code Explorer.exe});
 * libevtx's {@code evtxexport} shows the {@code .evtx} holding {@code Explorer.EXE}, so those
 * values are compared case-insensitively.
 */
public class TestEvtxCorpus
{
    private static final Path DATA = Paths.get("../shared/corpus/sigma-regression/regression_data");
    private static final Pattern NANOS = Pattern.compile("(\\.\\d{6})\\d+Z$");
    private static final Map<String, String> HAND_EDITED = Map.of(
            "5a6b7c8d-9e0f-1a2b-3c4d-5e6f7a8b9c0d.json", "ParentCommandLine",
            "979baf41-ca44-4540-9d0c-4fcef3b5a3a4.json", "Image",
            "ad691d92-15f2-4181-9aa4-723c74f9ddc3.json", "ParentCommandLine");

    @Test
    public void testDumpEqualsEveryJsonTwin() throws IOException
    {
        List<Path> files = evtxFiles();
        int records = 0;
        for (Path evtx : files) {
            List<ReadProblem> problems = new ArrayList<>();
            String dumped = dump(evtx, EvtxDumper.Format.JSON, problems);
            assertEquals(List.of(), problems, evtx.toString());
            Path twin = twin(evtx);
            String edited = HAND_EDITED.get(twin.getFileName().toString());
            List<Object> mine = JsonValues.parseAll(dumped, TestEvtxCorpus::normalise);
            List<Object> theirs = JsonValues.parseAll(Files.readString(twin), TestEvtxCorpus::normalise);
            if (edited != null) {
                mine = lowerCase(mine, edited);
                theirs = lowerCase(theirs, edited);
            }
            assertEquals(theirs.size(), mine.size(), evtx.toString());
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(theirs.get(i), mine.get(i), evtx + " record " + (i + 1));
            }
            records += mine.size();
        }
        assertEquals(202, files.size());
        assertEquals(238, records);
    }

    @Test
    public void testEventsEqualThoseReadFromTheDump() throws IOException
    {
        Origin origin = new Origin("sigmahq", "regression");
        int events = 0;
        for (Path evtx : evtxFiles()) {
            List<ReadProblem> problems = new ArrayList<>();
            List<Event> direct = new ArrayList<>();
            try (EventReader reader = new EvtxReader(Files.newInputStream(evtx), "f", origin, problems::add)) {
                while (reader.advance()) {
                    direct.add(reader.current());
                }
            }
            byte[] json = dump(evtx, EvtxDumper.Format.JSONL, problems).getBytes(StandardCharsets.UTF_8);
            List<Event> viaJson = new ArrayList<>();
            try (EventReader reader = new WindowsJsonReader(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8),
                    "f", origin, problems::add)) {
                while (reader.advance()) {
                    viaJson.add(reader.current());
                }
            }
            assertEquals(List.of(), problems, evtx.toString());
            assertEquals(viaJson.size(), direct.size(), evtx.toString());
            for (int i = 0; i < direct.size(); i++) {
                assertEquals(viaJson.get(i).fields().asMap(), direct.get(i).fields().asMap(), evtx.toString());
                assertEquals(viaJson.get(i).time(), direct.get(i).time(), evtx.toString());
                assertEquals(viaJson.get(i).logsource(), direct.get(i).logsource(), evtx.toString());
            }
            events += direct.size();
        }
        assertEquals(238, events);
    }

    @Test
    public void testXmlAndJsonlDumpEveryRecord() throws IOException
    {
        int xmlRecords = 0;
        int jsonLines = 0;
        for (Path evtx : evtxFiles()) {
            List<ReadProblem> problems = new ArrayList<>();
            String xml = dump(evtx, EvtxDumper.Format.XML, problems);
            xmlRecords += xml.split("<\\?xml ", -1).length - 1;
            assertTrue(xml.contains("<EventID>"), evtx.toString());
            String jsonl = dump(evtx, EvtxDumper.Format.JSONL, problems);
            for (String line : jsonl.split("\n")) {
                assertEquals(1, JsonValues.parseAll(line, text -> text).size(), line);
                jsonLines++;
            }
            assertEquals(List.of(), problems, evtx.toString());
        }
        assertEquals(238, xmlRecords);
        assertEquals(238, jsonLines);
    }

    /** Found by content through the readers' entry point, gzip or not, whatever the file is called. */
    @Test
    public void testReadersOpenEvtxPlainAndGzip(@TempDir Path dir) throws Exception
    {
        Path evtx = evtxFiles().stream().filter(p -> p.toString().contains("registry_set_change_security_zones")).findFirst().orElseThrow();
        Path plain = dir.resolve("Security.log");
        Files.copy(evtx, plain);
        Path gzip = dir.resolve("archived.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(evtx, out);
        }
        for (Path file : List.of(plain, gzip)) {
            List<ReadProblem> problems = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (EventReader reader = Readers.open(file, "acme/dc01/" + file.getFileName(), new Origin("acme", "dc01"), problems::add)) {
                assertEquals(LogFormat.EVTX, reader.format());
                while (reader.advance()) {
                    ids.add(reader.current().field("EventRecordID"));
                    assertEquals(SourcePosition.record("acme/dc01/" + file.getFileName(), Long.parseLong(ids.get(ids.size() - 1))),
                            reader.current().position());
                }
            }
            assertEquals(List.of(), problems);
            assertEquals(3, ids.size(), ids.toString());
        }
    }

    /** Chunk ranges of one file read by separate readers give, together, what one reader gives. */
    @Test
    public void testChunkRangesTogetherReadTheWholeFile(@TempDir Path dir) throws Exception
    {
        List<Path> files = evtxFiles();
        Path combined = dir.resolve("Combined.evtx");
        try (OutputStream out = Files.newOutputStream(combined)) {
            byte[] header = Files.readAllBytes(files.get(0));
            header[124] ^= 1; // a header problem, to be reported once, by the range that starts the file
            out.write(header, 0, 4096);
            for (Path file : files.subList(0, 40)) {
                out.write(Files.readAllBytes(file), 4096, 65536);
            }
            out.write(Files.readAllBytes(files.get(40)), 4096, 1000); // and a cut at the end
        }
        Origin origin = new Origin("acme", "dc01");
        List<ReadProblem> wholeProblems = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        try (EventReader reader = Readers.open(combined, "c", origin, wholeProblems::add)) {
            while (reader.advance()) {
                whole.add(reader.current().fields().asMap().toString());
            }
        }
        assertEquals(41, Readers.evtxChunkCount(combined));
        List<ReadProblem> partProblems = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (long first = 0; first < 41; first += 7) {
            long count = first + 7 >= 41 ? Long.MAX_VALUE : 7;
            try (EventReader reader = Readers.openEvtxChunks(combined, "c", origin, partProblems::add, first, count)) {
                while (reader.advance()) {
                    parts.add(reader.current().fields().asMap().toString());
                }
            }
        }
        assertTrue(whole.size() > 40, whole.size() + " events");
        assertEquals(whole, parts);
        assertEquals(List.of(ProblemKind.BAD_CHECKSUM, ProblemKind.TRUNCATED), wholeProblems.stream().map(ReadProblem::kind).toList());
        assertEquals(wholeProblems, partProblems);
    }

    static List<Path> evtxFiles() throws IOException
    {
        assumeTrue(Files.isDirectory(DATA), "SigmaHQ regression data not found at " + DATA.toAbsolutePath() + "; skipped");
        try (Stream<Path> paths = Files.walk(DATA)) {
            return paths.filter(p -> p.toString().endsWith(".evtx")).sorted().collect(Collectors.toList());
        }
    }

    static String dump(Path evtx, EvtxDumper.Format format, List<ReadProblem> problems) throws IOException
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(evtx)) {
            new EvtxDumper(format, null, 1, new AtomicLong()).dump(in, evtx.toString(), out, problems::add);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path twin(Path evtx)
    {
        String name = evtx.getFileName().toString();
        return evtx.resolveSibling(name.substring(0, name.length() - ".evtx".length()) + ".json");
    }

    private static String normalise(String text)
    {
        return NANOS.matcher(text.stripTrailing()).replaceFirst("$1Z");
    }

    /** The records with the hand-edited field's value lower-cased, wherever it is. */
    @SuppressWarnings("unchecked")
    private static List<Object> lowerCase(List<Object> records, String field)
    {
        for (Object record : records) {
            Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) record).get("Event");
            Map<String, Object> data = (Map<String, Object>) event.get("EventData");
            data.computeIfPresent(field, (name, value) -> value.toString().toLowerCase());
        }
        return records;
    }
}
