package dev.tradecraft.exposure.probe;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.exposure.scan.HttpHeaders;

/**
 * Reads one HTTP/1.x response from a stream that the peer controls: every size is bounded, a
 * body is read only up to the cap, and anything that is not HTTP is refused with a reason that
 * quotes what came instead. Interim 1xx answers are skipped.
 */
final class ResponseReader
{
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 256;
    private static final int MAX_INTERIM_ANSWERS = 8;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final int QUOTE_LENGTH = 60;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long received;

    private ResponseReader(InputStream in)
    {
        this.in = in;
    }

    /**
     * Reads the answer to one request; {@code headRequest} says the request was HEAD, whose answer
     * has no body whatever its Content-Length says.
     */
    static HttpAnswer read(InputStream in, boolean headRequest, int maxBodyBytes)
            throws IOException, ExchangeException
    {
        return new ResponseReader(in).answer(headRequest, maxBodyBytes);
    }

    private HttpAnswer answer(boolean headRequest, int maxBodyBytes)
            throws IOException, ExchangeException
    {
        for (int interim = 0; ; interim++) {
            StringBuilder raw = new StringBuilder(512);
            List<String> lines = readHead(raw);
            String statusLine = lines.get(0);
            String version = statusLine.substring(0, statusLine.indexOf(' '));
            int status = status(statusLine);
            if (status >= 100 && status < 200 && status != 101) {
                if (interim == MAX_INTERIM_ANSWERS) {
                    throw malformed("more than " + MAX_INTERIM_ANSWERS + " interim 1xx answers");
                }
                continue;
            }
            String reason = statusLine.length() > version.length() + 4 ? statusLine.substring(version.length() + 5).strip() : "";
            HttpHeaders headers = headers(lines);
            if (headRequest || status < 200 || status == 204 || status == 304) {
                return new HttpAnswer(version, status, reason, headers, new byte[0], false, raw.toString());
            }
            return body(version, status, reason, headers, raw.toString(), maxBodyBytes);
        }
    }

