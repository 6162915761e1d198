package dev.tradecraft.exposure.vuln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KEV catalogue loader on the corpus catalogue (when present), the built-in entries and broken files. */
public class TestKevCatalog
{
    private static final Path CORPUS = Paths.get("../shared/corpus/kev/known_exploited_vulnerabilities.json");

    @Test
    public void testCorpusCatalogueLoadsWhole()
    {
        assumeTrue(Files.isRegularFile(CORPUS), "../shared/corpus/kev is absent: corpus KEV tests skipped");
        KevCatalog catalog = KevCatalog.load(CORPUS);
        assertEquals(List.of(), catalog.problems());
        assertEquals(1404, catalog.size());
        assertEquals(Optional.of("2025.08.25"), catalog.catalogVersion());
        assertEquals(Optional.of("2025-08-25T17:04:19.9796Z"), catalog.dateReleased());
        assertToolShellEntry(catalog.entry("CVE-2025-53770").get());
        assertEquals(LocalDate.parse("2025-07-22"), catalog.entry("cve-2025-49706").get().dateAdded());
        assertEquals(Optional.empty(), catalog.entry("CVE-2025-53771"));
    }

    @Test
    public void testBuiltInEntriesServeWithoutACatalogue()
    {
        VulnerabilityKnowledge knowledge = VulnerabilityKnowledge.builtIn(null, null);
        assertToolShellEntry(knowledge.kev("CVE-2025-53770").get());
        assertEquals(3, knowledge.kevCatalog().size());
        assertTrue(knowledge.kev("CVE-2025-49704").isPresent());
        assertEquals(Optional.empty(), knowledge.kev("CVE-2025-53771"));
    }

    @Test
    public void testBadEntriesAreSkippedWithTheirLines(@TempDir Path folder) throws IOException
    {
        Path file = folder.resolve("kev.json");
        Files.writeString(file, String.join("\n",
                "{\"title\": \"test\", \"catalogVersion\": \"1\", \"count\": 6, \"extra\": {\"nested\": [1, 2]}, \"vulnerabilities\": [",
                entry("CVE-2099-0001", "2099-01-01") + ",",
                "{\"cveID\": \"CVE-2099-0002\", \"vendorProject\": \"V\"},",
                entry("NOT-A-CVE", "2099-01-01") + ",",
                "\"a string\",",
                entry("CVE-2099-0001", "2099-02-02") + ",",
                entry("CVE-2099-0003", "the first of May"),
                "]}"));

        KevCatalog catalog = KevCatalog.load(file);

        assertEquals(1, catalog.size());
        assertEquals(LocalDate.parse("2099-01-01"), catalog.entry("CVE-2099-0001").get().dateAdded());
        assertEquals(Optional.of("1"), catalog.catalogVersion());
        assertProblem(catalog, file + ":3", VulnProblemKind.BAD_KEV_ENTRY, "CVE-2099-0002 lacks a valid product, vulnerabilityName, shortDescription, "
                + "requiredAction, dateAdded, dueDate; skipped");
        assertProblem(catalog, file + ":4", VulnProblemKind.BAD_KEV_ENTRY, "entry has no valid cveID (NOT-A-CVE); skipped");
        assertProblem(catalog, file + ":5", VulnProblemKind.BAD_KEV_ENTRY, "entry is a string, not an object; skipped");
        assertProblem(catalog, file + ":6", VulnProblemKind.DUPLICATE_RECORD, "CVE-2099-0001 is listed twice; the first entry is kept");
        assertProblem(catalog, file + ":7", VulnProblemKind.BAD_KEV_ENTRY, "CVE-2099-0003 lacks a valid dateAdded, dueDate; skipped");
        assertEquals(5, catalog.problems().size(), catalog.problems().toString());
    }

