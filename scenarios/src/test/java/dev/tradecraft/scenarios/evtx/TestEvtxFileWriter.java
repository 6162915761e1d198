package dev.tradecraft.scenarios.evtx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.scenarios.evtx.EvtxTemplate.Attribute;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Element;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Substitution;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Text;

class TestEvtxFileWriter
{
    private static final long WRITTEN = EvtxValue.fileTimeOfMicros(1_752_796_800_000_000L);

    @TempDir
    Path directory;

    @Test
    void testValueEncodings()
    {
        assertEquals("010100000000000512000000", hex(EvtxValue.sid("S-1-5-18")));
        assertEquals("010500000000000515000000dcf4dc3b833d2b46828ba62800020000",
                hex(EvtxValue.sid("S-1-5-21-1004336348-1177238915-682003330-512")));
        assertEquals("5f3870572ac2e043bf4c06f5698ffbd9", hex(EvtxValue.guid(UUID.fromString("5770385F-C22A-43E0-BF4C-06F5698FFBD9"))));
        assertEquals(116_444_736_000_000_000L, EvtxValue.fileTimeOfMicros(0));
        assertEquals(116_444_736_000_000_010L, EvtxValue.fileTimeOfMicros(1));
        assertEquals("0000000000000080", hex(EvtxValue.hexInt64(0x8000000000000000L)));
        assertEquals("01000000", hex(EvtxValue.bool(true)));
        assertEquals("00000000", hex(EvtxValue.bool(false)));
        assertEquals("9411", hex(EvtxValue.uint16(4500)));
        assertEquals("ffffffff", hex(EvtxValue.uint32(0xFFFF_FFFFL)));
        assertEquals("4100e900", hex(EvtxValue.string("Aé")));
        assertEquals(0, EvtxValue.nul().size());
        assertEquals(EvtxValue.Type.SID, EvtxValue.sid("S-1-0-0").type());
    }

