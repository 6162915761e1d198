package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hand-written parsers every reader shares: times, raw HTTP headers, titles, values. */
public class TestScanTextParsing
{
    @Test
    public void testIsoTimesWithAndWithoutZone()
    {
        assertEquals(Instant.parse("2025-07-21T09:14:02.118274Z"), ScanTimes.parseIso("2025-07-21T09:14:02.118274"));
        assertEquals(Instant.parse("2025-07-21T09:14:02Z"), ScanTimes.parseIso("2025-07-21T09:14:02Z"));
        assertEquals(Instant.parse("2025-07-21T07:14:02Z"), ScanTimes.parseIso("2025-07-21T09:14:02+02:00"));
        assertEquals(Instant.parse("2025-07-21T13:44:02Z"), ScanTimes.parseIso("2025-07-21T09:14:02-0430"));
        assertEquals(Instant.parse("2025-07-21T09:14:00Z"), ScanTimes.parseIso("2025-07-21 09:14"));
        assertEquals(Instant.parse("2025-07-21T09:14:02.123456789Z"), ScanTimes.parseIso("2025-07-21T09:14:02.1234567891Z"));
        assertEquals(Instant.parse("2016-12-31T23:59:59Z"), ScanTimes.parseIso("2016-12-31T23:59:60Z"));
        for (String bad : new String[] {"", "yesterday", "2025-02-30T00:00:00", "2025-07-21T24:00:00", "2025-07-21T09:14:02.", "2025-07-21T09:14:02+2",
                "2025-07-21T09:14:02ZZ", "2025-07-21T09:14:0", "20250721T091402Z", "2025-07-21T09:14:02+19:00"}) {
            assertNull(ScanTimes.parseIso(bad), bad);
        }
    }

    @Test
    public void testEpochSeconds()
    {
        assertEquals(Instant.ofEpochSecond(1753087305), ScanTimes.parseEpochSeconds("1753087305"));
        assertEquals(Instant.ofEpochSecond(1753087305, 250_000_000), ScanTimes.parseEpochSeconds(" 1753087305.25 "));
        assertNull(ScanTimes.parseEpochSeconds("-5"));
        assertNull(ScanTimes.parseEpochSeconds("17530873o5"));
        assertNull(ScanTimes.parseEpochSeconds("1753087305."));
        assertNull(ScanTimes.parseEpochSeconds("1753087305.2x"));
    }

    @Test
    public void testRawResponseHeaders()
    {
        List<HttpHeaders.Header> headers = new ArrayList<>();
        int status = HttpHeaderText.parseResponse("HTTP/1.1 503 Service Unavailable\r\nServer:IIS  \r\nX-A: 1\r\n  more\r\nnot a header\r\n"
                + "Bad Name: x\r\n: empty name\r\nX-Empty:\r\n\r\nX-Body: not a header\r\n", headers);
        assertEquals(503, status);
        assertEquals(List.of(new HttpHeaders.Header("Server", "IIS"), new HttpHeaders.Header("X-A", "1 more"), new HttpHeaders.Header("X-Empty", "")), headers);

        headers.clear();
        assertEquals(HttpHeaderText.NO_STATUS, HttpHeaderText.parseResponse("HTTP/1.0\nServer: x", headers));
        assertEquals(List.of(new HttpHeaders.Header("Server", "x")), headers);
        assertEquals(HttpHeaderText.NO_STATUS, HttpHeaderText.parseResponse("HTTP/1.1 2000 OK\n", new ArrayList<>()));
        assertEquals(200, HttpHeaderText.parseResponse("HTTP/2 200", new ArrayList<>()));
        assertEquals(HttpHeaderText.NOT_HTTP, HttpHeaderText.parseResponse("SSH-2.0-OpenSSH\r\n", headers));
        assertEquals(HttpHeaderText.NOT_HTTP, HttpHeaderText.parseResponse(" HTTP/1.1 200 OK", headers));

        List<HttpHeaders.Header> many = new ArrayList<>();
        HttpHeaderText.parseResponse("HTTP/1.1 200 OK\n" + "X-Flood: y\n".repeat(1000), many);
        assertEquals(HttpHeaderText.MAX_HEADERS, many.size());
    }

