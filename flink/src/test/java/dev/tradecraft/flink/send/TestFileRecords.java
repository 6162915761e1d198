package dev.tradecraft.flink.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.readers.LogFormat;

class TestFileRecords
{
    @TempDir
    Path temp;

    @Test
    void testIisLinesKeepTheirLineNumbersAcrossBlankLinesAndCrlf() throws IOException
    {
        Path file = write("u_ex.log", "#Software: Microsoft Internet Information Services 10.0\r\n#Fields: date time cs-method\r\n\r\n"
                + "2025-07-18 18:06:14 GET\r\n2025-07-18 18:06:15 POST");
        List<LogRecord> records = cut(file);
        assertEquals(List.of(1L, 2L, 4L, 5L), records.stream().map(LogRecord::index).toList());
        assertEquals("2025-07-18 18:06:14 GET", records.get(2).text());
        assertTrue(records.stream().allMatch(record -> record.format() == LogFormat.IIS_W3C && record.unit() == SourcePosition.Unit.LINE));
    }

    @Test
    void testGzippedFileIsSentDecompressed() throws IOException
    {
        Path file = temp.resolve("u_ex.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("#Fields: date time cs-method\n2025-07-18 18:06:14 GET\n".getBytes(StandardCharsets.UTF_8));
        }
        List<LogRecord> records = cut(file);
        assertEquals(List.of("#Fields: date time cs-method", "2025-07-18 18:06:14 GET"), records.stream().map(LogRecord::text).toList());
    }

    @Test
    void testOneObjectPerLineIsPositionedByLine() throws IOException
    {
        Path file = write("sysmon.json", "{\"Event\":{\"System\":{\"EventID\":1}}}\n\n{\"Event\":{\"System\":{\"EventID\":\"3\",\"x\":\"}{\\\"\"}}}\n");
        List<LogRecord> records = cut(file);
        assertEquals(List.of(1L, 3L), records.stream().map(LogRecord::index).toList());
        assertEquals(SourcePosition.Unit.LINE, records.get(0).unit());
        assertEquals("{\"Event\":{\"System\":{\"EventID\":\"3\",\"x\":\"}{\\\"\"}}}", records.get(1).text());
    }

    @Test
    void testPrettyPrintedObjectsWithRecordLinesArePositionedByRank() throws IOException
    {
        Path file = write("sysmon.json", "Record 1\n{\n  \"Event\": {\n    \"System\": {\"EventID\": 1}\n  }\n}\nRecord 2\n{\n  \"Event\": {}\n}\n");
        List<LogRecord> records = cut(file);
        assertEquals(List.of(1L, 2L), records.stream().map(LogRecord::index).toList());
        assertTrue(records.stream().allMatch(record -> record.unit() == SourcePosition.Unit.RECORD));
        assertTrue(records.get(0).text().startsWith("{\n  \"Event\""));
    }

    @Test
    void testUnknownContentIsSkippedWithTheSniffersReason() throws IOException
    {
        Path file = temp.resolve("image.bin");
        Files.write(file, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        FileRecords.Outcome outcome = FileRecords.cut(logFile(file), record -> {});
        assertEquals(0, outcome.records());
        assertTrue(outcome.skipped().isPresent());
    }

    private Path write(String name, String text) throws IOException
    {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<LogRecord> cut(Path file) throws IOException
    {
        List<LogRecord> records = new ArrayList<>();
        FileRecords.Outcome outcome = FileRecords.cut(logFile(file), records::add);
        assertEquals(records.size(), outcome.records());
        return records;
    }

    private static LogFile logFile(Path file) throws IOException
    {
        return new LogFile(file, "contoso/web01/" + file.getFileName(), new Origin("contoso", "web01"), Files.size(file));
    }
}
