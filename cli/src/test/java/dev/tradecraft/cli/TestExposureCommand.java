package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/** Exposure from scan data (cross-referenced with a hunt) and from the probe, through the CLI. */
class TestExposureCommand
{
    @TempDir
    static Path temp;

    private static World world;
    private static Path workspace;

    @BeforeAll
    static void huntAWorld() throws IOException
    {
        WorldSpec demo = WorldSpec.demo();
        world = new WorldGenerator(new WorldSpec(91, 16, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay() / 4)).write(temp.resolve("world"));
        workspace = temp.resolve("workspace");
        CommandRun hunt = CommandRun.of("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, hunt.exitCode(), hunt.err());
    }

    @Test
    void testJsonSummaryAndCompromisedOrganisationsThatAreExposed() throws IOException
    {
        Path banners = world.scans().resolve("shodan-banners.json.gz");
        CommandRun run = CommandRun.of("exposure", banners.toString(), "--format", "json", "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out();
        for (String key : new String[] {"\"records\"", "\"sharepoint_onprem\"", "\"vulnerable\"", "\"not_vulnerable\"", "\"ambiguous\"", "\"sharepoint_online\""}) {
            assertTrue(json.contains(key + " : "), key + " in " + json.substring(0, 400));
        }
        assertTrue(json.contains("\"status\" : \"compromised\""), "a compromised organisation's server is listed as exposed");
        assertTrue(json.contains("\"matched_by\" : \"organisation name\""), json);
    }

    @Test
    void testJsonToAFileEqualsJsonOnStdout() throws IOException
    {
        Path banners = world.scans().resolve("shodan-banners.json.gz");
        Path report = temp.resolve("exposure.json");
        CommandRun toFile = CommandRun.of("exposure", banners.toString(), "--format", "json", "--out", report.toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals("", toFile.err());
        CommandRun toStdout = CommandRun.of("exposure", banners.toString(), "--format", "json", "--workspace", workspace.toString(), "--quiet");
        String written = Files.readString(report, StandardCharsets.UTF_8);
        assertEquals(withoutElapsed(toStdout.out()).strip(), withoutElapsed(written).strip());
    }

    private static String withoutElapsed(String json)
    {
        return json.replaceAll("\"elapsed_seconds\" : [0-9.]+", "");
    }

    @Test
    void testTableReportKeepsTheCountsApart()
    {
        CommandRun run = CommandRun.of("exposure", world.scans().resolve("shodan-banners.json.gz").toString(), "--workspace", workspace.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("CVE-2025-53770: "), run.out());
        assertTrue(run.out().contains("SharePoint Online (Microsoft's service, not counted above): "), run.out());
        assertTrue(run.out().contains("\nPRODUCT "), run.out());
    }

    @Test
    void testMissingFileAndBadCveAreInvalidInput()
    {
        assertEquals(2, CommandRun.of("exposure", temp.resolve("nope.json").toString()).exitCode());
        Path banners = world.scans().resolve("shodan-banners.json.gz");
        CommandRun run = CommandRun.of("exposure", banners.toString(), "--cve", "NOT-A-CVE");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not a CVE id"), run.err());
    }

    @Test
    void testProbeOfALocalSharePointImitation() throws IOException
    {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Server", "Microsoft-IIS/10.0");
            exchange.getResponseHeaders().add("MicrosoftSharePointTeamServices", "16.0.0.10417");
            exchange.getResponseHeaders().add("SPRequestGuid", "5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Path scope = temp.resolve("scope.txt");
            Files.writeString(scope, "authorised-by: test suite, loopback only\nhttp://127.0.0.1:" + server.getAddress().getPort() + "\n",
                    StandardCharsets.UTF_8);
            Path workspace = temp.resolve("probe-workspace");
            CommandRun run = CommandRun.of("probe", "--scope", scope.toString(), "--format", "json", "--quiet", "--timeout", "5",
                    "--workspace", workspace.toString());
            assertEquals(0, run.exitCode(), run.err());
            CommandRun kept = CommandRun.of("sql", "--workspace", workspace.toString(), "--format", "csv", "SELECT address, state FROM exposures");
            assertEquals("address,state\r\n127.0.0.1,ambiguous\r\n", kept.out(), kept.err());
            assertTrue(run.out().contains("\"kind\" : \"sharepoint-onprem\""), run.out());
            assertTrue(run.out().contains("\"state\" : \"ambiguous\""), run.out());
            assertTrue(run.err().contains("authorised by: test suite, loopback only"), run.err());
        }
        finally {
            server.stop(0);
        }
    }

    @Test
    void testProbeRefusesAScopeWithoutAuthorisation() throws IOException
    {
        Path scope = temp.resolve("unauthorised.txt");
        Files.writeString(scope, "http://127.0.0.1:9\n", StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of("probe", "--scope", scope.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unauthorised.txt"), run.err());
    }
}
