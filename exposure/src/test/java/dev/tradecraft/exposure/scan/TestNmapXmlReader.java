package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
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

public class TestNmapXmlReader
{
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String RUN = "<nmaprun scanner=\"nmap\" start=\"1753087200\" version=\"7.94\">\n";

    @TempDir
    Path directory;

    @Test
    public void testOneBannerPerOpenPortOfEachHost()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("nmap.xml"), "scans/nmap.xml");
        assertEquals(ScanFormat.NMAP_XML, result.format());
        List<String> where = new ArrayList<>();
        for (Banner banner : result.banners()) {
            where.add(banner.position().index() + " " + banner.address() + " " + banner.transport() + "/" + banner.port());
        }
        assertEquals(List.of(
                "23 192.0.2.80 tcp/80",
                "25 192.0.2.80 tcp/443",
                "37 2001:db8::80 tcp/22",
                "38 2001:db8::80 tcp/8443",
                "45 192.0.2.81 tcp/80",
                "53 192.0.2.82 tcp/443"), where, "closed and open|filtered ports are no services; the broken port and those after it are lost");
    }

    @Test
    public void testServiceHeadersAndTitle()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("nmap.xml"), "scans/nmap.xml");
        Banner https = result.banner(1);
        assertEquals("nmap", https.source());
        assertEquals(SourcePosition.line("scans/nmap.xml", 25), https.position());
        assertEquals(List.of("portal.example.org", "sp16.example.org"), https.hostnames());
        assertEquals(Optional.of(Instant.ofEpochSecond(1753087210)), https.observed());
        assertEquals(Optional.of("Microsoft IIS httpd"), https.product());
        assertEquals(Optional.of("10.0"), https.version());
        assertEquals(List.of("cpe:/a:microsoft:internet_information_services:10.0", "cpe:/o:microsoft:windows"), https.cpes());
        assertEquals(Optional.of("Microsoft IIS httpd 10.0 (SharePoint 16.0.0.5508)"), https.rawBanner(), "nmap's version column keeps extrainfo");
        assertEquals(Optional.of("Home - Portal & Teams"), https.title());
        assertEquals(Optional.empty(), https.httpStatus());
        HttpHeaders headers = https.headers();
        assertEquals(Optional.of("16.0.0.5508"), headers.first("MicrosoftSharePointTeamServices"));
        assertEquals(Optional.of("one two"), headers.first("X-Folded"), "a deeper indent continues the header");
        assertEquals(List.of("a=1", "b=2"), headers.all("Set-Cookie"));
        assertEquals(9, headers.headers().size(), "(Request type: HEAD) is no header");
        assertEquals(Optional.empty(), https.organisation());

        Banner http = result.banner(0);
        assertEquals(Optional.empty(), http.title(), "'Did not follow redirect' is no title");
        assertEquals(Optional.of("https://portal.example.org/"), http.headers().first("Location"));
        assertEquals(Optional.empty(), http.rawBanner());
    }

    @Test
    public void testIpv6HostBannerScriptAndServerHeaderScript()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("nmap.xml"));
        Banner ssh = result.banner(2);
        assertEquals("2001:db8::80", ssh.address(), "the MAC address is no service address");
        assertEquals(Optional.of("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10"), ssh.rawBanner());
        assertEquals(Optional.of("OpenSSH"), ssh.product());
        assertEquals(Optional.of("8.9p1 Ubuntu 3ubuntu0.10"), ssh.version());
        assertEquals(List.of(), ssh.hostnames());

        Banner alt = result.banner(3);
        assertEquals(Optional.of("Microsoft-HTTPAPI/2.0"), alt.headers().first("Server"));
        assertEquals(Optional.of("Microsoft HTTPAPI httpd 2.0 (SSDP/UPnP)"), alt.rawBanner());
    }

    @Test
    public void testBrokenHostKeepsItsCompletedPortsAndTheNextHost()
            throws Exception
    {
        ScanFiles.Result result = ScanFiles.read(ScanFiles.resource("nmap.xml"), "nmap.xml");
        assertEquals(1, result.problems().size(), result.problems().toString());
        ScanProblem problem = result.problems().get(0);
        assertEquals(ScanProblem.MALFORMED_RECORD, problem.kind());
        assertEquals(46, problem.position().index());
        assertTrue(problem.message().startsWith("host starting at line 42 is not valid XML: "), problem.message());
        assertTrue(problem.message().endsWith("the port completed before it is kept"), problem.message());
        assertEquals(1, result.skipped());
        Banner after = result.banner(5);
        assertEquals(Optional.of(Instant.ofEpochSecond(1753087200)), after.observed(), "a host without starttime has the run's start");
        assertEquals(Optional.of("16.0.0.10417"), after.headers().first("MicrosoftSharePointTeamServices"));
    }

    @Test
    public void testExternalEntityIsNeverExpanded()
            throws Exception
    {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = HEAD + "<!DOCTYPE nmaprun [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n" + RUN
                + "<host><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports>\n"
                + "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/><script id=\"http-title\" output=\"&xxe;\"/></port>\n"
                + "</ports></host>\n"
                + "<host><address addr=\"192.0.2.2\" addrtype=\"ipv4\"/><ports>\n"
                + "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/><service name=\"http\" product=\"&xxe;\"/></port>\n"
                + "<port protocol=\"tcp\" portid=\"81\"><state state=\"open\"/></port>\n"
                + "</ports></host>\n"
                + "<host><address addr=\"192.0.2.3\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host>\n"
                + "</nmaprun>\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "xxe.xml", xxe), "xxe.xml");
        for (Banner banner : result.banners()) {
            assertFalse(banner.toString().contains("TOP-SECRET"), banner.toString());
        }
        assertEquals(1, result.banners().size());
        assertEquals("192.0.2.3", result.banner(0).address());
        assertEquals(List.of(ScanProblem.UNSAFE_XML, ScanProblem.MALFORMED_RECORD, ScanProblem.MALFORMED_RECORD), result.problemKinds());
        assertEquals(2, result.problems().get(0).position().index());
        assertTrue(result.problems().get(1).message().contains("xxe"), result.problems().get(1).message());
        for (ScanProblem problem : result.problems()) {
            assertFalse(problem.message().contains("TOP-SECRET"), problem.toString());
        }
    }

    @Test
    public void testEntityExpansionBombIsRefused()
            throws Exception
    {
        StringBuilder bomb = new StringBuilder(HEAD + "<!DOCTYPE nmaprun [\n  <!ENTITY a0 \"ha\">\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("  <!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n").append(RUN)
                .append("<host><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/>")
                .append("<script id=\"http-title\" output=\"&a9;\"/></port></ports></host>\n</nmaprun>\n");
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "bomb.xml", bomb.toString()));
        assertEquals(List.of(), result.banners());
        assertEquals(List.of(ScanProblem.UNSAFE_XML, ScanProblem.MALFORMED_RECORD), result.problemKinds());
    }

    @Test
    public void testStoppedScanKeepsCompletedPortsOfTheLastHost()
            throws Exception
    {
        String content = Files.readString(ScanFiles.resource("nmap.xml"));
        int cut = content.indexOf("<port protocol=\"tcp\" portid=\"8443\"");
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "stopped.xml", content.substring(0, cut + 20)), "stopped.xml");
        assertEquals(3, result.banners().size());
        assertEquals(22, result.banner(2).port());
        assertEquals(List.of(ScanProblem.TRUNCATED), result.problemKinds());
        assertTrue(result.problems().get(0).message().startsWith("host starting at line 31 is cut off: "), result.problems().get(0).message());

        String between = content.substring(0, content.indexOf("<host starttime=\"1753087240\""));
        ScanFiles.Result stopped = ScanFiles.read(ScanFiles.write(directory, "between.xml", between), "between.xml");
        assertEquals(2, stopped.banners().size());
        assertEquals(List.of(ScanProblem.TRUNCATED), stopped.problemKinds());
        assertTrue(stopped.problems().get(0).message().startsWith("the file ends before </nmaprun>"), stopped.problems().get(0).message());
        assertEquals(0, stopped.skipped());
    }

    @Test
    public void testUnclosedHostBeforeTheNextAndHostWithoutAddress()
            throws Exception
    {
        String content = HEAD + RUN
                + "<host><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/></port>\n"
                + "<host><address addr=\"192.0.2.2\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"81\"><state state=\"open\"/></port></ports></host>\n"
                + "<host><ports><port protocol=\"tcp\" portid=\"82\"><state state=\"open\"/></port></ports></host>\n"
                + "<host/>\n"
                + "</nmaprun>\n";
        ScanFiles.Result result = ScanFiles.read(ScanFiles.write(directory, "unclosed.xml", content), "unclosed.xml");
        List<Integer> ports = new ArrayList<>();
        for (Banner banner : result.banners()) {
            ports.add(banner.port());
        }
        assertEquals(List.of(80, 81), ports);
        assertEquals(List.of(ScanProblem.TRUNCATED, ScanProblem.MISSING_FIELD), result.problemKinds());
        assertEquals(3, result.problems().get(0).position().index());
        assertEquals(5, result.problems().get(1).position().index());
    }

    @Test
    public void testGzipAndTruncatedGzip()
            throws Exception
    {
        byte[] plain = Files.readAllBytes(ScanFiles.resource("nmap.xml"));
        ScanFiles.Result compressed = ScanFiles.read(ScanFiles.write(directory, "nmap.xml.gz", ScanFiles.gzip(plain)), "nmap");
        ScanFiles.Result uncompressed = ScanFiles.read(ScanFiles.resource("nmap.xml"), "nmap");
        assertEquals(uncompressed.banners(), compressed.banners());
        assertEquals(uncompressed.problems(), compressed.problems());

        StringBuilder big = new StringBuilder(HEAD + RUN);
        for (int i = 0; i < 2000; i++) {
            big.append("<host><address addr=\"192.0.2.").append(i % 250 + 1).append("\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"")
                    .append(i + 1).append("\"><state state=\"open\"/><service name=\"http\" product=\"nginx\"/></port></ports></host>\n");
        }
        byte[] gz = ScanFiles.gzip(big.append("</nmaprun>\n").toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        ScanFiles.Result truncated = ScanFiles.read(ScanFiles.write(directory, "cut.xml.gz", cut), "cut.xml.gz");
        assertTrue(truncated.banners().size() > 10 && truncated.banners().size() < 2000, "kept " + truncated.banners().size());
        for (int i = 0; i < truncated.banners().size(); i++) {
            assertEquals(i + 1, truncated.banner(i).port());
        }
        assertEquals(List.of(ScanProblem.TRUNCATED), truncated.problemKinds());
        assertTrue(truncated.problems().get(0).message().startsWith("gzip stream ends early"), truncated.problems().get(0).message());
    }

    @Test
    public void testOversizedHostIsDroppedWithoutBeingHeld()
            throws Exception
    {
        String content = HEAD + RUN
                + "<host><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><!-- " + "x".repeat(500) + " --></host>\n"
                + "<host><address addr=\"192.0.2.2\" addrtype=\"ipv4\"/></host>\n</nmaprun>\n";
        NmapHostSplitter splitter = new NmapHostSplitter(new StringReader(content), 200);
        NmapHostSplitter.HostText big = splitter.next();
        assertTrue(big.oversized());
        assertEquals("", big.text());
        assertEquals(3, big.line());
        NmapHostSplitter.HostText small = splitter.next();
        assertFalse(small.oversized());
        assertTrue(small.complete());
        assertEquals("<host><address addr=\"192.0.2.2\" addrtype=\"ipv4\"/></host>", small.text());
        assertEquals(null, splitter.next());
        assertTrue(splitter.runEnded());
        assertEquals(Instant.ofEpochSecond(1753087200), NmapHostParser.runStart(splitter.runStartTag()));
    }

    @Test
    public void testSplitterIgnoresHostsInCommentsCdataAndAttributes()
            throws Exception
    {
        String content = HEAD + "<!-- <host> in a comment </host> -->\n" + RUN
                + "<scaninfo note='a &lt;host&gt; \"quoted\"' other=\"<host>\"/>\n"
                + "<host><address addr=\"192.0.2.9\" addrtype=\"ipv4\"/><![CDATA[</host>]]></host>\n</nmaprun>\n";
        NmapHostSplitter splitter = new NmapHostSplitter(new StringReader(content));
        NmapHostSplitter.HostText host = splitter.next();
        assertEquals(5, host.line());
        assertTrue(host.text().endsWith("<![CDATA[</host>]]></host>"), host.text());
        assertEquals(null, splitter.next());
        assertEquals(0, splitter.internalSubsetLine());
    }
}
