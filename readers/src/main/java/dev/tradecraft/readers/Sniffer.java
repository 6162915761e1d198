package dev.tradecraft.readers;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Finds the format of a file from its first 64 KiB (after gunzip), never from its name.
 *
 * <p>The probes run in this order; the first that recognises the content decides:
 * <ol>
 * <li>damaged gzip with nothing decompressed: {@code IO_ERROR}</li>
 * <li>no bytes: {@code EMPTY_FILE}</li>
 * <li>EVTX magic {@code ElfFile\0}: {@code EVTX}</li>
 * <li>archive magic (zip, 7z, bzip2, xz, zstd, gzip inside gzip): {@code BINARY_FILE}</li>
 * <li>more than 1% NUL characters, or more than 10% control or undecodable characters, in the first
 *     4 KiB: {@code BINARY_FILE} (a few NULs are damage in a text log, not a binary file)</li>
 * <li>blank lines only: {@code EMPTY_FILE} (or {@code UNKNOWN_FORMAT} if more follows the blank 64 KiB)</li>
 * <li>first non-blank line starts with {@code #Software:}, {@code #Version:}, {@code #Fields:} or
 *     {@code #Date:}: {@link LogFormat#IIS_W3C}</li>
 * <li>first non-blank character {@code {} or {@code [}, optionally after an evtx_dump
 *     {@code Record N} line: {@link LogFormat#WINDOWS_JSON}</li>
 * </ol>
 * Anything else is {@code UNKNOWN_FORMAT}: a W3C-looking data line without directives is not
 * guessed at. The text encoding is UTF-8 unless a UTF-16 byte-order mark says otherwise.
 */
final class Sniffer
{
    static final int BINARY_WINDOW = 4096;
    static final String UNKNOWN_REASON = "no known log format in the first lines";

    private static final byte[] EVTX_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final List<Archive> ARCHIVES = List.of(
            new Archive("zip archive", new byte[] {'P', 'K', 3, 4}),
            new Archive("7z archive", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c}),
            new Archive("bzip2 data", new byte[] {'B', 'Z', 'h'}),
            new Archive("xz data", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
            new Archive("zstd data", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
            new Archive("gzip data inside gzip", new byte[] {0x1f, (byte) 0x8b}));
    private static final List<String> W3C_DIRECTIVES = List.of("#Software:", "#Version:", "#Fields:", "#Date:");
    private static final int REASON_SNIPPET = 80;

    /** The probes, in the documented order. */
    private static final List<Probe> PROBES = List.of(
            Sniffer::damagedCompression,
            Sniffer::empty,
            Sniffer::evtx,
            Sniffer::archive,
            Sniffer::binary,
            Sniffer::blank,
            Sniffer::iisW3c,
            Sniffer::windowsJson);

    private Sniffer() {}

    @FunctionalInterface
    private interface Probe
    {
        /** The verdict, or null when the probe does not recognise the content. */
        SniffOutcome test(Prefix prefix);
    }

    private record Archive(String name, byte[] magic) {}

    static SniffOutcome sniff(ContentInput input)
    {
        Prefix prefix = new Prefix(input.prefix(), input.prefixLength(), input.wholeContent(), input.decompressionFailure());
        for (Probe probe : PROBES) {
            SniffOutcome outcome = probe.test(prefix);
            if (outcome != null) {
                return outcome;
            }
        }
        return SniffOutcome.unreadable(ProblemKind.UNKNOWN_FORMAT, UNKNOWN_REASON, prefix.charset);
    }

    private static SniffOutcome damagedCompression(Prefix prefix)
    {
        if (prefix.length > 0 || prefix.decompressionFailure.isEmpty()) {
            return null;
        }
        IOException failure = prefix.decompressionFailure.get();
        return SniffOutcome.unreadable(ProblemKind.IO_ERROR,
                "gzip data is corrupt or truncated before any content (" + failure.getMessage() + ")", prefix.charset);
    }

    private static SniffOutcome empty(Prefix prefix)
    {
        return prefix.length == 0 ? SniffOutcome.unreadable(ProblemKind.EMPTY_FILE, "empty file", prefix.charset) : null;
    }

    private static SniffOutcome evtx(Prefix prefix)
    {
        if (prefix.startsWith(EVTX_MAGIC)) {
            return SniffOutcome.readable(LogFormat.EVTX, "EVTX binary event log (ElfFile signature)", prefix.charset);
        }
        return null;
    }

    private static SniffOutcome archive(Prefix prefix)
    {
        for (Archive archive : ARCHIVES) {
            if (prefix.startsWith(archive.magic())) {
                return SniffOutcome.unreadable(ProblemKind.BINARY_FILE, archive.name() + ": not read, unpack it first", prefix.charset);
            }
        }
        return null;
    }

    private static SniffOutcome binary(Prefix prefix)
    {
        String text = prefix.text();
        int window = Math.min(text.length(), BINARY_WINDOW);
        int nul = 0;
        int odd = 0;
        for (int i = 0; i < window; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                nul++;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f || c == '\uFFFD') {
                odd++;
            }
        }
        // A few NULs are damage in a text log (IIS leaves some after a crash); more than 1% is binary.
        if (nul * 100 > window) {
            return SniffOutcome.unreadable(ProblemKind.BINARY_FILE, nulReason(prefix), prefix.charset);
        }
        if (odd * 10 > window) {
            return SniffOutcome.unreadable(ProblemKind.BINARY_FILE,
                    "binary content (mostly non-text bytes in first 4 KiB)", prefix.charset);
        }
        return null;
    }

    private static String nulReason(Prefix prefix)
    {
        // Every other byte NUL is UTF-16 text that lost its byte-order mark; say so, it is easy to fix.
        int window = Math.min(prefix.length, BINARY_WINDOW) & ~1;
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < window; i += 2) {
            evenNul += prefix.bytes[i] == 0 ? 1 : 0;
            oddNul += prefix.bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = window / 2;
        if (pairs >= 8 && (evenNul * 10 >= pairs * 9 || oddNul * 10 >= pairs * 9)) {
            return "binary content (NUL bytes in first 4 KiB; UTF-16 text without a byte-order mark?)";
        }
        return "binary content (NUL bytes in first 4 KiB)";
    }

    private static SniffOutcome blank(Prefix prefix)
    {
        if (prefix.firstNonBlank() >= 0) {
            return null;
        }
        if (prefix.whole) {
            return SniffOutcome.unreadable(ProblemKind.EMPTY_FILE, "only blank lines", prefix.charset);
        }
        return SniffOutcome.unreadable(ProblemKind.UNKNOWN_FORMAT, UNKNOWN_REASON + " (the first 64 KiB are blank)", prefix.charset);
    }

    private static SniffOutcome iisW3c(Prefix prefix)
    {
        String text = prefix.text();
        int start = prefix.firstNonBlank();
        for (String directive : W3C_DIRECTIVES) {
            if (text.regionMatches(true, start, directive, 0, directive.length())) {
                return SniffOutcome.readable(LogFormat.IIS_W3C, "IIS W3C (" + snippet(text, start) + ")", prefix.charset);
            }
        }
        return null;
    }

    private static SniffOutcome windowsJson(Prefix prefix)
    {
        String text = prefix.text();
        int start = prefix.firstNonBlank();
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return SniffOutcome.readable(LogFormat.WINDOWS_JSON,
                    "Windows events as JSON (starts with '" + first + "')", prefix.charset);
        }
        int lineEnd = lineEnd(text, start);
        if (isRecordLine(text, start, lineEnd)) {
            int next = skipWhitespace(text, lineEnd);
            if (next < text.length() && (text.charAt(next) == '{' || text.charAt(next) == '[')) {
                return SniffOutcome.readable(LogFormat.WINDOWS_JSON,
                        "Windows events as JSON (evtx_dump output: '" + snippet(text, start) + "' then '" + text.charAt(next) + "')",
                        prefix.charset);
            }
        }
        return null;
    }

    /** True for an evtx_dump separator line: {@code Record}, blanks, digits, optional blanks. */
    static boolean isRecordLine(CharSequence text, int start, int end)
    {
        String word = "Record";
        if (end - start < word.length() + 2) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(start + i) != word.charAt(i)) {
                return false;
            }
        }
        int i = start + word.length();
        int blanks = i;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int digits = i;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || digits == blanks) {
            return false;
        }
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == end;
    }

    private static int lineEnd(String text, int from)
    {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int skipWhitespace(String text, int from)
    {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String snippet(String text, int start)
    {
        int end = lineEnd(text, start);
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i < end && out.length() < REASON_SNIPPET; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString().trim();
    }

    /** The first bytes of the content and, decoded lazily, their text. */
    private static final class Prefix
    {
        final byte[] bytes;
        final int length;
        final boolean whole;
        final Optional<IOException> decompressionFailure;
        final Charset charset;
        private final int bomBytes;
        private String text;
        private int firstNonBlank = -2;

        Prefix(byte[] bytes, int length, boolean whole, Optional<IOException> decompressionFailure)
        {
            this.bytes = bytes;
            this.length = length;
            this.whole = whole;
            this.decompressionFailure = decompressionFailure;
            if (startsWith(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})) {
                charset = StandardCharsets.UTF_8;
                bomBytes = 3;
            }
            else if (startsWith(new byte[] {(byte) 0xff, (byte) 0xfe})) {
                charset = StandardCharsets.UTF_16LE;
                bomBytes = 2;
            }
            else if (startsWith(new byte[] {(byte) 0xfe, (byte) 0xff})) {
                charset = StandardCharsets.UTF_16BE;
                bomBytes = 2;
            }
            else {
                charset = StandardCharsets.UTF_8;
                bomBytes = 0;
            }
        }

        boolean startsWith(byte[] magic)
        {
            if (length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if (bytes[i] != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The prefix decoded without its byte-order mark; undecodable bytes become U+FFFD. */
        String text()
        {
            if (text == null) {
                text = new String(bytes, bomBytes, length - bomBytes, charset);
            }
            return text;
        }

        /** Index of the first non-whitespace character of {@link #text()}, or -1. */
        int firstNonBlank()
        {
            if (firstNonBlank == -2) {
                String decoded = text();
                int i = skipWhitespace(decoded, 0);
                firstNonBlank = i < decoded.length() ? i : -1;
            }
            return firstNonBlank;
        }
    }
}
