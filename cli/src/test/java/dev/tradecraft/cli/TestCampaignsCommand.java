package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/** Hunt keeps its hits; campaigns reads them back and shows them three ways. */
class TestCampaignsCommand
{
    @TempDir
    static Path temp;

    private static Path workspace;
    private static CommandRun hunt;
    private static Path stix;

    @BeforeAll
    static void huntASmallWorld() throws IOException
    {
        WorldSpec demo = WorldSpec.demo();
        World world = new WorldGenerator(new WorldSpec(77, 12, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay() / 4)).write(temp.resolve("world"));
        workspace = temp.resolve("workspace");
        stix = temp.resolve("bundle.json");
        hunt = run("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", workspace.toString(), "--stix", stix.toString(),
                "--out", temp.resolve("hits.jsonl").toString(), "--quiet");
    }

    @Test
    void testHuntPrintsCampaignsAndWritesTheBundle() throws IOException
    {
        assertEquals(0, hunt.exitCode(), hunt.err());
        assertTrue(hunt.out().contains("\nCAMPAIGN  VERDICT"), hunt.out());
        assertTrue(hunt.out().contains("Reconnaissance kept out of campaigns"), hunt.out());
        String bundle = Files.readString(stix, StandardCharsets.UTF_8);
        assertTrue(bundle.startsWith("{\n  \"type\": \"bundle\""), bundle.substring(0, 60));
        assertTrue(bundle.contains("\"x_tradecraft_verdict\""), "campaigns are in the bundle");
        assertTrue(Files.exists(workspace.resolve("tradecraft.duckdb")));
    }

    @Test
    void testCampaignsFromTheLastHuntAsTableJsonAndStix() throws IOException
    {
        CommandRun table = run("campaigns", "--workspace", workspace.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("CAMPAIGN  VERDICT"), table.out());
        assertTrue(table.out().contains("  + "), "evidence sentences are shown");

        CommandRun json = run("campaigns", "--workspace", workspace.toString(), "--format", "json");
        assertTrue(json.out().startsWith("{\n  \"campaigns\" : [ {"), json.out().substring(0, 40));
        assertTrue(json.out().contains("\"baseline_agreement_nmi\""));

        Path out = temp.resolve("again.json");
        CommandRun stixRun = run("campaigns", "--workspace", workspace.toString(), "--format", "stix", "--out", out.toString());
        assertEquals(0, stixRun.exitCode(), stixRun.err());
        String again = Files.readString(out, StandardCharsets.UTF_8);
        String first = Files.readString(stix, StandardCharsets.UTF_8);
        // Same analysis, same ids: only the creation times differ.
        assertEquals(first.replaceAll("\"(created|modified|valid_from)\": \"[^\"]*\"", "T"), again.replaceAll("\"(created|modified|valid_from)\": \"[^\"]*\"", "T"));
    }

    @Test
    void testUserListsAreReadAndBadLinesReported() throws IOException
    {
        Path extra = temp.resolve("public.csv");
        Files.writeString(extra, "type,value,public_since,source\nwebshell-name,spinstall1.aspx,2025-07-01,test\nwebshell-name,x,yesterday,bad\n");
        CommandRun run = run("campaigns", "--workspace", workspace.toString(), "--public", extra.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("public.csv:3: public_since is not a date (YYYY-MM-DD): 'yesterday'"), run.err());
    }

    @Test
    void testWithoutAHuntItSaysWhatToDo()
    {
        CommandRun run = run("campaigns", "--workspace", temp.resolve("empty").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("run 'tradecraft hunt' or 'tradecraft demo' first"), run.err());
    }

    @Test
    void testBrokenHitLinesAreSkippedWithTheirPosition() throws IOException
    {
        Path hits = temp.resolve("broken.jsonl");
        Files.writeString(hits, Files.readString(temp.resolve("hits.jsonl")) + "{not json\n");
        CommandRun run = run("campaigns", "--hits", hits.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("broken.jsonl:"), run.err());
        assertTrue(run.err().contains("1 line(s) of"), run.err());
    }

    private static CommandRun run(String... args)
    {
        return CommandRun.of(args);
    }
}
