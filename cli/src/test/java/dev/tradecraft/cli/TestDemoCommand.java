package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
