package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.SourcePosition;

public class TestShodanReader
{
    @TempDir
    Path directory;

    @Test
    public void testSharePointBannerWithCrlfHeadersInData()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("shodan.jsonl"), "scans/shodan.jsonl");
        assertEquals(ScanFormat.SHODAN, result.format());
        Banner banner = result.banner(0);
        assertEquals("shodan", banner.source());
        assertEquals(SourcePosition.line("scans/shodan.jsonl", 1), banner.position());
        assertEquals("198.51.100.10", banner.address());
        assertEquals(443, banner.port());
        assertEquals("tcp", banner.transport());
        assertEquals(Optional.of(Instant.parse("2025-07-21T09:14:02.118274Z")), banner.observed());
        assertEquals(List.of("sp.example.gov"), banner.hostnames());
        assertEquals(Optional.of("Example County Government"), banner.organisation());
        assertEquals(Optional.of("AS64500"), banner.asn());
        assertEquals(Optional.of("US"), banner.country());
        assertEquals(Optional.of(200), banner.httpStatus());
        assertEquals(Optional.of("Home - Intranet"), banner.title());
        assertTrue(banner.body().orElseThrow().contains("Microsoft SharePoint"));
        assertEquals(Optional.of("Microsoft IIS httpd"), banner.product());
        assertEquals(Optional.of("10.0"), banner.version());
        assertEquals(List.of("cpe:2.3:a:microsoft:internet_information_services:10.0", "cpe:/a:microsoft:internet_information_services:10.0"), banner.cpes());
        assertEquals(Optional.empty(), banner.rawBanner());
        HttpHeaders headers = banner.headers();
        assertEquals(9, headers.headers().size());
        assertEquals(new HttpHeaders.Header("Cache-Control", "private, max-age=0"), headers.headers().get(0));
        assertEquals(Optional.of("16.0.0.10417"), headers.first("microsoftsharepointteamservices"));
        assertEquals(Optional.of("1; RequireReadOnly"), headers.first("X-MS-InvokeApp"));
        assertEquals(Optional.of("0"), headers.first("X-SharePointHealthScore"));
    }

    @Test
    public void testLfHeadersRepeatedAndFoldedStatusFromDataTitleFromHtml()
            throws Exception
    {
        Banner banner = ScanFiles.read(ScanFiles.resource("shodan.jsonl")).atLine(2).get(0);
        assertEquals(Optional.of(302), banner.httpStatus());
        assertEquals(List.of("WSS_FullScreenMode=false; path=/", "SPUsageId=2b8e; path=/; HttpOnly"), banner.headers().all("set-cookie"));
        assertEquals(Optional.of("first part second part"), banner.headers().first("X-Folded"));
        assertEquals(Optional.of("16.0.0.5508"), banner.headers().first("MicrosoftSharePointTeamServices"));
        assertEquals(Optional.of("Object moved"), banner.title());
        assertEquals(Optional.of("DE"), banner.country());
        // http.host is the bare address here: it is no host name.
        assertEquals(List.of(), banner.hostnames());
        assertEquals(Optional.of(Instant.parse("2025-07-21T09:15:40Z")), banner.observed());
    }

    @Test
    public void testNonHttpBannerKeepsItsTextAndAnAddressGivenAsNumber()
            throws Exception
    {
        Banner banner = ScanFiles.read(ScanFiles.resource("shodan.jsonl")).atLine(3).get(0);
        assertEquals("198.51.100.98", banner.address());
        assertEquals(22, banner.port());
        assertEquals(Optional.of("AS64502"), banner.asn());
        assertEquals(Optional.of("Example Transit"), banner.organisation(), "isp when there is no org");
        assertEquals(Optional.of("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\r\n"), banner.rawBanner());
        assertTrue(banner.headers().isEmpty());
        assertEquals(Optional.empty(), banner.httpStatus());
        assertEquals(Optional.of(Instant.parse("2025-07-21T10:00:00.5Z")), banner.observed());
    }

    @Test
    public void testIpv6BannerWithHeadersObject()
            throws Exception
    {
        Banner banner = ScanFiles.read(ScanFiles.resource("shodan.jsonl")).atLine(5).get(0);
        assertEquals("2001:db8::25", banner.address());
        assertEquals(Optional.of(401), banner.httpStatus());
        assertEquals(List.of("NTLM", "Negotiate"), banner.headers().all("WWW-Authenticate"));
        assertEquals(Optional.of("16.0.0.18526"), banner.headers().first("MicrosoftSharePointTeamServices"));
        assertEquals(Optional.of("NL"), banner.country());
    }

    @Test
    public void testMinimalBannerAndPortAsText()
            throws Exception
    {
        Banner banner = ScanFiles.read(ScanFiles.resource("shodan.jsonl")).atLine(6).get(0);
        assertEquals("203.0.113.7", banner.address());
        assertEquals(8443, banner.port());
        assertEquals("tcp", banner.transport());
        assertEquals(Optional.empty(), banner.observed());
        assertEquals(Optional.empty(), banner.organisation());
        assertEquals(Optional.empty(), banner.asn());
        assertTrue(banner.headers().isEmpty());
        assertEquals(Optional.empty(), banner.rawBanner());
    }

    @Test
    public void testBrokenAndIncompleteLinesAreCountedAndTheirNeighboursKept()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("shodan.jsonl"), "shodan.jsonl");
        List<Long> lines = new ArrayList<>();
        for (Banner banner : result.banners()) {
            lines.add(banner.position().index());
        }
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 9L), lines);
        assertEquals(2, result.skipped());
        List<String> problems = new ArrayList<>();
        for (ScanProblem problem : result.problems()) {
            problems.add(problem.toString());
        }
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("shodan.jsonl:4: MALFORMED_RECORD: not valid JSON at column "), problems.get(0));
        assertEquals("shodan.jsonl:8: MISSING_FIELD: banner for 203.0.113.8 has no port; skipped", problems.get(1));
        assertEquals("shodan.jsonl:9: BAD_VALUE: asn 'ASX1' is not an AS number; dropped", problems.get(2));
        assertEquals("shodan.jsonl:9: BAD_VALUE: country code 'Germany' is not ISO 3166 alpha-2; dropped", problems.get(3));
        assertEquals("shodan.jsonl:9: BAD_VALUE: timestamp 'yesterday' is not an ISO 8601 time; the banner is kept without one", problems.get(4));
        Banner kept = result.atLine(9).get(0);
        assertEquals(Optional.of(404), kept.httpStatus());
        assertEquals(Optional.empty(), kept.asn());
        assertEquals(Optional.empty(), kept.observed());
    }

    @Test
    public void testGzipReadsTheSameAsPlain()
            throws Exception
    {
        byte[] plain = Files.readAllBytes(ScanFiles.resource("shodan.jsonl"));
        Path gz = ScanFiles.write(directory, "shodan.json.gz", ScanFiles.gzip(plain));
        Path copy = ScanFiles.write(directory, "shodan.json", plain);
        ScanFiles.Result compressed = ScanFiles.read(gz, "shodan");
        ScanFiles.Result uncompressed = ScanFiles.read(copy, "shodan");
        assertEquals(uncompressed.banners(), compressed.banners());
        assertEquals(uncompressed.problems(), compressed.problems());
    }

    @Test
    public void testTruncatedGzipKeepsWhatCameBefore()
            throws Exception
    {
        StringBuilder content = new StringBuilder();
        int lines = 3000;
        for (int i = 0; i < lines; i++) {
            content.append("{\"ip_str\":\"192.0.2.").append(i % 250 + 1).append("\",\"port\":").append(i + 1)
                    .append(",\"data\":\"HTTP/1.1 200 OK\\r\\nServer: Microsoft-IIS/10.0\\r\\nX-Line: ").append(i).append("\\r\\n\\r\\n\"}\n");
        }
        byte[] gz = ScanFiles.gzip(content.toString().getBytes(StandardCharsets.UTF_8));
        Path file = ScanFiles.write(directory, "cut.json.gz", Arrays.copyOf(gz, gz.length * 2 / 3));
        ScanFiles.Result result = ScanFiles.read(file, "cut.json.gz");
        assertTrue(result.banners().size() > 100 && result.banners().size() < lines, "kept " + result.banners().size());
        for (int i = 0; i < result.banners().size(); i++) {
            Banner banner = result.banner(i);
            assertEquals(i + 1, banner.port(), "banners before the damage are kept in order");
            assertEquals(Optional.of(String.valueOf(i)), banner.headers().first("X-Line"));
        }
        assertEquals(1, result.problems().size(), result.problems().toString());
        ScanProblem problem = result.problems().get(0);
        assertEquals(ScanProblem.TRUNCATED, problem.kind());
        assertTrue(problem.message().startsWith("gzip stream ends early"), problem.message());
        assertEquals(SourcePosition.Unit.LINE, problem.position().unit());
    }

    @Test
    public void testLongHtmlIsCappedAndLongLinesAreSkipped()
            throws Exception
    {
        String html = "<title>big</title>" + "x".repeat(100_000) + "\uD83D\uDE00";
        String content = "{\"ip_str\":\"192.0.2.1\",\"port\":80,\"http\":{\"html\":\"" + html + "\"}}\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "big.json", content));
        Banner banner = result.banner(0);
        assertEquals(ScanValues.MAX_TEXT_CHARS, banner.body().orElseThrow().length());
        assertEquals(Optional.of("big"), banner.title());

        ProblemReporter reporter = new ProblemReporter("long.json", problem -> {});
        byte[] lines = ("{\"a\":\"" + "y".repeat(5000) + "\"}\n{\"b\":1}\n").getBytes(StandardCharsets.UTF_8);
        LineSource source = new LineSource(new ByteArrayInputStream(lines), reporter, 1024);
        assertTrue(source.next());
        assertEquals(2, source.number(), "the long first line is skipped");
        assertEquals("{\"b\":1}", new String(source.buffer(), source.start(), source.end() - source.start(), StandardCharsets.UTF_8));
        assertFalse(source.next());
        assertEquals(1, reporter.skipped());
    }

    @Test
    public void testCurrentFailsBeforeAdvance()
            throws Exception
    {
        try (BannerReader reader = ScanReaders.open(ScanFiles.resource("shodan.jsonl"), "shodan.jsonl", problem -> {})) {
            assertThrows(IllegalStateException.class, reader::current);
            assertTrue(reader.advance());
            assertEquals("198.51.100.10", reader.current().address());
        }
    }

    @Test
    public void testSeveralObjectsOnALineAndTextAfterAnObject()
            throws IOException, ScanException
    {
        String content = "{\"ip_str\":\"192.0.2.1\",\"port\":1} {\"ip_str\":\"192.0.2.2\",\"port\":2}\n"
                + "{\"ip_str\":\"192.0.2.3\",\"port\":3} trailing words\n"
                + "[\"not\", \"an object\"]\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "several.json", "{\"ip_str\":\"192.0.2.9\",\"port\":9}\n" + content));
        List<Integer> ports = new ArrayList<>();
        for (Banner banner : result.banners()) {
            ports.add(banner.port());
        }
        assertEquals(List.of(9, 1, 2, 3), ports);
        assertEquals(List.of(ScanProblem.MALFORMED_RECORD, ScanProblem.MALFORMED_RECORD), result.problemKinds());
        assertEquals(3, result.problems().get(0).position().index());
        assertEquals(4, result.problems().get(1).position().index());
        // The '[' reads as array punctuation, as in masscan's output; what follows is no object.
        assertEquals("not a JSON object (starts with '\"'); skipped", result.problems().get(1).message());
    }

    @Test
    public void testABrokenFirstLineCostsOnlyItself()
            throws IOException, ScanException
    {
        // A download cut and resumed, say: the first line is broken off. The file is still one record per line.
        String content = "{\"ip_str\":\"192.0.2.1\",\"port\":44\n"
                + "{\"ip_str\":\"192.0.2.2\",\"port\":2}\n"
                + "{\"ip_str\":\"192.0.2.3\",\"port\":3}\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "first-broken.json", content));
        assertEquals(List.of(2, 3), result.banners().stream().map(Banner::port).toList());
        assertEquals(List.of(ScanProblem.MALFORMED_RECORD), result.problemKinds());
        assertEquals(1, result.problems().get(0).position().index());
    }
}
