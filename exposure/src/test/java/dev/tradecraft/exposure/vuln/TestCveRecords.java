package dev.tradecraft.exposure.vuln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.exposure.vuln.CveRecord.Affected;
import dev.tradecraft.exposure.vuln.CveRecord.AffectedVersion;
import dev.tradecraft.exposure.vuln.CveRecord.CpeMatch;
import dev.tradecraft.exposure.vuln.CveRecord.CpeNode;
import dev.tradecraft.exposure.vuln.CveRecord.Cvss;

/** The CVE JSON 5 loader, on the corpus records (when present), the built-in copies and broken files. */
public class TestCveRecords
{
    static final Path CORPUS = Paths.get("../shared/corpus/cve");

    @Test
    public void testLoadsEveryCorpusRecordWithoutProblems() throws IOException
    {
        assumeCorpus();
        long files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(path -> path.toString().endsWith(".json")).count();
        }
        CveRecords records = CveRecords.load(CORPUS);
        assertEquals(List.of(), records.problems());
        assertEquals(files, records.size());
        for (CveRecord record : records.records()) {
            assertTrue(record.source().endsWith(record.id() + ".json"), record.source());
            assertTrue(record.datePublished().isPresent(), record.id());
            assertTrue(record.description().isPresent(), record.id());
            assertFalse(record.affected().isEmpty(), record.id());
        }
    }

    @Test
    public void testCorpusToolShellRecordEqualsTheBuiltInCopy() throws IOException
    {
        assumeCorpus();
        CveRecord corpus = CveRecords.load(CORPUS.resolve("CVE-2025-53770.json")).record("CVE-2025-53770").get();
        CveRecord builtIn = builtIn("CVE-2025-53770");
        assertEquals(builtIn, new CveRecord(corpus.id(), corpus.state(), corpus.datePublished(), corpus.dateUpdated(), corpus.datePublic(), corpus.title(),
                corpus.description(), corpus.cwes(), corpus.affected(), corpus.cpeApplicability(), corpus.cvss(), corpus.kevListing(), builtIn.source()));
    }

    @Test
    public void testToolShellRecordIsReadAsInTheFile() throws IOException
    {
        CveRecord record = builtIn("cve-2025-53770");
        assertEquals("CVE-2025-53770", record.id());
        assertEquals(Optional.of("PUBLISHED"), record.state());
        assertEquals(Optional.of(Instant.parse("2025-07-20T01:06:33.607Z")), record.datePublished());
        assertEquals(Optional.of(Instant.parse("2026-08-04T03:55:52.588Z")), record.dateUpdated());
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:00:00Z")), record.datePublic());
        assertEquals(Optional.of("Microsoft SharePoint Server Remote Code Execution Vulnerability"), record.title());
        assertTrue(record.description().get().startsWith("Deserialization of untrusted data in on-premises Microsoft SharePoint Server"));
        assertEquals(List.of("CWE-502"), record.cwes());

        assertEquals(3, record.affected().size());
        assertAffected(record.affected().get(0), "Microsoft SharePoint Enterprise Server 2016", "16.0.5513.1001");
        assertAffected(record.affected().get(1), "Microsoft SharePoint Server 2019", "16.0.10417.20037");
        assertAffected(record.affected().get(2), "Microsoft SharePoint Server Subscription Edition", "16.0.18526.20508");

        assertEquals(1, record.cpeApplicability().size());
        assertEquals(Optional.empty(), record.cpeApplicability().get(0).operator());
        assertEquals(1, record.cpeApplicability().get(0).nodes().size());
        CpeNode node = record.cpeApplicability().get(0).nodes().get(0);
        assertEquals("OR", node.operator());
        assertFalse(node.negate());
        assertEquals(List.of(
                match("cpe:2.3:a:microsoft:sharepoint_server_2016:*:*:*:*:enterprise:*:*:*", "16.0.5513.1001"),
                match("cpe:2.3:a:microsoft:sharepoint_server_2019:*:*:*:*:*:*:*:*", "16.0.10417.20037"),
                match("cpe:2.3:a:microsoft:sharepoint_server:*:*:*:*:subscription:*:*:*", "16.0.18526.20508")),
                node.matches());

        assertEquals(List.of(new Cvss("cna", "3.1", 9.8, Optional.of("CRITICAL"), Optional.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:W/RC:C"))),
                record.cvss());
        assertEquals(LocalDate.parse("2025-07-20"), record.kevListing().get().dateAdded());
        assertEquals(Optional.of("https://www.cisa.gov/known-exploited-vulnerabilities-catalog?field_cve=CVE-2025-53770"), record.kevListing().get().reference());
    }

    @Test
    public void testPairAndBypassRecordsKeepTheirOwnRanges() throws IOException
    {
        CveRecord bypass = builtIn("CVE-2025-53771");
        assertEquals("16.0.18526.20508", bypass.affected().get(2).versions().get(0).lessThan().get());
        assertEquals(Optional.empty(), bypass.kevListing());
        assertEquals(6.5, bypass.highestCvss("3.1").get().baseScore());

        CveRecord codeInjection = builtIn("CVE-2025-49704");
        assertEquals(2, codeInjection.affected().size());
        assertEquals("16.0.5508.1000", codeInjection.affected().get(0).versions().get(0).lessThan().get());
        assertEquals("16.0.10417.20027", codeInjection.affected().get(1).versions().get(0).lessThan().get());
        assertEquals(LocalDate.parse("2025-07-22"), codeInjection.kevListing().get().dateAdded());

        CveRecord spoofing = builtIn("CVE-2025-49706");
        assertEquals("Microsoft SharePoint Server Subscription Edition", spoofing.affected().get(2).product());
        assertEquals("16.0.18526.20424", spoofing.affected().get(2).versions().get(0).lessThan().get());
    }

    @Test
    public void testOldRecordWithoutRangesOrZone()
    {
        assumeCorpus();
        CveRecord record = CveRecords.load(CORPUS.resolve("CVE-2019-0604.json")).record("CVE-2019-0604").get();
        assertEquals(Optional.of(Instant.parse("2019-03-06T00:00:00Z")), record.datePublished());
        AffectedVersion version = record.affected().get(0).versions().get(0);
        assertEquals("2010 Service Pack 2", version.version());
        assertFalse(version.isRange());
        assertEquals(List.of(), record.cpeApplicability());
    }

    @Test
    public void testChangesDefaultStatusAndAdpScores()
    {
        assumeCorpus();
        CveRecord record = CveRecords.load(CORPUS.resolve("CVE-2024-3400.json")).record("CVE-2024-3400").get();
        Affected panOs = record.affected().get(0);
        assertEquals("PAN-OS", panOs.product());
        assertEquals(Optional.of("Palo Alto Networks"), panOs.vendor());
        assertEquals(Optional.of("unaffected"), panOs.defaultStatus());
        AffectedVersion ranged = panOs.versions().get(4);
        assertEquals("10.2.0", ranged.version());
        assertEquals(Optional.of("10.2.9-h1"), ranged.lessThan());
        assertEquals("10.2.9-h1", ranged.changes().get(0).at());
        assertEquals("unaffected", ranged.changes().get(0).status());
        assertEquals(10.0, record.highestCvss("3.1").get().baseScore());
        assertTrue(record.kevListing().isPresent());
    }

    @Test
    public void testBrokenFilesAreReportedAndTheRestLoad(@TempDir Path folder) throws IOException
    {
        Files.writeString(folder.resolve("broken.json"), "{\n  \"cveMetadata\": {\n    \"cveId\": \"CVE-2099-0001\",\n");
        Files.writeString(folder.resolve("other.json"), "{\"hello\": 1}");
        Files.writeString(folder.resolve("array.json"), "[1, 2]");
        Files.writeString(folder.resolve("empty.json"), "");
        Files.writeString(folder.resolve("README.txt"), "not a record");
        Files.createDirectories(folder.resolve("2099/0xxx"));
        Files.writeString(folder.resolve("2099/0xxx/minimal.json"), "{\"cveMetadata\": {\"cveId\": \"cve-2099-0002\"}}");
        Files.copy(resource("CVE-2025-53770.json"), folder.resolve("toolshell.json"));

        CveRecords records = CveRecords.load(folder);

        assertEquals(List.of("CVE-2025-53770", "CVE-2099-0002"), ids(records));
        CveRecord minimal = records.record("CVE-2099-0002").get();
        assertEquals(List.of(), minimal.affected());
        assertEquals(Optional.empty(), minimal.datePublished());
        assertEquals(Optional.empty(), minimal.kevListing());
        assertEquals(4, records.problems().size(), records.problems().toString());
        assertProblem(records, folder.resolve("array.json") + ":1", VulnProblemKind.NOT_A_CVE_RECORD);
        assertProblem(records, folder.resolve("broken.json") + ":4", VulnProblemKind.MALFORMED_JSON);
        assertProblem(records, folder.resolve("empty.json") + ":0", VulnProblemKind.NOT_A_CVE_RECORD);
        assertProblem(records, folder.resolve("other.json") + ":1", VulnProblemKind.NOT_A_CVE_RECORD);
    }

    @Test
    public void testBadPartsAreSkippedWithTheirLines(@TempDir Path folder) throws IOException
    {
        Path file = folder.resolve("parts.json");
        Files.writeString(file, String.join("\n",
                "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0003\", \"datePublished\": \"yesterday\"},",
                " \"containers\": {\"cna\": {",
                "  \"affected\": [",
                "   \"a string\",",
                "   {\"vendor\": \"Microsoft\"},",
                "   {\"product\": \"Microsoft SharePoint Server 2019\", \"versions\": [",
                "     {\"version\": \"16.0.0\", \"lessThan\": \"16.0.10417.20037\"},",
                "     {\"version\": \"16.0.0\", \"lessThan\": 5, \"status\": \"affected\"}]}],",
                "  \"metrics\": [{\"cvssV3_1\": {\"baseScore\": \"high\"}}, {\"cvssV3_1\": {\"baseScore\": 7.5, \"version\": \"3.1\"}}],",
                "  \"descriptions\": [{\"lang\": \"de\", \"value\": \"Deutsch\"}, {\"lang\": \"en\", \"value\": \"English\"}]",
                " }}}"));

        CveRecords records = CveRecords.load(file);

        CveRecord record = records.record("CVE-2099-0003").get();
        assertEquals(Optional.empty(), record.datePublished());
        assertEquals(Optional.of("English"), record.description());
        assertEquals(1, record.affected().size());
        assertEquals(1, record.affected().get(0).versions().size());
        assertEquals(Optional.empty(), record.affected().get(0).versions().get(0).lessThan());
        assertEquals(List.of(7.5), List.of(record.cvss().get(0).baseScore()));
        assertProblem(records, file + ":1", VulnProblemKind.BAD_DATE);
        assertProblem(records, file + ":4", VulnProblemKind.BAD_FIELD);
        assertProblem(records, file + ":5", VulnProblemKind.BAD_FIELD);
        assertProblem(records, file + ":7", VulnProblemKind.BAD_FIELD);
        assertProblem(records, file + ":8", VulnProblemKind.BAD_FIELD);
        assertProblem(records, file + ":9", VulnProblemKind.BAD_FIELD);
    }

    @Test
    public void testDuplicateKeepsTheRecordUpdatedLast(@TempDir Path folder) throws IOException
    {
        Files.writeString(folder.resolve("a.json"), "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0004\", \"dateUpdated\": \"2025-01-01T00:00:00Z\"},"
                + " \"containers\": {\"cna\": {\"title\": \"old\"}}}");
        Files.writeString(folder.resolve("b.json"), "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0004\", \"dateUpdated\": \"2025-06-01T00:00:00Z\"},"
                + " \"containers\": {\"cna\": {\"title\": \"new\"}}}");
        Files.writeString(folder.resolve("c.json"), "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0004\", \"dateUpdated\": \"2024-01-01T00:00:00Z\"},"
                + " \"containers\": {\"cna\": {\"title\": \"oldest\"}}}");

        CveRecords records = CveRecords.load(folder);

        assertEquals(Optional.of("new"), records.record("CVE-2099-0004").get().title());
        assertEquals(2, records.problems().size());
        assertProblem(records, folder.resolve("a.json") + ":0", VulnProblemKind.DUPLICATE_RECORD);
        assertProblem(records, folder.resolve("c.json") + ":0", VulnProblemKind.DUPLICATE_RECORD);
    }

    @Test
    public void testMissingPathIsAProblem(@TempDir Path folder)
    {
        Path missing = folder.resolve("nothing-here.json");
        CveRecords records = CveRecords.load(missing);
        assertEquals(0, records.size());
        assertEquals(1, records.problems().size());
        assertEquals(VulnProblemKind.UNREADABLE_FILE, records.problems().get(0).kind());
        assertTrue(records.problems().get(0).toString().startsWith(missing + ":0: UNREADABLE_FILE"));
    }

    @Test
    public void testDeepNestingIsRefusedNotAStackOverflow(@TempDir Path folder) throws IOException
    {
        Path file = folder.resolve("deep.json");
        Files.writeString(file, "{\"cveMetadata\": {\"cveId\": \"CVE-2099-0005\"}, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        CveRecords records = CveRecords.load(file);
        assertEquals(0, records.size());
        assertEquals(VulnProblemKind.MALFORMED_JSON, records.problems().get(0).kind());
    }

    static void assumeCorpus()
    {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/cve is absent: corpus CVE record tests skipped");
    }

    /** The built-in copy of a ToolShell record, read through the same loader. */
    static CveRecord builtIn(String id) throws IOException
    {
        CveRecords.Loader loader = new CveRecords.Loader();
        String name = id.toUpperCase(Locale.ROOT) + ".json";
        try (InputStream input = resource(name)) {
            loader.addStream(input, "classpath:" + name);
        }
        CveRecords records = loader.finish();
        assertEquals(List.of(), records.problems());
        return records.record(id).get();
    }

    private static InputStream resource(String name)
    {
        InputStream input = TestCveRecords.class.getClassLoader().getResourceAsStream(VulnerabilityKnowledge.CONTENT + "cve/" + name);
        assertTrue(input != null, "built-in record " + name + " is not on the classpath");
        return input;
    }

    private static void assertAffected(Affected affected, String product, String lessThan)
    {
        assertEquals(Optional.of("Microsoft"), affected.vendor());
        assertEquals(product, affected.product());
        assertEquals(List.of("x64-based Systems"), affected.platforms());
        assertEquals(Optional.empty(), affected.defaultStatus());
        assertEquals(List.of(new AffectedVersion("16.0.0", Optional.of(lessThan), Optional.empty(), Optional.of("custom"), "affected", List.of())),
                affected.versions());
    }

    private static CpeMatch match(String criteria, String endExcluding)
    {
        return new CpeMatch(criteria, true, Optional.of("16.0.0"), Optional.empty(), Optional.empty(), Optional.of(endExcluding));
    }

    private static List<String> ids(CveRecords records)
    {
        List<String> ids = new ArrayList<>();
        for (CveRecord record : records.records()) {
            ids.add(record.id());
        }
        return ids;
    }

    private static void assertProblem(CveRecords records, String position, VulnProblemKind kind)
    {
        for (VulnProblem problem : records.problems()) {
            if (problem.position().toString().equals(position) && problem.kind() == kind) {
                return;
            }
        }
        throw new AssertionError("no " + kind + " at " + position + " among " + records.problems());
    }
}
