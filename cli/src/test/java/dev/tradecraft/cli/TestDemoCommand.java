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

    @Test
    void testDemoWritesWindowsEventsAsEvtxWhenAsked() throws IOException
    {
        CommandRun run = CommandRun.of("demo", "--workspace", temp.toString(), "--organisations", "4", "--windows-events", "evtx", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Windows events go to .evtx files, which this hunt skips"), run.out());
        List<String> names;
        try (Stream<Path> files = Files.walk(temp.resolve("demo-world/events"))) {
            names = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
        assertFalse(names.isEmpty());
        assertTrue(names.stream().allMatch(name -> name.matches("(sysmon|security)-\\d{8}\\.evtx")), names.toString());
    }
}