    /** Reads the status line and header lines up to the empty line; checks the status line. */
    private List<String> readHead(StringBuilder raw)
            throws IOException, ExchangeException
    {
        List<String> lines = new ArrayList<>();
        int headBytes = 0;
        StringBuilder line = new StringBuilder(128);
        while (true) {
            int b = next();
            if (b < 0) {
                if (received == 0) {
                    throw malformed("connection closed without an answer");
                }
                throw malformed("connection closed after " + received + " bytes, before the response headers were complete");
            }
            if (++headBytes > MAX_HEAD_BYTES) {
                throw malformed("response headers longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b != '\n') {
                line.append((char) b);
                if (lines.isEmpty() && line.length() == 5 && !line.toString().equals("HTTP/")) {
                    // Refuse at once: a non-HTTP peer may never send a line end.
                    throw malformed("not an HTTP status line: '" + quote(line.toString()) + "'");
                }
                continue;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            String text = line.substring(0, end);
            raw.append(text).append("\r\n");
            line.setLength(0);
            if (text.isEmpty()) {
                if (lines.isEmpty()) {
                    throw malformed("empty line instead of a status line");
                }
                return lines;
            }
            if (lines.isEmpty()) {
                status(text);
            }
            if (lines.size() > MAX_HEADERS) {
                throw malformed("more than " + MAX_HEADERS + " header lines");
            }
            lines.add(text);
        }
    }

    /** The status code of a status line {@code HTTP/d.d NNN reason}. */
    private static int status(String line)
            throws ExchangeException
    {
        boolean versionOk = line.length() >= 12 && line.startsWith("HTTP/") && isDigit(line.charAt(5)) && line.charAt(6) == '.'
                && isDigit(line.charAt(7)) && line.charAt(8) == ' ';
        boolean codeOk = versionOk && isDigit(line.charAt(9)) && isDigit(line.charAt(10)) && isDigit(line.charAt(11))
                && (line.length() == 12 || line.charAt(12) == ' ');
        if (!codeOk) {
            throw malformed("not an HTTP status line: '" + quote(line) + "'");
        }
        int code = (line.charAt(9) - '0') * 100 + (line.charAt(10) - '0') * 10 + (line.charAt(11) - '0');
        if (code < 100) {
            throw malformed("status code " + code + " is out of range");
        }
        return code;
    }

    private static HttpHeaders headers(List<String> lines)
            throws ExchangeException
    {
        List<HttpHeaders.Header> headers = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                // Obsolete line folding: the line continues the previous header's value.
                if (headers.isEmpty()) {
                    throw malformed("continuation line before any header: '" + quote(line) + "'");
                }
                HttpHeaders.Header previous = headers.remove(headers.size() - 1);
                headers.add(new HttpHeaders.Header(previous.name(), previous.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw malformed("not a header line: '" + quote(line) + "'");
            }
            headers.add(new HttpHeaders.Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new HttpHeaders(headers);
    }

    private HttpAnswer body(String version, int status, String reason, HttpHeaders headers, String rawHead, int cap)
            throws IOException, ExchangeException
    {
        List<String> encodings = headers.all("Transfer-Encoding");
        if (!encodings.isEmpty()) {
            String last = encodings.get(encodings.size() - 1).toLowerCase(Locale.ROOT);
            if (last.strip().endsWith("chunked")) {
                return chunked(version, status, reason, headers, rawHead, cap);
            }
        }
        long length = contentLength(headers);
        long want = length < 0 ? cap : Math.min(cap, length);
        // Grown as bytes arrive, so a large cap costs memory only when a peer sends that much.
        byte[] body = new byte[(int) Math.min(want, 8192)];
        int have = 0;
        while (have < want) {
            if (have == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(want, body.length * 2L));
            }
            int got = fill(body, have, body.length - have);
            have += got;
            if (got == 0) {
                break;
            }
        }
        if (length >= 0 && have < want) {
            throw malformed("connection closed after " + have + " of " + length + " body bytes");
        }
        // Without a length, a body that filled the cap may or may not have gone on.
        boolean cut = length >= 0 ? length > cap : have == cap;
        return new HttpAnswer(version, status, reason, headers, have == body.length ? body : Arrays.copyOf(body, have), cut, rawHead);
    }

    private HttpAnswer chunked(String version, int status, String reason, HttpHeaders headers, String rawHead, int cap)
            throws IOException, ExchangeException
    {
        byte[] body = new byte[Math.min(cap, 8192)];
        int have = 0;
        while (true) {
            long size = chunkSize(readChunkLine());
            if (size == 0) {
                // Trailers are not read: the answer is complete for our purpose.
                return new HttpAnswer(version, status, reason, headers, Arrays.copyOf(body, have), false, rawHead);
            }
            int take = (int) Math.min(size, cap - have);
            if (have + take > body.length) {
                body = Arrays.copyOf(body, Math.min(cap, Math.max(have + take, body.length * 2)));
            }
            int got = fill(body, have, take);
            have += got;
            if (got < take) {
                throw malformed("connection closed inside a chunk after " + have + " body bytes");
            }
            if (take < size) {
                return new HttpAnswer(version, status, reason, headers, Arrays.copyOf(body, have), true, rawHead);
            }
            if (!readChunkLine().isEmpty()) {
                throw malformed("chunk data longer than its size");
            }
        }
    }

    private String readChunkLine()
            throws IOException, ExchangeException
    {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            int b = next();
            if (b < 0) {
                throw malformed("connection closed inside the chunked body");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_CHUNK_LINE) {
                throw malformed("chunk size line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private static long chunkSize(String line)
            throws ExchangeException
    {
        int end = line.indexOf(';');
        String digits = (end < 0 ? line : line.substring(0, end)).strip();
        if (digits.isEmpty() || digits.length() > 8) {
            throw malformed("bad chunk size: '" + quote(line) + "'");
        }
        long size = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0) {
                throw malformed("bad chunk size: '" + quote(line) + "'");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    /** The declared body length, or -1 when the body runs to the end of the connection. */
    private static long contentLength(HttpHeaders headers)
            throws ExchangeException
    {
        long length = -1;
        for (String value : headers.all("Content-Length")) {
            String digits = value.strip();
            boolean ok = !digits.isEmpty() && digits.length() <= 18;
            long parsed = 0;
            for (int i = 0; ok && i < digits.length(); i++) {
                char c = digits.charAt(i);
                ok = isDigit(c);
                parsed = parsed * 10 + (c - '0');
            }
            if (!ok) {
                throw malformed("bad Content-Length: '" + quote(value) + "'");
            }
            if (length >= 0 && parsed != length) {
                throw malformed("conflicting Content-Length values " + length + " and " + parsed);
            }
            length = parsed;
        }
        return length;
    }

    private int next()
            throws IOException
    {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean refill()
            throws IOException
    {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        received += n;
        return true;
    }

    /** Copies up to {@code length} bytes; fewer only at the end of the stream. */
    private int fill(byte[] target, int offset, int length)
            throws IOException
    {
        int done = 0;
        while (done < length) {
            if (position == limit && !refill()) {
                break;
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, target, offset + done, n);
            position += n;
            done += n;
        }
        return done;
    }

    private static boolean isToken(String line, int end)
    {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private static String quote(String text)
    {
        return PrintableText.of(text, QUOTE_LENGTH);
    }

    private static ExchangeException malformed(String message)
    {
        return new ExchangeException(ProbeFailure.Kind.MALFORMED, message);
    }
}
