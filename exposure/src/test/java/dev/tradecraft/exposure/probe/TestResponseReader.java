package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.scan.HttpHeaders;

public class TestResponseReader
{
    @Test
    public void testHeadersKeepTheirOrderCaseAndFolding()
            throws Exception
    {
        HttpAnswer answer = read("HTTP/1.1 401 Unauthorized\r\n"
                + "Server: Microsoft-IIS/10.0\r\n"
                + "WWW-Authenticate: NTLM\r\n"
                + "WWW-Authenticate: Negotiate\r\n"
                + "X-Folded: first\r\n"
                + "\t  second\r\n"
                + "MicrosoftSharePointTeamServices:16.0.0.5508  \r\n"
                + "Content-Length: 0\r\n"
                + "\r\n", false, 100);
        assertEquals("HTTP/1.1", answer.version());
        assertEquals(401, answer.status());
        assertEquals("Unauthorized", answer.reason());
        assertEquals(List.of(
                new HttpHeaders.Header("Server", "Microsoft-IIS/10.0"),
                new HttpHeaders.Header("WWW-Authenticate", "NTLM"),
                new HttpHeaders.Header("WWW-Authenticate", "Negotiate"),
                new HttpHeaders.Header("X-Folded", "first second"),
                new HttpHeaders.Header("MicrosoftSharePointTeamServices", "16.0.0.5508"),
                new HttpHeaders.Header("Content-Length", "0")), answer.headers().headers());
        assertEquals(0, answer.body().length);
        assertTrue(answer.rawHead().startsWith("HTTP/1.1 401 Unauthorized\r\nServer: Microsoft-IIS/10.0\r\n"));
        assertTrue(answer.rawHead().endsWith("Content-Length: 0\r\n\r\n"));
    }

    @Test
    public void testBareLineFeedsAndMissingReasonAreAccepted()
            throws Exception
    {
        HttpAnswer answer = read("HTTP/1.0 200\nServer: old\n\nbody", false, 100);
        assertEquals(200, answer.status());
        assertEquals("", answer.reason());
        assertEquals("body", new String(answer.body(), ISO_8859_1));
        assertFalse(answer.bodyCut(), "four bytes do not fill a cap of 100");
    }

    @Test
    public void testHeadAnswerHasNoBodyWhateverItsLengthSays()
            throws Exception
    {
        // If the reader waited for the 5120 bytes, this stream would end first and fail.
        HttpAnswer answer = read("HTTP/1.1 200 OK\r\nContent-Length: 5120\r\n\r\n", true, 100);
        assertEquals(0, answer.body().length);
        assertFalse(answer.bodyCut());
    }

    @Test
    public void testNoBodyFor204And304()
            throws Exception
    {
        assertEquals(0, read("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", false, 100).body().length);
        assertEquals(0, read("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", false, 100).body().length);
    }

