package dev.tradecraft.exposure.vuln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.vuln.CveRecord.Affected;
import dev.tradecraft.exposure.vuln.CveRecord.AffectedVersion;

/** The built-in products and shipped builds, checked against the facts they must hold, and the table reader on bad rows. */
public class TestSharePointContent
{
    private static final VulnerabilityKnowledge BUILT_IN = VulnerabilityKnowledge.builtIn(null, null);

    @Test
    public void testBuiltInContentLoadsWithoutProblems()
    {
        assertEquals(List.of(), BUILT_IN.problems());
        List<String> ids = new ArrayList<>();
        for (SharePointProduct product : BUILT_IN.products()) {
            ids.add(product.id());
        }
        assertEquals(List.of("sp2010", "sp2013", "sp2016", "sp2019", "spse", "spo"), ids);
        assertTrue(BUILT_IN.shippedBuilds().size() > 150, "shipped builds: " + BUILT_IN.shippedBuilds().size());
        assertEquals(List.of("CVE-2025-49704", "CVE-2025-49706", "CVE-2025-53770", "CVE-2025-53771"), recordIds(BUILT_IN.records()));
    }

    @Test
    public void testToolShellBuildsOfToolshellMdAreListedAndVerified()
    {
        Map<String, ShippedBuild> builds = byBuild();
        assertShipped(builds, "16.0.5508.1000", "sp2016", Optional.of("2025-07-08"));
        assertShipped(builds, "16.0.5513.1001", "sp2016", Optional.of("2025-07-21"));
        assertShipped(builds, "16.0.5513.1002", "sp2016", Optional.of("2025-08-12"));
        assertShipped(builds, "16.0.10417.20027", "sp2019", Optional.of("2025-07-08"));
        assertShipped(builds, "16.0.10417.20037", "sp2019", Optional.of("2025-07-20"));
        assertShipped(builds, "16.0.10417.20041", "sp2019", Optional.of("2025-08-12"));
        assertShipped(builds, "16.0.18526.20424", "spse", Optional.of("2025-07-08"));
        assertShipped(builds, "16.0.18526.20508", "spse", Optional.of("2025-07-20"));
        assertShipped(builds, "16.0.18526.20518", "spse", Optional.of("2025-08-12"));
        assertEquals(Optional.of("KB5002760"), builds.get("16.0.5513.1001").kb());
        assertEquals(Optional.of("KB5002754"), builds.get("16.0.10417.20037").kb());
        assertEquals(Optional.of("KB5002768"), builds.get("16.0.18526.20508").kb());
    }

    @Test
    public void testEveryFixBuildOfTheToolShellRecordsWasShipped()
    {
        Map<String, ShippedBuild> builds = byBuild();
        for (CveRecord record : BUILT_IN.records()) {
            for (Affected affected : record.affected()) {
                SharePointProduct product = productNamed(affected.product());
                for (AffectedVersion version : affected.versions()) {
                    ShippedBuild fix = builds.get(version.lessThan().get());
                    assertTrue(fix != null, record.id() + ": fix " + version.lessThan().get() + " is not a shipped build");
                    assertEquals(product.id(), fix.productId(), record.id());
                    assertTrue(fix.verified(), record.id() + " " + fix);
                }
            }
        }
    }

    @Test
    public void testBuildLinesSeparateTheProducts()
    {
        for (ShippedBuild build : BUILT_IN.shippedBuilds()) {
            long line = build.line();
            switch (build.productId()) {
                case "sp2016" -> assertTrue(line >= 4000 && line <= 5999, build.toString());
                case "sp2019" -> assertTrue(line >= 10000 && line <= 10999, build.toString());
                case "spse" -> assertTrue(line >= 14000, build.toString());
                case "sp2013" -> assertEquals(15, build.build().component(0), build.toString());
                case "sp2010" -> assertEquals(14, build.build().component(0), build.toString());
                default -> throw new AssertionError("build of an unexpected product: " + build.productId());
            }
        }
    }

    @Test
    public void testEndOfLifeFacts()
    {
        SharePointProduct sp2013 = productNamed("Microsoft SharePoint Foundation 2013 Service Pack 1");
        assertEquals("sp2013", sp2013.id());
        assertTrue(sp2013.unfixedAfterEndOfLife().contains("CVE-2025-53770"));
        assertFalse(sp2013.unfixedAfterEndOfLife().contains("CVE-2025-53771"));
        assertTrue(sp2013.pastEndOfSupport(LocalDate.parse("2025-07-19")));
        SharePointProduct se = productNamed("Microsoft SharePoint Server Subscription Edition");
        assertEquals(Optional.empty(), se.endOfSupport());
        assertEquals(Optional.empty(), se.lineMax());
        assertEquals(List.of(), se.unfixedAfterEndOfLife());
    }

