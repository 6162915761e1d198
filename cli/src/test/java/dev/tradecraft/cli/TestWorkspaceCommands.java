package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;

/** hunt, exposure, sql and export against one workspace: nothing duplicated, everything recomputed, hostile text kept harmless. */
class TestWorkspaceCommands
{
    private static final String HEADER = """
            #Software: Microsoft Internet Information Services 10.0
            #Version: 1.0
            #Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken X-Forwarded-For
            """;

    @TempDir
    static Path temp;

    private static World world;
    private static Path hostile;

    @BeforeAll
    static void writeInputs() throws IOException
    {
        WorldSpec demo = WorldSpec.demo();
        world = new WorldGenerator(new WorldSpec(91, 8, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay() / 4)).write(temp.resolve("world"));
        // An organisation whose exploit requests carry a formula and a script in the user agent.
        hostile = temp.resolve("hostile");
        Path host = Files.createDirectories(hostile.resolve("evil-corp").resolve("sp01"));
        Files.writeString(host.resolve("u_ex250718.log"), HEADER
                + "2025-07-18 18:08:43 W3SVC1 SP01 10.0.0.5 POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx 443 - 10.0.0.1 HTTP/1.1 "
                + "=HYPERLINK(\"http://x.example\",\"a\") - /_layouts/SignOut.aspx sp.evil-corp.example 200 0 0 18470 7473 1995 198.51.100.7\n"
                + "2025-07-18 18:09:43 W3SVC1 SP01 10.0.0.5 POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx 443 - 10.0.0.1 HTTP/1.1 "
                + "<script>alert(1)</script> - /_layouts/SignOut.aspx sp.evil-corp.example 200 0 0 18470 7473 1995 198.51.100.7\n",
                StandardCharsets.UTF_8);
    }

    private static Map<String, Long> rowCounts(Path workspace) throws Exception
    {
        try (Workspace store = Workspace.openReadOnly(workspace)) {
            return new WorkspaceQueries(store).rowCounts();
        }
    }

