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

public class TestZgrab2Reader
{
    @TempDir
    Path directory;

    @Test
    public void testHttpResponseWithHeaderNamesTurnedBack()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("zgrab2-http.jsonl"), "zgrab.jsonl");
        assertEquals(ScanFormat.ZGRAB2, result.format());
        Banner banner = result.atLine(1).get(0);
        assertEquals("zgrab2", banner.source());
        assertEquals("198.51.100.33", banner.address());
        assertEquals(443, banner.port(), "https without a port in the URL");
        assertEquals("tcp", banner.transport());
        assertEquals(List.of("sharepoint.example.net"), banner.hostnames());
        assertEquals(Optional.of(200), banner.httpStatus());
        assertEquals(Optional.of(Instant.parse("2025-07-21T10:05:11Z")), banner.observed());
        assertEquals(Optional.of("Home"), banner.title());
        assertTrue(banner.body().orElseThrow().startsWith("<!DOCTYPE html>"));
        List<String> names = new ArrayList<>();
        for (HttpHeaders.Header header : banner.headers().headers()) {
            names.add(header.name());
        }
        assertEquals(List.of("server", "microsoftsharepointteamservices", "x-sharepointhealthscore", "sprequestguid", "x-ms-invokeapp",
                "x-forms_based_auth_required", "set-cookie", "set-cookie", "X-Custom_Thing"), names);
        assertEquals(Optional.of("0"), banner.headers().first("X-SharePointHealthScore"));
        assertEquals(Optional.of("16.0.0.18526"), banner.headers().first("MicrosoftSharePointTeamServices"));
        assertEquals(List.of("a=1", "b=2"), banner.headers().all("Set-Cookie"));
        assertEquals(Optional.empty(), banner.rawBanner());
    }

    @Test
    public void testPortFromUrlThenTopLevelThenScheme()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("zgrab2-http.jsonl"));
        Banner ipv6 = result.atLine(3).get(0);
        assertEquals("2001:db8:33::1", ipv6.address());
        assertEquals(8080, ipv6.port());
        assertEquals(List.of(), ipv6.hostnames(), "an address literal is no host name");
        assertEquals(Optional.of(Instant.parse("2025-07-21T10:05:13Z")), ipv6.observed());
        assertEquals(Optional.of(403), ipv6.httpStatus());

        Banner topLevel = result.atLine(5).get(0);
        assertEquals(8443, topLevel.port());
        assertEquals(Optional.of("/_layouts/15/Authenticate.aspx"), topLevel.headers().first("Location"));

        Banner textUrl = result.atLine(6).get(0);
        assertEquals(4443, textUrl.port());
        assertEquals(List.of("portal.example.com"), textUrl.hostnames());
        assertEquals(Optional.of(500), textUrl.httpStatus());
    }

    @Test
    public void testFailedScansGiveNoBannerBrokenLinesAreCounted()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("zgrab2-http.jsonl"), "zgrab.jsonl");
        List<Long> lines = new ArrayList<>();
        for (Banner banner : result.banners()) {
            lines.add(banner.position().index());
        }
        assertEquals(List.of(1L, 3L, 5L, 6L), lines, "line 2 timed out: no service, and no problem");
        assertEquals(List.of(ScanProblem.MALFORMED_RECORD, ScanProblem.MISSING_FIELD), result.problemKinds());
        assertEquals(4, result.problems().get(0).position().index());
        assertEquals("zgrab.jsonl:7: MISSING_FIELD: result has an HTTP response but no ip; skipped", result.problems().get(1).toString());
        assertEquals(2, result.skipped());
    }

    @Test
    public void testMultiModuleLineGivesABannerPerResponse()
            throws Exception
    {
        String line = "{\"ip\":\"192.0.2.40\",\"data\":{"
                + "\"http80\":{\"status\":\"success\",\"result\":{\"response\":{\"status_code\":301,\"request\":{\"url\":{\"scheme\":\"http\",\"host\":\"192.0.2.40\"}}}}},"
                + "\"tls\":{\"status\":\"success\",\"result\":{\"handshake_log\":{}}},"
                + "\"http443\":{\"status\":\"success\",\"result\":{\"response\":{\"status_code\":200,\"request\":{\"url\":{\"scheme\":\"https\",\"host\":\"192.0.2.40\"}}}}}}}\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "multi.json", line));
        assertEquals(2, result.banners().size());
        assertEquals(80, result.banner(0).port());
        assertEquals(443, result.banner(1).port());
        assertEquals(List.of(), result.problems());
    }

    @Test
    public void testGzip()
            throws Exception
    {
        byte[] plain = Files.readAllBytes(ScanFiles.resource("zgrab2-http.jsonl"));
        ScanFiles.Result compressed = ScanFiles.read(ScanFiles.write(directory, "z.gz", ScanFiles.gzip(plain)), "z");
        ScanFiles.Result uncompressed = ScanFiles.read(ScanFiles.write(directory, "z.json", plain), "z");
        assertEquals(uncompressed.banners(), compressed.banners());
        assertEquals(uncompressed.problems(), compressed.problems());
    }

    @Test
    public void testHeaderNamesWithRealUnderscores()
    {
        assertEquals("x-forms_based_auth_required", JsonHeaders.headerName("x_forms_based_auth_required", JsonHeaders.Names.UNDERSCORED));
        assertEquals("x-msdavext_error", JsonHeaders.headerName("x_msdavext_error", JsonHeaders.Names.UNDERSCORED));
        assertEquals("content-type", JsonHeaders.headerName("content_type", JsonHeaders.Names.UNDERSCORED));
        assertEquals("content_type", JsonHeaders.headerName("content_type", JsonHeaders.Names.AS_SENT));
    }
}