    @Test
    public void testCellsSplitOnCommasOutsideQuotes()
    {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), ContentCsv.split("a,\"b, c\",\"say \"\"hi\"\"\","));
        assertEquals(List.of("", ""), ContentCsv.split(","));
        assertEquals(List.of("x"), ContentCsv.split(" x "));
        assertNull(ContentCsv.split("a,\"open"));
        assertEquals(List.of("a", "b"), ContentCsv.values(" a | b |"));
        assertEquals(List.of(), ContentCsv.values(""));
    }

    @Test
    public void testBadRowsAreReportedWithTheirLinesAndSkipped() throws IOException
    {
        String products = String.join("\n",
                "# comment",
                String.join(",", SharePointCatalog.PRODUCT_COLUMNS),
                "p16,Product 16,16,4000,5999,onprem,,,Name 16,,note",
                "p19,Product 19,16,5000,10999,onprem,,,Name 19,,overlaps p16",
                "bad,Bad,sixteen,1,2,onprem,,,,,not a number",
                "odd,Odd,16,1,2,cloud,,,,,unknown kind",
                "p16,Again,16,20000,,onprem,,,,,duplicate id",
                "short,row");
        String builds = String.join("\n",
                String.join(",", SharePointCatalog.BUILD_COLUMNS),
                "p16,16.0.4500.1000,CU,KB1,2020-01,verified,ok",
                "p16,16.0.4500.1000,CU again,KB1,2020-01,verified,duplicate",
                "p16,16.0.7000.1000,CU,KB2,2020-01,verified,outside the range",
                "nobody,16.0.4500.1000,CU,KB3,2020-01,verified,unknown product",
                "p16,16.0.4600,CU,KB4,2020-01,verified,three parts",
                "p16,16.0.4700.1000,CU,KB5,January,verified,bad date",
                "p16,16.0.4800.1000,CU,KB6,2020-02,maybe,bad evidence",
                "p16,16.0.4900.1000,,KB7,2020-03,verified,no name");
        List<VulnProblem> problems = new ArrayList<>();

        SharePointCatalog catalog = SharePointCatalog.read(new BufferedReader(new StringReader(products)), "products.csv",
                new BufferedReader(new StringReader(builds)), "builds.csv", problems);

        assertEquals(2, catalog.products().size());
        assertEquals(List.of("16.0.4500.1000"), buildTexts(catalog.builds()));
        assertProblem(problems, "products.csv:0", VulnProblemKind.INCONSISTENT_CONTENT);
        assertProblem(problems, "products.csv:5", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "products.csv:6", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "products.csv:7", VulnProblemKind.INCONSISTENT_CONTENT);
        assertProblem(problems, "products.csv:8", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "builds.csv:3", VulnProblemKind.INCONSISTENT_CONTENT);
        assertProblem(problems, "builds.csv:4", VulnProblemKind.INCONSISTENT_CONTENT);
        assertProblem(problems, "builds.csv:5", VulnProblemKind.INCONSISTENT_CONTENT);
        assertProblem(problems, "builds.csv:6", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "builds.csv:7", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "builds.csv:8", VulnProblemKind.BAD_CONTENT_ROW);
        assertProblem(problems, "builds.csv:9", VulnProblemKind.BAD_CONTENT_ROW);
        assertEquals(12, problems.size(), problems.toString());
    }

    @Test
    public void testWrongHeaderSkipsTheTable() throws IOException
    {
        List<VulnProblem> problems = new ArrayList<>();
        List<ContentCsv.Row> rows = ContentCsv.read(new BufferedReader(new StringReader("a,b\n1,2\n")), "t.csv", List.of("a", "c"), problems);
        assertEquals(List.of(), rows);
        assertEquals("t.csv:1: BAD_CONTENT_ROW header is [a, b], expected [a, c]; table skipped", problems.get(0).toString());
    }

    private static Map<String, ShippedBuild> byBuild()
    {
        Map<String, ShippedBuild> builds = new HashMap<>();
        for (ShippedBuild build : BUILT_IN.shippedBuilds()) {
            assertNull(builds.put(build.build().text(), build), "listed twice: " + build);
        }
        return builds;
    }

    private static void assertShipped(Map<String, ShippedBuild> builds, String build, String product, Optional<String> released)
    {
        ShippedBuild shipped = builds.get(build);
        assertTrue(shipped != null, build + " is not in the shipped-build table");
        assertEquals(product, shipped.productId(), build);
        assertEquals(released, shipped.released(), build);
        assertTrue(shipped.verified(), build + " is not marked verified");
        assertFalse(shipped.note().isBlank(), build + " names no source");
    }

    private static SharePointProduct productNamed(String recordName)
    {
        for (SharePointProduct product : BUILT_IN.products()) {
            if (product.isNamed(recordName)) {
                return product;
            }
        }
        throw new AssertionError("no product is named '" + recordName + "'");
    }

    private static List<String> recordIds(List<CveRecord> records)
    {
        List<String> ids = new ArrayList<>();
        for (CveRecord record : records) {
            ids.add(record.id());
        }
        return ids;
    }

    private static List<String> buildTexts(List<ShippedBuild> builds)
    {
        List<String> texts = new ArrayList<>();
        for (ShippedBuild build : builds) {
            texts.add(build.build().text());
        }
        return texts;
    }

    private static void assertProblem(List<VulnProblem> problems, String position, VulnProblemKind kind)
    {
        for (VulnProblem problem : problems) {
            if (problem.position().toString().equals(position) && problem.kind() == kind) {
                return;
            }
        }
        throw new AssertionError("no " + kind + " at " + position + " among " + problems);
    }
}