    @Test
    public void testCountThatDisagreesIsReported(@TempDir Path folder) throws IOException
    {
        Path file = folder.resolve("kev.json");
        Files.writeString(file, "{\"count\": 3,\n\"vulnerabilities\": [" + entry("CVE-2099-0001", "2099-01-01") + "]}");
        KevCatalog catalog = KevCatalog.load(file);
        assertEquals(1, catalog.size());
        assertProblem(catalog, file + ":1", VulnProblemKind.BAD_FIELD, "count says 3 entries, the file holds 1");
    }

    @Test
    public void testTruncatedCatalogueKeepsTheEntriesBeforeTheCut(@TempDir Path folder) throws IOException
    {
        Path file = folder.resolve("kev.json");
        String whole = "{\"vulnerabilities\": [\n" + entry("CVE-2099-0001", "2099-01-01") + ",\n" + entry("CVE-2099-0002", "2099-01-01") + ",\n"
                + entry("CVE-2099-0003", "2099-01-01") + "\n]}";
        Files.writeString(file, whole.substring(0, whole.indexOf("CVE-2099-0003") + 20));

        KevCatalog catalog = KevCatalog.load(file);

        assertEquals(2, catalog.size());
        assertTrue(catalog.entry("CVE-2099-0002").isPresent());
        assertEquals(1, catalog.problems().size());
        VulnProblem problem = catalog.problems().get(0);
        assertEquals(VulnProblemKind.MALFORMED_JSON, problem.kind());
        assertTrue(problem.message().endsWith("the 2 entries before it are kept"), problem.message());
    }

    @Test
    public void testWhatIsNotACatalogueLoadsNothing(@TempDir Path folder) throws IOException
    {
        Path array = folder.resolve("array.json");
        Files.writeString(array, "[]");
        Path object = folder.resolve("object.json");
        Files.writeString(object, "{\"title\": \"no entries here\", \"vulnerabilities\": {}}");
        for (Path file : List.of(array, object)) {
            KevCatalog catalog = KevCatalog.load(file);
            assertEquals(0, catalog.size());
            assertEquals(VulnProblemKind.NOT_A_KEV_CATALOG, catalog.problems().get(0).kind(), file.toString());
        }
        KevCatalog missing = KevCatalog.load(folder.resolve("missing.json"));
        assertEquals(0, missing.size());
        assertEquals(VulnProblemKind.UNREADABLE_FILE, missing.problems().get(0).kind());
    }

    private static void assertToolShellEntry(KevEntry entry)
    {
        assertEquals("CVE-2025-53770", entry.cveId());
        assertEquals("Microsoft", entry.vendorProject());
        assertEquals("SharePoint", entry.product());
        assertEquals(LocalDate.parse("2025-07-20"), entry.dateAdded());
        assertEquals(LocalDate.parse("2025-07-21"), entry.dueDate());
        assertTrue(entry.knownRansomwareUse());
        assertTrue(entry.requiredAction().contains("SharePoint Server 2013 and earlier versions"), entry.requiredAction());
        assertTrue(entry.notes().get().contains("https://msrc.microsoft.com/update-guide/vulnerability/CVE-2025-53770"));
        assertEquals(List.of("CWE-502"), entry.cwes());
        assertFalse(entry.vulnerabilityName().isBlank());
    }

    private static String entry(String cve, String dateAdded)
    {
        return "{\"cveID\": \"" + cve + "\", \"vendorProject\": \"V\", \"product\": \"P\", \"vulnerabilityName\": \"N\", \"dateAdded\": \"" + dateAdded
                + "\", \"shortDescription\": \"D\", \"requiredAction\": \"A\", \"dueDate\": \"" + dateAdded + "\", \"knownRansomwareCampaignUse\": \"Unknown\","
                + " \"notes\": \"\", \"cwes\": [\"CWE-20\"]}";
    }

    private static void assertProblem(KevCatalog catalog, String position, VulnProblemKind kind, String message)
    {
        for (VulnProblem problem : catalog.problems()) {
            if (problem.position().toString().equals(position) && problem.kind() == kind) {
                assertEquals(message, problem.message());
                return;
            }
        }
        throw new AssertionError("no " + kind + " at " + position + " among " + catalog.problems());
    }
}
