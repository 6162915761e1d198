package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class TestDemoCommand
{
    @TempDir
    Path temp;

    @Test
    void testDemoWritesAWorldHuntsItAndScoresItself()
    {
        CommandLine commandLine = TradecraftCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("demo", "--workspace", temp.toString(), "--organisations", "10", "--quiet");
        assertEquals(0, exitCode, err.toString());
        String text = out.toString();
        assertTrue(text.contains("ORGANISATION"), text);
        assertTrue(text.matches("(?s).*compromised: precision [01]\\.\\d{3}, recall [01]\\.\\d{3}.*"), text);
        assertTrue(Files.exists(temp.resolve("demo-world/truth.json")));
        assertTrue(Files.exists(temp.resolve("demo-summary.json")));
        assertTrue(Files.exists(temp.resolve("demo-hits.jsonl")));
    }

    /** The same world with its Windows events as .evtx: the hunt reads them and finds exactly the same hits. */
    @Test
    void testDemoOnEvtxFindsWhatItFindsOnJson() throws IOException
    {
        Path json = temp.resolve("json");
        Path evtx = temp.resolve("evtx");
        CommandRun onJson = CommandRun.of("demo", "--workspace", json.toString(), "--organisations", "4", "--quiet");
        CommandRun onEvtx = CommandRun.of("demo", "--workspace", evtx.toString(), "--organisations", "4", "--windows-events", "evtx", "--quiet");
        assertEquals(0, onJson.exitCode(), onJson.err());
        assertEquals(0, onEvtx.exitCode(), onEvtx.err());
        List<String> names;
        try (Stream<Path> files = Files.walk(evtx.resolve("demo-world/events"))) {
            names = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
        assertFalse(names.isEmpty());
        assertTrue(names.stream().allMatch(name -> name.matches("(sysmon|security)-\\d{8}\\.evtx")), names.toString());
        List<String> jsonHits = hitsWithoutPositions(json.resolve("demo-hits.jsonl"));
        assertFalse(jsonHits.isEmpty());
        assertEquals(jsonHits, hitsWithoutPositions(evtx.resolve("demo-hits.jsonl")));
        assertTrue(Files.readString(evtx.resolve("demo-hits.jsonl")).contains(".evtx\",\"record\":"));
    }

    /** Each hit without where it was found (file:line for JSON, file:record for EVTX), sorted. */
    private static List<String> hitsWithoutPositions(Path hits) throws IOException
    {
        return Files.readAllLines(hits).stream()
                .map(line -> line.replaceAll("\"file\":\"[^\"]*\",\"(line|record)\":\\d+,", ""))
                .sorted()
                .toList();
    }
}
