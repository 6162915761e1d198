package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestEvtxDumpCommand
{
    private static final Path REGRESSION = Paths.get("../shared/corpus/sigma-regression");

    @TempDir
    Path dir;

    @Test
    void testDumpsAFolderInEveryFormat() throws IOException
    {
        assumeTrue(Files.isDirectory(REGRESSION), "../shared/corpus is absent: EVTX dump over SigmaHQ regression files not run");
        Path jsonl = dir.resolve("all.jsonl");
        CommandRun run = CommandRun.of("evtx", "dump", REGRESSION.toString(), "--format", "jsonl", "--threads", "2", "--out", jsonl.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(238, lines.size());
        assertTrue(lines.get(0).startsWith("{\"Event\":{\"#attributes\":{\"xmlns\":"), lines.get(0));
        assertTrue(run.err().contains("202 of 202 files, 238 records"), run.err());

        // Chunks of many files in flight on two threads: the same bytes, in the same order, as one thread.
        Path single = dir.resolve("single.jsonl");
        assertEquals(0, CommandRun.of("evtx", "dump", REGRESSION.toString(), "--format", "jsonl", "--threads", "1", "--out", single.toString()).exitCode());
        assertEquals(Files.readString(single), Files.readString(jsonl));

        Path xml = dir.resolve("all.xml");
        assertEquals(0, CommandRun.of("evtx", "dump", REGRESSION.toString(), "--format", "xml", "--quiet", "--out", xml.toString()).exitCode());
        String text = Files.readString(xml);
        assertEquals(238, text.split("<\\?xml version=\"1.0\" encoding=\"utf-8\"\\?>", -1).length - 1);

        Path json = dir.resolve("all.json");
        CommandRun quiet = CommandRun.of("evtx", "dump", REGRESSION.toString(), "--threads", "1", "--quiet", "--out", json.toString());
        assertEquals("", quiet.err());
        assertTrue(Files.readString(json).startsWith("{\n  \"Event\": {\n    \"#attributes\": {"));
    }

    @Test
    void testDamagedAndWrongFilesAreReportedNotFatal() throws IOException
    {
        Path notEvtx = dir.resolve("notes.evtx");
        Files.writeString(notEvtx, "not an event log");
        Path out = dir.resolve("out.json");
        CommandRun run = CommandRun.of("evtx", "dump", notEvtx.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), "nothing could be read: " + run.err());
        assertTrue(run.err().contains(notEvtx + ":offset 0: UNKNOWN_FORMAT: not an EVTX file"), run.err());

        assertEquals(2, CommandRun.of("evtx", "dump", dir.resolve("absent.evtx").toString()).exitCode());
        assertEquals(2, CommandRun.of("evtx", "dump", notEvtx.toString(), "--threads", "0").exitCode());
    }
}
