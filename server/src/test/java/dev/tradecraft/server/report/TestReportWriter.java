package dev.tradecraft.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.server.SampleWorkspace;
import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.WorkspaceQueries;

class TestReportWriter
{
    /** An attribute that loads or links something, inside a tag (text holds no raw '<', so it cannot fake one). */
    private static final Pattern RESOURCE = Pattern.compile("(?i)<[^<>]*?\\s(src|href|xlink:href|action)\\s*=\\s*[\"']?([^\"' >]*)");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-22T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;

    private static String whole;
    private static String acme;
    private static String clean;

    @BeforeAll
    static void writeReports() throws Exception
    {
        SampleWorkspace.write(folder);
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            WorkspaceQueries queries = new WorkspaceQueries(workspace);
            ReportWriter writer = new ReportWriter(queries, ResponsePlanner.builtIn("CVE-2025-53770"), CLOCK);
            Path file = writer.write(folder.resolve("reports/report.html"), Optional.empty());
            whole = Files.readString(file, StandardCharsets.UTF_8);
            acme = writer.render(Optional.of(SampleWorkspace.COMPROMISED));
            clean = writer.render(Optional.of(SampleWorkspace.CLEAN));
        }
    }

    @Test
    void testReportIsOneDocumentWithNothingToFetch()
    {
        for (String report : new String[] {whole, acme, clean}) {
            assertTrue(report.startsWith("<!DOCTYPE html>"), "a whole document");
            assertTrue(report.contains("<style>") && report.contains("@media print"), "inline, printable stylesheet");
            assertFalse(report.contains("http://") || report.contains("https://"), "no network URL anywhere");
            assertFalse(report.contains("<script") || report.contains("<link") || report.contains("<img") || report.contains("@import"),
                    "no script, linked file or image to load");
            Matcher resource = RESOURCE.matcher(report);
            while (resource.find()) {
                String target = resource.group(2);
                assertTrue(resource.group(1).equalsIgnoreCase("href") && target.startsWith("#"), "only in-page links: " + resource.group());
            }
        }
    }

    @Test
    void testAttackerTextAppearsOnlyEscaped()
    {
        assertFalse(whole.contains(SampleWorkspace.SCRIPT));
        assertFalse(acme.contains(SampleWorkspace.SCRIPT));
        assertTrue(whole.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the user agent is shown, as text");
        assertTrue(acme.contains("Webshell &lt;script&gt;alert(1)&lt;/script&gt; requested"), "the user rule's title is shown, as text");
    }

    @Test
    void testWholeReportHasCampaignsExposureAndEveryOrganisationWithItsChecklist()
    {
        assertTrue(whole.contains("Campaign " + SampleWorkspace.CAMPAIGN));
        assertTrue(whole.contains("single-actor") && whole.contains("with confidence 80 of 100"));
        assertTrue(whole.contains("the same source address 107.191.58.76 at 2 organisations"), "evidence");
        assertTrue(whole.contains("curl/8.0 is a common user agent"), "what argues against it");
        assertTrue(whole.contains("SharePoint services by state for CVE-2025-53770"), "exposure chart");
        assertTrue(whole.contains("Exposure by country") && whole.contains(">DE<") && whole.contains(">NL<"));
        for (String organisation : new String[] {SampleWorkspace.COMPROMISED, SampleWorkspace.ATTEMPTED, SampleWorkspace.CLEAN}) {
            assertTrue(whole.contains("<h2>Organisation " + organisation + "</h2>"), organisation);
        }
        assertEquals(3, count(whole, "<ol class=\"checklist\">"), "one checklist per organisation");
        assertEquals(3, count(whole, "data-step=\"patch\""), "every organisation is told to patch");
    }

    @Test
    void testOneOrganisationsReportNamesNoOtherVictim()
    {
        assertTrue(acme.contains("Tradecraft report: " + SampleWorkspace.COMPROMISED));
        assertFalse(acme.contains(SampleWorkspace.ATTEMPTED), "the other victim of the campaign is not named");
        assertFalse(acme.contains(SampleWorkspace.CLEAN));
        assertTrue(acme.contains("Campaign " + SampleWorkspace.CAMPAIGN));
        assertTrue(acme.contains("data-step=\"remove_webshells\"") && acme.contains(SampleWorkspace.WEBSHELL));
        assertTrue(acme.contains("16.0.10417.20037"), "the tied server's fixed build");
        assertTrue(clean.contains("No sign of exploitation was found") && clean.contains("data-step=\"patch\""));
    }

    @Test
    void testUnknownOrganisationIsRefusedWithItsName() throws Exception
    {
        try (Workspace workspace = Workspace.openReadOnly(folder)) {
            ReportWriter writer = new ReportWriter(new WorkspaceQueries(workspace), ResponsePlanner.builtIn(""), CLOCK);
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> writer.render(Optional.of("nobody")));
            assertTrue(failure.getMessage().contains("'nobody'"), failure.getMessage());
        }
    }

    private static int count(String text, String part)
    {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
