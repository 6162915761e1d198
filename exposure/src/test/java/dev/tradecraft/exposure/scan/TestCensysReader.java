package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.SourcePosition;

public class TestCensysReader
{
    @TempDir
    Path directory;

    @Test
    public void testOneBannerPerServiceWithHostFields()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl"), "censys.jsonl");
        assertEquals(ScanFormat.CENSYS, result.format());
        List<Banner> host = result.atLine(1);
        assertEquals(3, host.size(), "443, 80 and 22; the service without a port is skipped");
        Banner https = host.get(0);
        assertEquals("censys", https.source());
        assertEquals("203.0.113.25", https.address());
        assertEquals(443, https.port());
        assertEquals("tcp", https.transport());
        assertEquals(Optional.of(Instant.parse("2025-07-21T10:58:10Z")), https.observed());
        assertEquals(List.of("sp.example.de", "intranet.example.de"), https.hostnames());
        assertEquals(Optional.of("EXAMPLE-HOSTING"), https.organisation());
        assertEquals(Optional.of("AS64501"), https.asn());
        assertEquals(Optional.of("DE"), https.country());
        assertEquals(Optional.of(401), https.httpStatus());
        assertEquals(Optional.empty(), https.title(), "html_title null");
        assertEquals(Optional.of("Microsoft SharePoint Server"), https.product());
        assertEquals(Optional.of("16.0.0.18526"), https.version());
        assertEquals(List.of("cpe:2.3:a:microsoft:sharepoint_server:16.0.0.18526:*:*:*:*:*:*:*",
                "cpe:2.3:a:microsoft:internet_information_services:10.0:*:*:*:*:*:*:*"), https.cpes());
        assertEquals(Optional.of("16.0.0.18526"), https.headers().first("MicrosoftSharePointTeamServices"));
        assertEquals(List.of("NTLM", "Negotiate"), https.headers().all("www-authenticate"));
        assertTrue(!https.headers().contains("_encoding"), "_encoding describes the headers, it is none");
        assertEquals(4, https.headers().headers().size());
    }

    @Test
    public void testTheThreeHeaderShapesAndTitleFromBody()
            throws Exception
    {
        Banner http = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl")).atLine(1).get(1);
        assertEquals(80, http.port());
        assertEquals(Optional.of(200), http.httpStatus(), "status code as text");
        assertEquals(Optional.of("Microsoft-IIS/10.0"), http.headers().first("Server"));
        assertEquals(Optional.of("0"), http.headers().first("X-SharePointHealthScore"));
        assertEquals(Optional.of("8d2c4e1a-0b1f-4c6e-9a55-1f0e2d3c4b5a"), http.headers().first("SPRequestGuid"));
        assertEquals(Optional.of("Sign In"), http.title());
        assertEquals(Optional.of(Instant.parse("2025-07-21T10:57:00Z")), http.observed());
    }

    @Test
    public void testNonHttpServiceKeepsItsBanner()
            throws Exception
    {
        Banner ssh = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl")).atLine(1).get(2);
        assertEquals(22, ssh.port());
        assertEquals(Optional.of("SSH-2.0-OpenSSH_for_Windows_8.1"), ssh.rawBanner());
        assertTrue(ssh.headers().isEmpty());
        assertEquals(Optional.of(Instant.parse("2025-07-21T11:02:44.913Z")), ssh.observed(), "the host's last_updated_at");
    }

    @Test
    public void testIpv6HostWithAsnTextAndFieldsAfterTheServices()
            throws Exception
    {
        Banner banner = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl")).atLine(2).get(0);
        assertEquals("2001:db8:4::10", banner.address());
        assertEquals(8443, banner.port());
        assertEquals(Optional.of("AS64510"), banner.asn());
        assertEquals(Optional.of("EXAMPLE-V6"), banner.organisation());
        assertEquals(Optional.of("FR"), banner.country());
        assertEquals(Optional.of("Portal"), banner.title());
        assertEquals(Optional.of("Microsoft-IIS/8.5"), banner.headers().first("Server"));
        assertEquals(Optional.empty(), banner.observed());
    }

    @Test
    public void testBrokenHostsAreCountedAndTheirNeighboursKept()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl"), "censys.jsonl");
        List<String> where = new ArrayList<>();
        for (Banner banner : result.banners()) {
            where.add(banner.position().index() + ":" + banner.port());
        }
        assertEquals(List.of("1:443", "1:80", "1:22", "2:8443", "5:443"), where);
        List<String> problems = new ArrayList<>();
        for (ScanProblem problem : result.problems()) {
            problems.add(problem.toString());
        }
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("censys.jsonl:1: MISSING_FIELD: service of 203.0.113.25 has no port; skipped", problems.get(0));
        assertTrue(problems.get(1).startsWith("censys.jsonl:3: MALFORMED_RECORD: not valid JSON at column "), problems.get(1));
        assertEquals("censys.jsonl:4: MISSING_FIELD: host has no ip; its 1 services are skipped", problems.get(2));
        assertEquals(3, result.skipped());
    }

    @Test
    public void testPrettyPrintedArrayGivesTheSameBannersAtTheLinesOfTheirServices()
            throws Exception
    {
        ScanFiles.Result lines = ScanFiles.read(ScanFiles.resource("censys-hosts.jsonl"));
        ScanFiles.Result array = ScanFiles.read(ScanFiles.resource("censys-hosts.json"));
        assertEquals(ScanFormat.CENSYS, array.format());
        List<Long> serviceLines = new ArrayList<>();
        for (Banner banner : array.banners()) {
            serviceLines.add(banner.position().index());
        }
        assertEquals(List.of(25L, 77L, 98L, 112L, 138L), serviceLines);
        assertEquals(lines.banners().size(), array.banners().size());
        for (int i = 0; i < lines.banners().size(); i++) {
            assertEquals(withoutPosition(lines.banner(i)), withoutPosition(array.banner(i)));
        }
        assertEquals(List.of(ScanProblem.MISSING_FIELD), array.problemKinds());
    }

    @Test
    public void testSinglePrettyObjectAndBrokenArrayKeepsWhatCameBefore()
            throws Exception
    {
        String single = "{\n  \"ip\": \"192.0.2.50\",\n  \"services\": [\n    {\"port\": 443, \"transport_protocol\": \"TCP\"}\n  ]\n}\n";
        ScanFiles.Result one = ScanFiles.read(ScanFiles.write(directory, "one.json", single));
        assertEquals(1, one.banners().size());
        assertEquals(4, one.banner(0).position().index());
        assertEquals(List.of(), one.problems());

        // An array with one element per line is read line by line: the words after the second element cost only themselves.
        String broken = "[\n{\"ip\": \"192.0.2.51\", \"services\": [{\"port\": 80}]},\n{\"ip\": \"192.0.2.52\", \"services\": [{\"port\": 81}]} oops,\n"
                + "{\"ip\": \"192.0.2.53\", \"services\": [{\"port\": 82}]}\n]\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "broken.json", broken), "broken.json");
        assertEquals(List.of(80, 81, 82), result.banners().stream().map(Banner::port).toList());
        assertEquals(1, result.problems().size());
        ScanProblem problem = result.problems().get(0);
        assertEquals(ScanProblem.MALFORMED_RECORD, problem.kind());
        assertEquals(3, problem.position().index());
        assertTrue(problem.message().endsWith("; skipped"), problem.message());

        // Pretty-printed elements are one stream: the first error ends the reading, what came before is kept.
        String prettyBroken = "[\n  {\n    \"ip\": \"192.0.2.51\",\n    \"services\": [{\"port\": 80}]\n  },\n  {\n    \"ip\": \"192.0.2.52\" oops\n  }\n]\n";
        ScanFiles.Result pretty = ScanFiles.read(ScanFiles.write(directory, "pretty-broken.json", prettyBroken), "pretty-broken.json");
        assertEquals(1, pretty.banners().size());
        assertEquals(1, pretty.problems().size());
        assertEquals(7, pretty.problems().get(0).position().index());
        assertTrue(pretty.problems().get(0).message().endsWith("records before it are kept, nothing after it can be read"), pretty.problems().get(0).message());

        String cut = "[\n{\"ip\": \"192.0.2.51\", \"services\": [{\"port\": 80}]},\n{\"ip\": \"192.0.2.52\", \"serv";
        ScanFiles.Result truncated = ScanFiles.read(ScanFiles.write(directory, "cut.json", cut));
        assertEquals(1, truncated.banners().size());
        assertEquals(List.of(ScanProblem.TRUNCATED), truncated.problemKinds());
    }

    @Test
    public void testGzipArray()
            throws Exception
    {
        byte[] plain = Files.readAllBytes(ScanFiles.resource("censys-hosts.json"));
        ScanFiles.Result compressed = ScanFiles.read(ScanFiles.write(directory, "hosts.bin", ScanFiles.gzip(plain)), "hosts");
        ScanFiles.Result uncompressed = ScanFiles.read(ScanFiles.write(directory, "hosts.json", plain), "hosts");
        assertEquals(uncompressed.banners(), compressed.banners());
    }

    static Banner withoutPosition(Banner banner)
    {
        return new Banner(banner.source(), SourcePosition.line("-", 0), banner.address(), banner.port(), banner.transport(),
                banner.observed(), banner.hostnames(), banner.organisation(), banner.asn(), banner.country(), banner.httpStatus(),
                banner.headers(), banner.title(), banner.body(), banner.product(), banner.version(), banner.cpes(), banner.rawBanner());
    }
}