    @Test
    void testValuesOutOfRangeAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.uint8(256));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.uint16(-1));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.uint32(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.sid("S-1-5-x"));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.sid("X-1-5-18"));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.sid("S-1"));
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.sid("S-1-5-4294967296"));
        // The value descriptor holds sizes up to 65,535 bytes.
        assertThrows(IllegalArgumentException.class, () -> EvtxValue.string("x".repeat(40_000)));
    }

    @Test
    void testRecordsSpreadOverChunks() throws IOException
    {
        Path file = directory.resolve("many.evtx");
        EvtxTemplate template = template("many");
        int count = 3_000;
        try (EvtxFileWriter out = new EvtxFileWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write(1_000 + i, WRITTEN + i, template, values("many", i, "x".repeat(i % 400)));
            }
            assertEquals(count, out.records());
        }
        EvtxDump.FileSummary summary = EvtxDump.read(file);
        assertTrue(summary.chunks() > 4, "chunks: " + summary.chunks());
        assertEquals(4096 + summary.chunks() * 65_536L, Files.size(file));
        assertEquals(1_000 + count, summary.nextRecordId());
        int records = 0;
        List<EvtxDump.ChunkSummary> chunks = summary.chunkSummaries();
        for (int i = 0; i < chunks.size(); i++) {
            EvtxDump.ChunkSummary chunk = chunks.get(i);
            assertEquals(records + 1, chunk.firstNumber());
            assertEquals(1_000 + records, chunk.firstId());
            records += chunk.records();
            assertTrue(i == chunks.size() - 1 || chunk.freeSpaceOffset() > 65_536 - 2_000, "a chunk is filled before the next begins: " + chunk);
        }
        assertEquals(count, records);
        assertEquals(count, summary.documents().size());
        for (int i : new int[] {0, 1, 399, 1_234, count - 1}) {
            Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) summary.documents().get(i)).get("Event");
            assertEquals(Map.of("Name", "many", "Guid", "5770385F-C22A-43E0-BF4C-06F5698FFBD9"), ((Map<?, ?>) event.get("Provider")).get("#attributes"));
            assertEquals((long) i, event.get("Number"));
            Map<?, ?> data = (Map<?, ?>) event.get("EventData");
            assertEquals("x".repeat(i % 400), data.get("Text"));
            assertEquals(i % 2 == 0, data.get("Even"));
            assertEquals(null, event.get("Correlation"));
        }
    }

    @Test
    void testTemplatesAreDefinedOncePerChunk() throws IOException
    {
        Path file = directory.resolve("two-templates.evtx");
        EvtxTemplate first = template("first");
        EvtxTemplate second = template("second");
        try (EvtxFileWriter out = new EvtxFileWriter(file)) {
            for (int i = 0; i < 600; i++) {
                out.write(i + 1, WRITTEN, i % 3 == 0 ? second : first, values(i % 3 == 0 ? "second" : "first", i, "y".repeat(i % 300)));
            }
        }
        EvtxDump.FileSummary summary = EvtxDump.read(file);
        assertTrue(summary.chunks() > 1, "chunks: " + summary.chunks());
        for (int i = 0; i < 600; i++) {
            Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) summary.documents().get(i)).get("Event");
            assertEquals(i % 3 == 0 ? "second" : "first", ((Map<?, ?>) ((Map<?, ?>) event.get("Provider")).get("#attributes")).get("Name"));
        }
        // Both templates share every element name, so only the first record of a chunk defines names.
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(summary.chunks(), occurrences(bytes, "EventData"), "each chunk defines a name once");
    }

    @Test
    void testChunkTakesBackARecordThatDoesNotFit()
    {
        EvtxChunk chunk = new EvtxChunk();
        EvtxTemplate first = template("first");
        long number = 1;
        while (chunk.append(number, number, WRITTEN, first, values("first", (int) number, "z".repeat(700)))) {
            number++;
        }
        // A record with a template and names the chunk has not seen yet does not fit either; what it
        // defined must not stay in the tables.
        EvtxTemplate other = new EvtxTemplate(UUID.nameUUIDFromBytes(new byte[] {1}), new Element("Other", List.of(),
                List.of(new Element("Field", List.of(new Attribute("Kind", new Text("k"))), List.of(new Substitution(0, EvtxValue.Type.STRING, false))))));
        assertFalse(chunk.append(number, number, WRITTEN, other, List.of(EvtxValue.string("w".repeat(2_000)))));
        int records = chunk.records();
        List<Object> documents = new ArrayList<>();
        EvtxDump.ChunkSummary summary = EvtxDump.readChunk(chunk.finish().clone(), documents);
        assertEquals(records, summary.records());
        assertEquals(number - 1, summary.lastId());

        chunk.reset();
        assertTrue(chunk.isEmpty());
        assertTrue(chunk.append(number, number, WRITTEN, other, List.of(EvtxValue.string("w".repeat(2_000)))));
        documents.clear();
        EvtxDump.readChunk(chunk.finish().clone(), documents);
        assertEquals(Map.of("Other", Map.of("Field", Map.of("#attributes", Map.of("Kind", "k"), "#text", "w".repeat(2_000)))), documents.get(0));
    }

    @Test
    void testRecordLargerThanAChunkIsRefused() throws IOException
    {
        Path file = directory.resolve("large.evtx");
        EvtxTemplate template = template("large");
        try (EvtxFileWriter out = new EvtxFileWriter(file)) {
            out.write(1, WRITTEN, template, values("large", 1, "small"));
            List<EvtxValue> huge = values("large", 2, "h".repeat(30_000));
            huge.set(0, EvtxValue.string("i".repeat(30_000)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.write(2, WRITTEN, template, huge));
            assertTrue(e.getMessage().contains("does not fit in one chunk"), e.getMessage());
        }
        assertEquals(1, EvtxDump.documents(file).size());
    }

    @Test
    void testRecordIdsMustRiseAndValuesMatchTheTemplate() throws IOException
    {
        EvtxTemplate template = template("checked");
        try (EvtxFileWriter out = new EvtxFileWriter(directory.resolve("checked.evtx"))) {
            out.write(5, WRITTEN, template, values("checked", 5, "a"));
            assertThrows(IllegalArgumentException.class, () -> out.write(5, WRITTEN, template, values("checked", 6, "a")));
            List<EvtxValue> wrongType = values("checked", 6, "a");
            wrongType.set(wrongType.size() - 1, EvtxValue.uint32(1));
            assertThrows(IllegalArgumentException.class, () -> out.write(6, WRITTEN, template, wrongType));
            List<EvtxValue> tooFew = values("checked", 6, "a");
            tooFew.remove(tooFew.size() - 1);
            assertThrows(IllegalArgumentException.class, () -> out.write(6, WRITTEN, template, tooFew));
            out.write(6, WRITTEN, template, values("checked", 6, "a"));
        }
        assertEquals(2, EvtxDump.documents(directory.resolve("checked.evtx")).size());
    }

    @Test
    void testEmptyFileHoldsOneEmptyChunk() throws IOException
    {
        Path file = directory.resolve("empty.evtx");
        new EvtxFileWriter(file).close();
        assertEquals(4096 + 65_536, Files.size(file));
        EvtxDump.FileSummary summary = EvtxDump.read(file);
        assertEquals(1, summary.chunks());
        assertEquals(0, summary.chunkSummaries().get(0).records());
        assertEquals(List.of(), summary.documents());
        assertEquals(1, summary.nextRecordId());
    }

    @Test
    void testSameInputWritesSameBytes() throws IOException
    {
        Path one = directory.resolve("one.evtx");
        Path two = directory.resolve("two.evtx");
        for (Path file : List.of(one, two)) {
            try (EvtxFileWriter out = new EvtxFileWriter(file)) {
                for (int i = 0; i < 500; i++) {
                    out.write(i + 1, WRITTEN + i, template("same"), values("same", i, "s".repeat(i % 200)));
                }
            }
        }
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    /** An event with a provider, a correlation left out, a number and two data fields. */
    private static EvtxTemplate template(String shape)
    {
        Element system = new Element("Provider", List.of(
                new Attribute("Name", new Substitution(0, EvtxValue.Type.STRING, false)),
                new Attribute("Guid", new Substitution(1, EvtxValue.Type.GUID, false))), List.of());
        Element correlation = new Element("Correlation", List.of(new Attribute("ActivityID", new Substitution(2, EvtxValue.Type.GUID, true))), List.of());
        Element number = new Element("Number", List.of(), List.of(new Substitution(3, EvtxValue.Type.UINT64, false)));
        Element data = new Element("EventData", List.of(), List.of(
                new Element("Data", List.of(new Attribute("Name", new Text("Text"))), List.of(new Substitution(4, EvtxValue.Type.STRING, false))),
                new Element("Data", List.of(new Attribute("Name", new Text("Even"))), List.of(new Substitution(5, EvtxValue.Type.BOOL, false)))));
        return EvtxTemplate.of(shape, new Element("Event", List.of(), List.of(system, correlation, number, data)));
    }

    private static List<EvtxValue> values(String provider, int i, String text)
    {
        List<EvtxValue> values = new ArrayList<>();
        values.add(EvtxValue.string(provider));
        values.add(EvtxValue.guid(UUID.fromString("5770385F-C22A-43E0-BF4C-06F5698FFBD9")));
        values.add(EvtxValue.nul());
        values.add(EvtxValue.uint64(i));
        values.add(EvtxValue.string(text));
        values.add(EvtxValue.bool(i % 2 == 0));
        return values;
    }

    private static int occurrences(byte[] bytes, String name)
    {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        int count = 0;
        for (int i = 0; i + utf16.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < utf16.length && match; j++) {
                match = bytes[i + j] == utf16[j];
            }
            if (match) {
                count++;
            }
        }
        return count;
    }

    private static String hex(EvtxValue value)
    {
        return HexFormat.of().formatHex(value.bytes());
    }
}