    @Test
    void testHuntingTheSameInputTwiceChangesNoTable() throws Exception
    {
        Path workspace = temp.resolve("twice");
        CommandRun first = CommandRun.of("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, first.exitCode(), first.err());
        CommandRun exposure = CommandRun.of("exposure", world.shodanBanners().toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, exposure.exitCode(), exposure.err());
        Map<String, Long> before = rowCounts(workspace);
        assertTrue(before.get("hits") > 0 && before.get("campaigns") > 0 && before.get("exposures") > 0 && before.get("exposure_matches") > 0,
                before.toString());

        CommandRun second = CommandRun.of("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", workspace.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("0 new hits"), second.err());
        assertTrue(second.err().contains("same input as an earlier run"), second.err());
        CommandRun exposureAgain = CommandRun.of("exposure", world.shodanBanners().toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, exposureAgain.exitCode(), exposureAgain.err());
        assertEquals(before, rowCounts(workspace));
    }

    @Test
    void testASecondHuntAddsToThePictureAndCampaignsAreRecomputed() throws Exception
    {
        Path workspace = temp.resolve("grow");
        assertEquals(0, CommandRun.of("hunt", world.webLogs().toString(), "--workspace", workspace.toString(), "--quiet").exitCode());
        Map<String, Long> webOnly = rowCounts(workspace);
        assertEquals(0, CommandRun.of("hunt", world.events().toString(), "--workspace", workspace.toString(), "--quiet").exitCode());
        Map<String, Long> both = rowCounts(workspace);
        assertEquals(2L, both.get("runs"));
        assertTrue(both.get("hits") > webOnly.get("hits"), both + " vs " + webOnly);
        assertTrue(both.get("sightings") > webOnly.get("sightings"), "host events join the intrusions");

        // The same picture as one hunt over both roots.
        Path together = temp.resolve("together");
        assertEquals(0, CommandRun.of("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", together.toString(), "--quiet")
                .exitCode());
        Map<String, Long> once = rowCounts(together);
        for (String table : new String[] {"hits", "organisations", "sightings", "campaigns", "campaign_intrusions"}) {
            assertEquals(once.get(table), both.get(table), table);
        }
        CommandRun sql = CommandRun.of("sql", "--workspace", workspace.toString(), "--format", "csv",
                "SELECT campaign_id, verdict, organisations FROM campaigns ORDER BY campaign_id");
        CommandRun sqlOnce = CommandRun.of("sql", "--workspace", together.toString(), "--format", "csv",
                "SELECT campaign_id, verdict, organisations FROM campaigns ORDER BY campaign_id");
        assertEquals(sqlOnce.out(), sql.out());
    }

    @Test
    void testADamagedWorkspaceIsReportedAndTheHuntStillShowsItsResults() throws Exception
    {
        Path workspace = Files.createDirectories(temp.resolve("damaged"));
        Files.write(workspace.resolve("tradecraft.duckdb"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'd', 'b'});
        Path hits = temp.resolve("damaged-hits.jsonl");
        CommandRun run = CommandRun.of("hunt", hostile.toString(), "--workspace", workspace.toString(), "--out", hits.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("the results are not kept in the workspace: cannot open"), run.err());
        assertTrue(run.out().contains("evil-corp     attempted"), "the organisation table is still shown: " + run.out());
        assertTrue(Files.readString(hits, StandardCharsets.UTF_8).contains("evil-corp"), "the hits are still written");
    }

    @Test
    void testSqlPrintsATableCsvOrJsonAndCannotWrite() throws Exception
    {
        Path workspace = temp.resolve("sql");
        assertEquals(0, CommandRun.of("hunt", world.webLogs().toString(), "--workspace", workspace.toString(), "--quiet").exitCode());
        CommandRun table = CommandRun.of("sql", "--workspace", workspace.toString(), "SELECT status, count(*) AS n FROM organisations GROUP BY ALL ORDER BY 1");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("status"), table.out());
        assertTrue(table.out().contains(" rows)") || table.out().contains(" row)"), table.out());
        CommandRun json = CommandRun.of("sql", "--workspace", workspace.toString(), "--format", "json", "SELECT count(*) AS organisations FROM organisations");
        assertEquals("[{\"organisations\":\"8\"}]\n", json.out());
        CommandRun write = CommandRun.of("sql", "--workspace", workspace.toString(), "DELETE FROM hits");
        assertEquals(2, write.exitCode());
        assertTrue(write.err().toLowerCase().contains("read-only") || write.err().toLowerCase().contains("read only"), write.err());
        CommandRun bad = CommandRun.of("sql", "--workspace", workspace.toString(), "SELEC nonsense");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("tradecraft sql: cannot run the query"), bad.err());
    }

    @Test
    void testExportNeutralisesFormulasInCsvAndWritesParquetAndJsonLines() throws Exception
    {
        Path workspace = temp.resolve("export");
        CommandRun hunt = CommandRun.of("hunt", hostile.toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, hunt.exitCode(), hunt.err());
        Path csv = temp.resolve("observables.csv");
        CommandRun export = CommandRun.of("export", "sighting_observables", "--workspace", workspace.toString(), "--out", csv.toString());
        assertEquals(0, export.exitCode(), export.err());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"a\"\")\""), text);
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("@") || cell.startsWith("\"="), cell);
            }
        }
        assertTrue(text.contains("<script>alert(1)</script>"), "CSV keeps the text; it is data, not markup");

        Path parquet = temp.resolve("hits.parquet");
        assertEquals(0, CommandRun.of("export", "hits", "--workspace", workspace.toString(), "--out", parquet.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(parquet);
        assertEquals("PAR1", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        CommandRun count = CommandRun.of("sql", "--workspace", workspace.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM read_parquet('" + parquet.toString().replace("'", "''") + "')");
        assertEquals("n\r\n" + rowCounts(workspace).get("hits") + "\r\n", count.out());

        CommandRun jsonl = CommandRun.of("export", "organisations", "--workspace", workspace.toString(), "--format", "jsonl");
        assertEquals(0, jsonl.exitCode(), jsonl.err());
        assertTrue(jsonl.out().startsWith("{\"name\":\"evil-corp\",\"status\":\"compromised\"") || jsonl.out().startsWith("{\"name\":\"evil-corp\""), jsonl.out());

        CommandRun unknown = CommandRun.of("export", "secrets; DROP TABLE hits", "--workspace", workspace.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no table"), unknown.err());
    }
}
