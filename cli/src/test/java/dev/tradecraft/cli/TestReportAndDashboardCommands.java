package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.server.web.Dashboard;
import dev.tradecraft.server.web.Token;

/** The demo's workspace as the report and the dashboard show it: the same numbers the demo printed. */
class TestReportAndDashboardCommands
{
    @TempDir
    static Path temp;

    private static CommandRun demo;
    private static Path demoWorkspace;

    @BeforeAll
    static void runTheDemo()
    {
        demo = CommandRun.of("demo", "--workspace", temp.toString(), "--organisations", "12", "--quiet");
        demoWorkspace = temp.resolve(DemoCommand.DEMO_WORKSPACE);
    }

    private static long printed(String pattern)
    {
        Matcher matcher = Pattern.compile(pattern).matcher(demo.out());
        assertTrue(matcher.find(), pattern + " in " + demo.out());
        return Long.parseLong(matcher.group(1));
    }

    private static long organisationsPrinted(String status)
    {
        return demo.out().lines().filter(line -> line.matches("^\\S+\\s+" + status + "\\s.*")).count();
    }

    private static long jsonNumber(String json, String field)
    {
        Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(matcher.find(), field + " in " + json);
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void testTheDashboardShowsTheNumbersTheDemoPrinted() throws Exception
    {
        assertEquals(0, demo.exitCode(), demo.err());
        Token token = Token.generate();
        StringWriter printedByLauncher = new StringWriter();
        try (Dashboard dashboard = DashboardLauncher.start(demoWorkspace, "127.0.0.1", 0, token, new PrintWriter(printedByLauncher, true))) {
            assertTrue(printedByLauncher.toString().contains("open " + dashboard.signInAddress(token)), printedByLauncher.toString());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(dashboard.address().resolve("/api/overview")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            String overview = client.send(HttpRequest.newBuilder(dashboard.address().resolve("/api/overview"))
                    .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertEquals(organisationsPrinted("compromised"), jsonNumber(overview, "compromised"), overview);
            assertEquals(organisationsPrinted("attempted"), jsonNumber(overview, "attempted"), overview);
            assertEquals(organisationsPrinted("clean"), jsonNumber(overview, "clean"), overview);
            assertEquals(printed("(\\d+) campaigns for \\d+ actors"), jsonNumber(overview, "campaigns"), overview);
            assertEquals(printed("(\\d+) SharePoint servers on-premises"), jsonNumber(overview, "services"), overview);
            assertEquals(printed("(\\d+) vulnerable to CVE"), jsonNumber(overview, "vulnerable"), overview);
            assertEquals(printed("(\\d+) ambiguous"), jsonNumber(overview, "ambiguous"), overview);

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(dashboard.address().resolve("/"))
                    .header("X-Tradecraft-Token", token.value()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(">" + jsonNumber(overview, "compromised") + "<"), "the overview page shows the count");
        }
    }

    @Test
    void testReportForAllAndForOneOrganisation() throws Exception
    {
        assertEquals(0, demo.exitCode(), demo.err());
        CommandRun all = CommandRun.of("report", "--workspace", demoWorkspace.toString());
        assertEquals(0, all.exitCode(), all.err());
        Path report = demoWorkspace.resolve("reports").resolve("tradecraft-report.html");
        assertTrue(all.out().contains(report.toString()), all.out());
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing is fetched at view time");

        String organisation = demo.out().lines().filter(line -> line.matches("^\\S+\\s+compromised\\s.*")).findFirst().orElseThrow().split("\\s+")[0];
        Path one = temp.resolve("one.html");
        CommandRun single = CommandRun.of("report", "--workspace", demoWorkspace.toString(), "--org", organisation, "--out", one.toString());
        assertEquals(0, single.exitCode(), single.err());
        assertTrue(Files.readString(one, StandardCharsets.UTF_8).contains(organisation));

        CommandRun unknown = CommandRun.of("report", "--workspace", demoWorkspace.toString(), "--org", "no-such-org", "--out", one.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("tradecraft report: "), unknown.err());
    }

    @Test
    void testServeAndReportExplainAMissingWorkspace()
    {
        CommandRun serve = CommandRun.of("serve", "--workspace", temp.resolve("nothing").toString(), "--port", "0");
        assertEquals(2, serve.exitCode());
        assertTrue(serve.err().contains("no workspace at"), serve.err());
        CommandRun report = CommandRun.of("report", "--workspace", temp.resolve("nothing").toString());
        assertEquals(2, report.exitCode());
        assertTrue(report.err().contains("no workspace at"), report.err());
    }

    @Test
    void testReportFileNamesFromOrganisationNamesStayInTheFolder()
    {
        assertEquals("acme.html", ReportCommand.fileName("ACME"));
        assertEquals("etc-passwd.html", ReportCommand.fileName("../../etc/passwd"));
        assertEquals("organisation.html", ReportCommand.fileName("///"));
    }
}