    @Test
    public void testInterimAnswersAreSkipped()
            throws Exception
    {
        HttpAnswer answer = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, 100);
        assertEquals(200, answer.status());
        assertEquals("ok", new String(answer.body(), ISO_8859_1));
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", answer.rawHead());
    }

    @Test
    public void testContentLengthBodyIsCutAtTheCap()
            throws Exception
    {
        HttpAnswer answer = read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", false, 4);
        assertEquals("0123", new String(answer.body(), ISO_8859_1));
        assertTrue(answer.bodyCut());
        HttpAnswer exact = read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", false, 10);
        assertEquals("0123456789", new String(exact.body(), ISO_8859_1));
        assertFalse(exact.bodyCut());
    }

    @Test
    public void testChunkedBodyWithExtensionsAndTrailers()
            throws Exception
    {
        HttpAnswer answer = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nHello\r\n1\r\n,\r\nA\r\n SharePoin\r\n0\r\nX-Trailer: yes\r\n\r\n", false, 100);
        assertEquals("Hello, SharePoin", new String(answer.body(), ISO_8859_1));
        assertFalse(answer.bodyCut());
        HttpAnswer cut = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n", false, 7);
        assertEquals("Hello w", new String(cut.body(), ISO_8859_1));
        assertTrue(cut.bodyCut());
    }

    @Test
    public void testNotHttpIsRefusedWithAQuote()
    {
        assertMalformed("SSH-2.0-OpenSSH_9.6\r\n", "not an HTTP status line: 'SSH-2'");
        assertMalformed("HTTP/1.1 OK\r\n\r\n", "not an HTTP status line: 'HTTP/1.1 OK'");
        assertMalformed("HTTP/1.1 099 Low\r\n\r\n", "status code 99 is out of range");
        assertMalformed("", "connection closed without an answer");
        assertMalformed("HTTP/1.1 200 OK\r\nServer: Micro", "connection closed after 30 bytes, before the response headers were complete");
        assertMalformed("HTTP/1.1 200 OK\r\nthis is not a header\r\n\r\n", "not a header line: 'this is not a header'");
        assertMalformed("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "not a header line: 'Bad Name: x'");
        assertMalformed("HTTP/1.1 200 OK\r\n folded first\r\n\r\n", "continuation line before any header: ' folded first'");
        assertMalformed("\r\n", "empty line instead of a status line");
    }

    @Test
    public void testBrokenBodiesAreRefused()
    {
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly this", "connection closed after 9 of 1000 body bytes");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n", "bad Content-Length: '12x'");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "conflicting Content-Length values 3 and 4");
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad chunk size: 'zz'");
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort", "connection closed inside a chunk after 5 body bytes");
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "chunk data longer than its size");
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n", "connection closed inside the chunked body");
    }

    @Test
    public void testSizesAreBounded()
    {
        assertMalformed("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseReader.MAX_HEAD_BYTES) + "\r\n\r\n",
                "response headers longer than " + ResponseReader.MAX_HEAD_BYTES + " bytes");
        assertMalformed("HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(ResponseReader.MAX_HEADERS + 1) + "\r\n",
                "more than " + ResponseReader.MAX_HEADERS + " header lines");
        assertMalformed("HTTP/1.1 100 Continue\r\n\r\n".repeat(10), "more than 8 interim 1xx answers");
    }

    @Test
    public void testRandomBodiesInRandomPieces()
            throws Exception
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestResponseReader seed: " + seed);
        for (int iteration = 0; iteration < 300; iteration++) {
            Random random = new Random(seed + iteration);
            String message = "seed " + seed + ", iteration " + iteration + " (-Dtests.seed=" + (seed + iteration) + " repeats it as iteration 0)";
            byte[] body = new byte[random.nextInt(5000)];
            random.nextBytes(body);
            int cap = random.nextInt(6000);
            int framing = random.nextInt(3);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            if (framing == 0) {
                wire.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(ISO_8859_1));
                wire.write(body);
            }
            else if (framing == 1) {
                wire.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n".getBytes(ISO_8859_1));
                int at = 0;
                while (at < body.length) {
                    int size = Math.min(body.length - at, 1 + random.nextInt(700));
                    wire.write((Integer.toHexString(size) + (random.nextBoolean() ? ";x=1" : "") + "\r\n").getBytes(ISO_8859_1));
                    wire.write(body, at, size);
                    wire.write("\r\n".getBytes(ISO_8859_1));
                    at += size;
                }
                wire.write("0\r\n\r\n".getBytes(ISO_8859_1));
            }
            else {
                wire.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".getBytes(ISO_8859_1));
                wire.write(body);
            }
            HttpAnswer answer = ResponseReader.read(new PieceStream(wire.toByteArray(), random), false, cap);
            assertArrayEquals(Arrays.copyOf(body, Math.min(body.length, cap)), answer.body(), message);
            boolean expectCut = framing == 2 ? body.length >= cap : body.length > cap;
            assertEquals(expectCut, answer.bodyCut(), message + ", framing " + framing + ", length " + body.length + ", cap " + cap);
        }
    }

    private static HttpAnswer read(String wire, boolean head, int cap)
            throws IOException, ExchangeException
    {
        return ResponseReader.read(new ByteArrayInputStream(wire.getBytes(ISO_8859_1)), head, cap);
    }

    private static void assertMalformed(String wire, String message)
    {
        ExchangeException e = assertThrows(ExchangeException.class, () -> read(wire, false, 1000), wire);
        assertEquals(ProbeFailure.Kind.MALFORMED, e.kind());
        assertEquals(message, e.getMessage());
    }

    /** Hands out the bytes a few at a time, as a network does. */
    private static final class PieceStream extends InputStream
    {
        private final byte[] bytes;
        private final Random random;
        private int position;

        PieceStream(byte[] bytes, Random random)
        {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read()
        {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
        {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, bytes.length - position), 1 + random.nextInt(300));
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
