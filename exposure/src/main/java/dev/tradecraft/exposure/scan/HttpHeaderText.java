package dev.tradecraft.exposure.scan;

import java.util.List;

/**
 * HTTP response headers written as text: the raw response Shodan keeps in {@code data} and masscan
 * in its banners (status line, {@code Name: value} lines, a blank line), and the {@code output} of
 * nmap's {@code http-headers} script (indented {@code Name: value} lines and a {@code (Request type:
 * ...)} note). Parsed by hand, one pass, no regular expressions: this runs for every banner.
 *
 * <p>Lines end in CRLF or LF. A line that starts with a space or tab continues the header before it
 * (obsolete folding, still sent by old servers); its text joins the value after one space. Lines that
 * are not {@code token: value} are ignored, and at most {@value #MAX_HEADERS} headers are kept.
 */
final class HttpHeaderText
{
    /** The text is not an HTTP response. */
    static final int NOT_HTTP = -2;
    /** The status line has no readable status code. */
    static final int NO_STATUS = BannerDraft.NO_STATUS;
    static final int MAX_HEADERS = 256;

    private HttpHeaderText() {}

    /**
     * Parses a raw response: returns its status code ({@link #NO_STATUS} when the status line has
     * none) and adds its headers to {@code out}, or returns {@link #NOT_HTTP} and adds nothing when
     * the text does not start with {@code HTTP/}.
     */
    static int parseResponse(String text, List<HttpHeaders.Header> out)
    {
        if (!text.startsWith("HTTP/")) {
            return NOT_HTTP;
        }
        int end = lineEnd(text, 0);
        int status = statusCode(text, 0, contentEnd(text, 0, end));
        int position = next(text, end);
        while (position < text.length()) {
            end = lineEnd(text, position);
            int contentEnd = contentEnd(text, position, end);
            if (contentEnd == position) {
                break;
            }
            addLine(text, position, contentEnd, out);
            position = next(text, end);
        }
        return status;
    }

    /**
     * Parses nmap's {@code http-headers} output. Every line is indented; a line indented deeper than
     * the first header continues the header before it. Returns the status when a status line is
     * present ({@link #NO_STATUS} otherwise).
     */
    static int parseNmapOutput(String text, List<HttpHeaders.Header> out)
    {
        int status = NO_STATUS;
        int baseIndent = -1;
        int position = 0;
        while (position < text.length()) {
            int end = lineEnd(text, position);
            int contentEnd = contentEnd(text, position, end);
            int start = position;
            while (start < contentEnd && isBlank(text.charAt(start))) {
                start++;
            }
            if (start < contentEnd) {
                int indent = start - position;
                if (text.startsWith("HTTP/", start)) {
                    status = statusCode(text, start, contentEnd);
                }
                else if (baseIndent >= 0 && indent > baseIndent && !out.isEmpty()) {
                    fold(text, start, contentEnd, out);
                }
                else if (addHeader(text, start, contentEnd, out) && baseIndent < 0) {
                    baseIndent = indent;
                }
            }
            position = next(text, end);
        }
        return status;
    }

    private static void addLine(String text, int start, int end, List<HttpHeaders.Header> out)
    {
        if (isBlank(text.charAt(start))) {
            if (!out.isEmpty()) {
                fold(text, start, end, out);
            }
            return;
        }
        addHeader(text, start, end, out);
    }

    private static void fold(String text, int start, int end, List<HttpHeaders.Header> out)
    {
        String continuation = text.substring(start, end).strip();
        if (continuation.isEmpty()) {
            return;
        }
        int last = out.size() - 1;
        HttpHeaders.Header header = out.get(last);
        String value = header.value().isEmpty() ? continuation : header.value() + " " + continuation;
        out.set(last, new HttpHeaders.Header(header.name(), value));
    }

    /** Adds {@code name: value} when the line is one; returns whether it was. */
    private static boolean addHeader(String text, int start, int end, List<HttpHeaders.Header> out)
    {
        if (out.size() >= MAX_HEADERS) {
            return false;
        }
        int colon = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (!isTokenChar(c)) {
                return false;
            }
        }
        if (colon <= start) {
            return false;
        }
        int valueStart = colon + 1;
        while (valueStart < end && isBlank(text.charAt(valueStart))) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isBlank(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        out.add(new HttpHeaders.Header(text.substring(start, colon), text.substring(valueStart, valueEnd)));
        return true;
    }

    /** The three-digit code after the first space of a status line; {@link #NO_STATUS} when there is none. */
    private static int statusCode(String text, int start, int end)
    {
        int space = text.indexOf(' ', start);
        if (space < 0 || space >= end) {
            return NO_STATUS;
        }
        int codeStart = space + 1;
        while (codeStart < end && text.charAt(codeStart) == ' ') {
            codeStart++;
        }
        int codeEnd = codeStart + 3;
        if (codeEnd > end || (codeEnd < end && text.charAt(codeEnd) != ' ')) {
            return NO_STATUS;
        }
        long code = ScanValues.digits(text, codeStart, codeEnd, 3);
        return code < 100 ? NO_STATUS : (int) code;
    }

    /** Index of the line's '\n', or the text's length. */
    private static int lineEnd(String text, int from)
    {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** The end of the line's content, without a trailing CR. */
    private static int contentEnd(String text, int start, int end)
    {
        return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int next(String text, int end)
    {
        return end < text.length() ? end + 1 : end;
    }

    private static boolean isBlank(char c)
    {
        return c == ' ' || c == '\t';
    }

    /** RFC 9110 token characters, the only ones a header name may hold. */
    private static boolean isTokenChar(char c)
    {
        return c < TOKEN_CHARS.length && TOKEN_CHARS[c];
    }

    private static final boolean[] TOKEN_CHARS = tokenChars();

    private static boolean[] tokenChars()
    {
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
        return table;
    }
}