    @Test
    public void testNmapHeaderOutput()
    {
        List<HttpHeaders.Header> headers = new ArrayList<>();
        int status = HttpHeaderText.parseNmapOutput("\n  HTTP/1.1 401 Unauthorized\r\n  Server: Microsoft-IIS/10.0\n  X-Long: a\n     b\n  \n  (Request type: GET)\n", headers);
        assertEquals(401, status);
        assertEquals(List.of(new HttpHeaders.Header("Server", "Microsoft-IIS/10.0"), new HttpHeaders.Header("X-Long", "a b")), headers);
    }

    @Test
    public void testHtmlTitle()
    {
        assertEquals("Home - Intranet", HtmlTitle.of("<html><head><title>Home - Intranet</title>").orElseThrow());
        assertEquals("Sign In", HtmlTitle.of("<TITLE lang=\"en\">\r\n  Sign\n\tIn  </Title>").orElseThrow());
        assertEquals("ok", HtmlTitle.of("<titlebar>no</titlebar><title>ok</title>").orElseThrow());
        // A body cut inside the title keeps what there is.
        assertEquals("cut off", HtmlTitle.of("<title>cut off").orElseThrow());
        assertTrue(HtmlTitle.of("<title>   </title>").isEmpty());
        assertTrue(HtmlTitle.of("no title here").isEmpty());
        assertEquals(ScanValues.MAX_TITLE_CHARS, HtmlTitle.of("<title>" + "t".repeat(5000) + "</title>").orElseThrow().length());
    }

    @Test
    public void testValues()
    {
        assertEquals("AS64500", ScanValues.asn("AS64500"));
        assertEquals("AS64500", ScanValues.asn("as64500"));
        assertEquals("AS64500", ScanValues.asn(" 64500 "));
        assertNull(ScanValues.asn("AS"));
        assertNull(ScanValues.asn("ASX1"));
        assertNull(ScanValues.asn("4294967296"));
        assertEquals("US", ScanValues.country("us"));
        assertNull(ScanValues.country("USA"));
        assertNull(ScanValues.country("Ü1"));
        assertTrue(ScanValues.isIpAddress("192.0.2.1"));
        assertTrue(ScanValues.isIpAddress("2001:db8::1"));
        assertTrue(ScanValues.isIpAddress("::ffff:192.0.2.1"));
        assertTrue(ScanValues.isIpAddress("::"));
        assertFalse(ScanValues.isIpAddress("192.0.2.256"));
        assertFalse(ScanValues.isIpAddress("192.0.2"));
        assertFalse(ScanValues.isIpAddress("192.0.2.1.5"));
        assertFalse(ScanValues.isIpAddress("sp.example.gov"));
        assertFalse(ScanValues.isIpAddress("2001:db8::g"));
        assertFalse(ScanValues.isIpAddress("fe80::1%eth0"));
        assertFalse(ScanValues.isIpAddress("12345::1"));
        assertEquals("198.51.100.10", ScanValues.ipv4(3325256714L));
        assertNull(ScanValues.ipv4(1L << 32));
        assertEquals("sp.example.gov", ScanValues.authorityHost("sp.example.gov:8443"));
        assertEquals(8443, ScanValues.authorityPort("sp.example.gov:8443"));
        assertEquals("2001:db8::1", ScanValues.authorityHost("[2001:db8::1]:8080"));
        assertEquals(8080, ScanValues.authorityPort("[2001:db8::1]:8080"));
        assertEquals(ScanValues.INVALID, ScanValues.authorityPort("[2001:db8::1]"));
        assertEquals(ScanValues.INVALID, ScanValues.authorityPort("2001:db8::1"));
        assertEquals("a", ScanValues.cap("a\uD83D\uDE00b", 2), "never half a surrogate pair");
    }
}
