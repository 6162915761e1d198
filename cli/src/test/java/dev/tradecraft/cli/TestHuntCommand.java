package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.output.SummaryJson;

/** The hunt command through the same command line the jar uses. */
class TestHuntCommand
{
    private static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n";
    private static final String EXPLOIT = "2025-07-18 18:06:14 10.0.0.10 POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx 443 - 107.191.58.76 "
            + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:120.0)+Gecko/20100101+Firefox/120.0 /_layouts/SignOut.aspx 200 0 0 1532\n";
    private static final String SHELL = "2025-07-18 18:06:17 10.0.0.10 GET /_layouts/15/spinstall0.aspx - 443 - 107.191.58.76 "
            + "=cmd|'/c+calc'!A1 /_layouts/SignOut.aspx 200 0 0 61\n";
    private static final String PROBE = "2025-07-19 08:44:10 10.0.0.11 POST /_layouts/15/ToolPane.aspx DisplayMode=Edit&a=/ToolPane.aspx 443 - 198.51.100.77 "
            + "python-requests/2.32.3 /_layouts/SignOut.aspx 401 1 2148074254 3\n";
    private static final String SCANNER = "2025-07-21 08:44:10 10.0.0.12 GET /_layouts/15/ToolPane.aspx DisplayMode=Edit 443 - 203.0.113.200 Mozilla/5.0+zgrab/0.x - 401 1 2148074254 3\n";

    @TempDir
    Path temp;

    private Path web;

    @BeforeEach
    void writeTree() throws IOException
    {
        web = temp.resolve("weblogs");
        write(web.resolve("contoso/sp-wfe01/u_ex250718.log"), HEADER + EXPLOIT + SHELL + "this line is broken\n");
        write(web.resolve("fabrikam/sp01/u_ex250719.log"), HEADER + PROBE);
        write(web.resolve("tailspin/web/u_ex250721.log"), HEADER + SCANNER);
        try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(web.resolve("tailspin/web/u_ex250722.log.gz")))) {
            gzip.write((HEADER + SCANNER).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(web.resolve("tailspin/web/core.dmp"), new byte[] {0x4d, 0x44, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0});
        write(web.resolve("tailspin/web/notes.txt"), "remember to rotate the machine keys\n");
    }

    @Test
    void testTableSummaryAndVerdicts() throws IOException
    {
        Path summary = temp.resolve("summary.json");
        CommandRun run = run("hunt", web.toString(), "--summary-json", summary.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("ORGANISATION"), run.out());
        assertTrue(lines[1].matches("contoso\\s+compromised\\s+2025-07-18 18:06Z\\s+spinstall0.aspx\\s+107.191.58.76\\s+.*"), lines[1]);
        assertTrue(lines[2].matches("fabrikam\\s+attempted\\s+.*198.51.100.77.*"), lines[2]);
        assertTrue(lines[3].matches("tailspin\\s+clean\\s+-\\s+-\\s+-\\s+.*"), lines[3]);

        assertTrue(run.err().contains("skipped weblogs/tailspin/web/core.dmp: "), run.err());
        assertTrue(run.err().contains("skipped weblogs/tailspin/web/notes.txt: "), run.err());
        assertTrue(run.err().contains("weblogs/contoso/sp-wfe01/u_ex250718.log:6: MALFORMED_LINE"), run.err());
        assertTrue(run.err().contains("read 4 files (2 skipped), 5 events"), run.err());

        Map<String, String> statuses = SummaryJson.readStatuses(Files.newBufferedReader(summary));
        assertEquals(Map.of("contoso", "compromised", "fabrikam", "attempted", "tailspin", "clean"), statuses);
    }

    @Test
    void testCsvOutputNeutralisesFormulas()
    {
        CommandRun run = run("hunt", web.toString(), "--format", "csv", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        String[] rows = run.out().split("\n");
        assertEquals("time,organisation,host,level,rule_id,title,author,file,line,record,fields", rows[0]);
        assertFalse(run.out().contains(",=cmd"), run.out());
        assertEquals("", run.err(), "quiet means quiet");
    }

    @Test
    void testJsonlHitsCarryAuthorAndPosition()
    {
        CommandRun run = run("hunt", web.toString(), "--format", "jsonl", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() >= 3, run.out());
        boolean sawExploit = false;
        for (String line : lines) {
            var hit = HitJson.read(line);
            assertFalse(hit.rule().author().isEmpty());
            if (hit.rule().id().equals("78b2100a-e5cc-43ec-84f6-05903af4377b") && hit.origin().organisation().equals("contoso")) {
                sawExploit = true;
                assertEquals("weblogs/contoso/sp-wfe01/u_ex250718.log:4", hit.position().toString());
            }
        }
        assertTrue(sawExploit, run.out());
    }

    @Test
    void testFixedOrganisation() throws IOException
    {
        CommandRun run = run("hunt", web.resolve("contoso").toString(), "--org", "Contoso Ltd", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\nContoso Ltd +compromised .*"), run.out());
    }

    @Test
    void testControlCharactersFromLogsAreEscapedInTheTable() throws IOException
    {
        Path hostile = temp.resolve("hostile");
        write(hostile.resolve("evil/web/u_ex250718.log"), HEADER + EXPLOIT.replace("107.191.58.76", "192.0.2.9")
                + SHELL.replace("spinstall0.aspx", "x\u001b[2J/spinstall0.aspx").replace("107.191.58.76", "192.0.2.9"));
        CommandRun run = run("hunt", hostile.toString(), "--quiet");
        assertFalse(run.out().contains("\u001b"), "no raw escape reaches the terminal");
    }

    @Test
    void testMissingRootIsInvalidInput()
    {
        CommandRun run = run("hunt", temp.resolve("nowhere").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("hunt root does not exist"), run.err());
    }

    @Test
    void testNothingReadableIsNothingDone() throws IOException
    {
        Path empty = temp.resolve("empty/org/host");
        Files.createDirectories(empty);
        Files.write(empty.resolve("blob.bin"), new byte[] {0, 0, 0, 1});
        CommandRun run = run("hunt", temp.resolve("empty").toString(), "--quiet");
        assertEquals(1, run.exitCode());
    }

    @Test
    void testUserRulesWithProblemsAreReportedAndTheRestUsed() throws IOException
    {
        Path rules = temp.resolve("rules");
        write(rules.resolve("good.yml"), """
                title: Any ToolPane POST
                id: 5b0d8f5e-7c57-4d0b-9d6f-0d2b6c1c0001
                logsource: {category: webserver}
                detection:
                    selection: {cs-method: POST, cs-uri-stem|contains: ToolPane.aspx}
                    condition: selection
                level: low
                """);
        write(rules.resolve("bad.yml"), """
                title: Broken
                id: 5b0d8f5e-7c57-4d0b-9d6f-0d2b6c1c0002
                logsource: {category: webserver}
                detection:
                    selection: {cs-method|nosuchmodifier: POST}
                    condition: selection
                """);
        CommandRun run = run("hunt", web.toString(), "--rules", rules.toString(), "--format", "jsonl");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("rules: 1 in use, 1 not loaded: 1 UNKNOWN_MODIFIER"), run.err());
        assertTrue(run.err().contains("bad.yml"), run.err());
        assertTrue(run.out().contains("5b0d8f5e-7c57-4d0b-9d6f-0d2b6c1c0001"), run.out());
    }

    private static CommandRun run(String... args)
    {
        return CommandRun.of(args);
    }

    private static void write(Path file, String text) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
