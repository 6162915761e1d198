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

public class TestMasscanReader
{
    @TempDir
    Path directory;

    @Test
    public void testTrailingCommasAndTheFinishedLine()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("masscan.json"), "masscan.json");
        assertEquals(ScanFormat.MASSCAN, result.format());
        List<String> where = new ArrayList<>();
        for (Banner banner : result.banners()) {
            where.add(banner.position().index() + " " + banner.address() + " " + banner.transport() + "/" + banner.port());
        }
        assertEquals(List.of(
                "2 198.51.100.33 tcp/443",
                "3 198.51.100.33 tcp/80",
                "4 198.51.100.33 tcp/80",
                "5 198.51.100.34 tcp/22",
                "8 2001:db8::36 udp/53",
                "9 198.51.100.37 tcp/8080"), where, "the closed port is no service; line 7 is cut");
        Banner open = result.banner(0);
        assertEquals("masscan", open.source());
        assertEquals(Optional.of(Instant.ofEpochSecond(1753087305)), open.observed());
        assertTrue(open.headers().isEmpty());
        assertEquals(Optional.empty(), open.rawBanner());
    }

    @Test
    public void testHttpTitleAndOtherBanners()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("masscan.json"));
        Banner http = result.banner(1);
        assertEquals(Optional.of(401), http.httpStatus());
        assertEquals(Optional.of("16.0.0.10417"), http.headers().first("MicrosoftSharePointTeamServices"));
        assertEquals(Optional.of("NTLM"), http.headers().first("WWW-Authenticate"));
        assertEquals(Optional.empty(), http.rawBanner());

        Banner title = result.banner(2);
        assertEquals(Optional.of("401 - Unauthorized"), title.title());

        Banner ssh = result.banner(3);
        assertEquals(Optional.of("SSH-2.0-OpenSSH_9.6"), ssh.rawBanner());
        assertEquals(Optional.of(Instant.ofEpochSecond(1753087307)), ssh.observed(), "timestamp as a number");

        Banner loose = result.banner(5);
        assertEquals(Optional.of("bad x escape and raw\ttab"), loose.rawBanner(), "masscan's loose escaping is read, not refused");
    }

    @Test
    public void testBrokenLineIsCountedAndReported()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("masscan.json"), "masscan.json");
        assertEquals(List.of(ScanProblem.MALFORMED_RECORD), result.problemKinds());
        assertEquals(7, result.problems().get(0).position().index());
        assertEquals(1, result.skipped());
    }

    @Test
    public void testLeadingCommas()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("masscan-leading.json"));
        assertEquals(ScanFormat.MASSCAN, result.format());
        List<Integer> ports = new ArrayList<>();
        for (Banner banner : result.banners()) {
            ports.add(banner.port());
        }
        assertEquals(List.of(443, 80, 8443), ports);
        assertEquals(List.of(), result.problems());
    }

    @Test
    public void testRecordWithSeveralPortsAndBadValues()
            throws Exception
    {
        String content = "[\n"
                + "{\"ip\": \"192.0.2.20\", \"timestamp\": \"soon\", \"ports\": [ {\"port\": 80, \"proto\": \"tcp\", \"status\": \"open\"},"
                + " {\"port\": 70000, \"proto\": \"tcp\", \"status\": \"open\"}, {\"proto\": \"tcp\", \"status\": \"open\"}, {\"port\": 443, \"proto\": \"TCP\"} ] },\n"
                + "{\"timestamp\": \"1753087400\", \"ports\": [ {\"port\": 80, \"proto\": \"tcp\", \"status\": \"open\"} ] }\n"
                + "]\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "ports.json", content), "ports.json");
        assertEquals(2, result.banners().size());
        assertEquals(80, result.banner(0).port());
        assertEquals(443, result.banner(1).port());
        assertEquals("tcp", result.banner(1).transport());
        assertEquals(Optional.empty(), result.banner(0).observed());
        List<String> problems = new ArrayList<>();
        for (ScanProblem problem : result.problems()) {
            problems.add(problem.toString());
        }
        assertEquals(List.of(
                "ports.json:2: BAD_VALUE: timestamp 'soon' is not epoch seconds; dropped",
                "ports.json:2: BAD_VALUE: port entry of 192.0.2.20 has port '70000', not in [0,65535]; skipped",
                "ports.json:2: MISSING_FIELD: port entry of 192.0.2.20 has no port; skipped",
                "ports.json:3: MISSING_FIELD: record has ports but no ip; skipped"), problems);
        assertEquals(3, result.skipped());
    }

    @Test
    public void testGzip()
            throws Exception
    {
        byte[] plain = Files.readAllBytes(ScanFiles.resource("masscan.json"));
        ScanFiles.Result compressed = ScanFiles.read(ScanFiles.write(directory, "m.json.gz", ScanFiles.gzip(plain)), "m");
        ScanFiles.Result uncompressed = ScanFiles.read(ScanFiles.write(directory, "m.json", plain), "m");
        assertEquals(uncompressed.banners(), compressed.banners());
        assertEquals(uncompressed.problems(), compressed.problems());
    }
}
