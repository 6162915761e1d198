package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Finds the scan format from the first 64 KiB of content (decompressed), never from the name. In
 * order:
 * <ol>
 * <li>no bytes → {@code EMPTY_FILE}; a NUL byte or many control characters → {@code BINARY_FILE};
 * only blanks → {@code EMPTY_FILE};</li>
 * <li>{@code <} and an {@code <nmaprun} element → nmap XML;</li>
 * <li>{@code {} or {@code [}: the top-level keys of the first records decide, first rule that fits:
 * {@code ip_str} or {@code _shodan} → Shodan; a {@code services} array or
 * {@code autonomous_system} → Censys; a {@code ports} array with {@code ip} → masscan; a
 * {@code data} object with {@code ip} or {@code domain} → ZGrab2; a {@code data} string with
 * {@code port} → Shodan;</li>
 * <li>anything else → {@code UNKNOWN_FORMAT}.</li>
 * </ol>
 * A first record larger than the prefix is judged on the keys seen before the prefix ends; a first
 * record that is broken or says nothing is followed by the next ones.
 *
 * <p>It also says how JSON is laid out: one record per line (read line by line, a broken line costs
 * itself; also an array written one element per line) or not (an array on one line, pretty-printed
 * records: read as one stream). masscan is always read by
 * line, since its arrays are not valid JSON.
 */
final class ScanSniffer
{
    private static final int MAX_RECORDS = 20;
    private static final double MAX_CONTROL_SHARE = 0.05;
    private static final String NMAP_ROOT = "<nmaprun";
    // Lenient, for sniffing only: masscan's {finished: 1} has an unquoted name.
    private static final JsonFactory SNIFF_FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    /** What the prefix says: a format and its layout, or the problem kind and reason why none. */
    record Outcome(Optional<ScanFormat> format, boolean streamLayout, String problemKind, String reason)
    {
        static Outcome found(ScanFormat format, boolean streamLayout, String reason)
        {
            return new Outcome(Optional.of(format), streamLayout, "", reason);
        }

        static Outcome failed(String problemKind, String reason)
        {
            return new Outcome(Optional.empty(), false, problemKind, reason);
        }
    }

    private ScanSniffer() {}

    static Outcome sniff(byte[] prefix, int length)
    {
        if (length == 0) {
            return Outcome.failed(ScanProblem.EMPTY_FILE, "empty file");
        }
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = prefix[i] & 0xff;
            if (b == 0) {
                return Outcome.failed(ScanProblem.BINARY_FILE, "binary content (a NUL byte at offset " + i + "); expected JSON or nmap XML");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > length * MAX_CONTROL_SHARE) {
            return Outcome.failed(ScanProblem.BINARY_FILE, "binary content (" + controls + " control bytes in the first " + length + "); expected JSON or nmap XML");
        }
        int start = skipBlank(prefix, skipBom(prefix, length), length);
        if (start == length) {
            return length < ScanInput.PREFIX_BYTES
                    ? Outcome.failed(ScanProblem.EMPTY_FILE, "only blank lines")
                    : Outcome.failed(ScanProblem.UNKNOWN_FORMAT, "the first 64 KiB are blank");
        }
        byte first = prefix[start];
        if (first == '<') {
            String text = new String(prefix, start, length - start, StandardCharsets.UTF_8);
            if (text.contains(NMAP_ROOT)) {
                return Outcome.found(ScanFormat.NMAP_XML, false, "XML with an <nmaprun> element");
            }
            return Outcome.failed(ScanProblem.UNKNOWN_FORMAT, "XML without an <nmaprun> element in its first 64 KiB; nmap XML is the only XML read");
        }
        if (first != '{' && first != '[') {
            return Outcome.failed(ScanProblem.UNKNOWN_FORMAT, "starts with " + describe(first)
                    + "; expected JSON ('{' or '[') for Shodan, Censys, ZGrab2 or masscan, or '<' for nmap XML");
        }
        Evidence evidence = new Evidence();
        Optional<ScanFormat> format = classifyStream(prefix, start, length, evidence);
        if (format.isEmpty()) {
            format = classifyLines(prefix, start, length, evidence);
        }
        if (format.isEmpty()) {
            return Outcome.failed(ScanProblem.UNKNOWN_FORMAT, "JSON whose first records have the keys " + evidence.keys()
                    + ", which fit no scan format (Shodan, Censys, ZGrab2, masscan)");
        }
        boolean stream = format.get() != ScanFormat.MASSCAN && !oneRecordPerLine(prefix, start, length);
        return Outcome.found(format.get(), stream, evidence.reason);
    }

    /** Reads records in a row from the start (handles arrays and pretty-printed records). */
    private static Optional<ScanFormat> classifyStream(byte[] prefix, int start, int length, Evidence evidence)
    {
        try (JsonParser parser = SNIFF_FACTORY.createParser(prefix, start, length - start)) {
            int records = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null && records < MAX_RECORDS) {
                if (token == JsonToken.START_ARRAY || token == JsonToken.END_ARRAY) {
                    continue;
                }
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                records++;
                evidence.clear();
                Optional<ScanFormat> format = readRecord(parser, evidence);
                if (format.isPresent()) {
                    return format;
                }
            }
        }
        catch (JsonProcessingException e) {
            // The prefix ended inside a record, or a record is broken: judge what was seen.
            return evidence.decide();
        }
        catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        return Optional.empty();
    }

    /** Reads each line that starts a record on its own, skipping broken ones. */
    private static Optional<ScanFormat> classifyLines(byte[] prefix, int start, int length, Evidence evidence)
    {
        int lineStart = start;
        int records = 0;
        while (lineStart < length && records < MAX_RECORDS) {
            int lineEnd = lineStart;
            while (lineEnd < length && prefix[lineEnd] != '\n') {
                lineEnd++;
            }
            int from = lineStart;
            while (from < lineEnd && (ScanValues.isBlankByte(prefix[from]) || prefix[from] == '[' || prefix[from] == ',')) {
                from++;
            }
            if (from < lineEnd && prefix[from] == '{') {
                records++;
                evidence.clear();
                try (JsonParser parser = SNIFF_FACTORY.createParser(prefix, from, lineEnd - from)) {
                    parser.nextToken();
                    Optional<ScanFormat> format = readRecord(parser, evidence);
                    if (format.isPresent()) {
                        return format;
                    }
                }
                catch (JsonProcessingException e) {
                    Optional<ScanFormat> format = evidence.decide();
                    if (format.isPresent()) {
                        return format;
                    }
                }
                catch (IOException e) {
                    throw new IllegalStateException("reading a byte array failed", e);
                }
            }
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }

    /** Notes the record's top-level keys and the types of their values, then decides. */
    private static Optional<ScanFormat> readRecord(JsonParser parser, Evidence evidence) throws IOException
    {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            evidence.add(name, value);
            parser.skipChildren();
        }
        return evidence.decide();
    }

    /**
     * Whether records are one per line: the first record ends on the line where it starts (or runs
     * past the prefix on one line), or, when it does not, most of the first lines are still whole
     * objects ({@code {...}}, give or take array punctuation). A broken first line (a truncated
     * download, say) thus does not turn a file of lines into a stream, whose reading would end at
     * that line; pretty-printed records have no whole line at all.
     */
    private static boolean oneRecordPerLine(byte[] prefix, int start, int length)
    {
        if (prefix[start] == '[' && startsArrayOfLines(prefix, start, length)) {
            return false;
        }
        int first = start;
        while (first < length && prefix[first] != '{') {
            first++;
        }
        return first == length || firstRecordOnOneLine(prefix, first, length) || mostLinesWhole(prefix, start, length);
    }

    private static boolean mostLinesWhole(byte[] prefix, int start, int length)
    {
        int whole = 0;
        int fragments = 0;
        int lineStart = start;
        while (lineStart < length && whole + fragments < MAX_RECORDS) {
            int lineEnd = lineStart;
            while (lineEnd < length && prefix[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd == length) {
                break;
            }
            int from = lineStart;
            while (from < lineEnd && (ScanValues.isBlankByte(prefix[from]) || prefix[from] == '[' || prefix[from] == ',')) {
                from++;
            }
            int to = lineEnd;
            while (to > from && (ScanValues.isBlankByte(prefix[to - 1]) || prefix[to - 1] == ',' || prefix[to - 1] == ']')) {
                to--;
            }
            if (from < to) {
                if (prefix[from] == '{' && prefix[to - 1] == '}') {
                    whole++;
                }
                else {
                    fragments++;
                }
            }
            lineStart = lineEnd + 1;
        }
        return whole > fragments;
    }

    /** Whether the record starting at {@code start} ends on its line (or runs past the prefix on one line). */
    private static boolean firstRecordOnOneLine(byte[] prefix, int start, int length)
    {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < length; i++) {
            byte b = prefix[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                }
                else if (b == '\\') {
                    escaped = true;
                }
                else if (b == '"') {
                    inString = false;
                }
                else if (b == '\n') {
                    return false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) {
                        return true;
                    }
                }
                case '\n' -> {
                    return false;
                }
                default -> {
                    // Values and blanks.
                }
            }
        }
        return true;
    }

    /** A JSON array whose first element starts on its first line: {@code [{...},} and so on, one stream. */
    private static boolean startsArrayOfLines(byte[] prefix, int start, int length)
    {
        int i = start + 1;
        while (i < length && (prefix[i] == ' ' || prefix[i] == '\t')) {
            i++;
        }
        return i < length && prefix[i] != '\n' && prefix[i] != '\r';
    }

    private static int skipBom(byte[] prefix, int length)
    {
        return length >= 3 && (prefix[0] & 0xff) == 0xEF && (prefix[1] & 0xff) == 0xBB && (prefix[2] & 0xff) == 0xBF ? 3 : 0;
    }

    private static int skipBlank(byte[] prefix, int from, int length)
    {
        int i = from;
        while (i < length && ScanValues.isBlankByte(prefix[i])) {
            i++;
        }
        return i;
    }

    private static String describe(byte b)
    {
        if (b >= 0x21 && b < 0x7f) {
            return "'" + (char) b + "'";
        }
        return String.format("byte 0x%02x", b & 0xff);
    }

    /** The keys of one record and what their values are. */
    private static final class Evidence
    {
        private static final int MAX_KEYS_SHOWN = 12;
        private final Map<String, JsonToken> keys = new LinkedHashMap<>();
        private final Map<String, JsonToken> allKeys = new LinkedHashMap<>();
        private String reason = "";

        void clear()
        {
            keys.clear();
        }

        void add(String name, JsonToken value)
        {
            keys.put(name, value);
            if (allKeys.size() < MAX_KEYS_SHOWN) {
                allKeys.putIfAbsent(name, value);
            }
        }

        String keys()
        {
            return allKeys.keySet().toString();
        }

        Optional<ScanFormat> decide()
        {
            if (keys.containsKey("ip_str") || keys.containsKey("_shodan")) {
                return found(ScanFormat.SHODAN, "JSON with Shodan's ip_str or _shodan");
            }
            if (keys.get("services") == JsonToken.START_ARRAY || keys.containsKey("autonomous_system")) {
                return found(ScanFormat.CENSYS, "JSON with Censys' services[] or autonomous_system");
            }
            if (keys.get("ports") == JsonToken.START_ARRAY && keys.containsKey("ip")) {
                return found(ScanFormat.MASSCAN, "JSON with masscan's ip and ports[]");
            }
            if (keys.get("data") == JsonToken.START_OBJECT && (keys.containsKey("ip") || keys.containsKey("domain"))) {
                return found(ScanFormat.ZGRAB2, "JSON with ZGrab2's ip and data{}");
            }
            if (keys.get("data") == JsonToken.VALUE_STRING && keys.containsKey("port")) {
                return found(ScanFormat.SHODAN, "JSON with Shodan's data text and port");
            }
            return Optional.empty();
        }

        private Optional<ScanFormat> found(ScanFormat format, String why)
        {
            reason = why;
            return Optional.of(format);
        }
    }
}
