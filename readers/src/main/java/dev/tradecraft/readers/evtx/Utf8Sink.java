package dev.tradecraft.readers.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that JSON and XML are written into, with the escaping of the place
 * the text goes. Strings from the log are copied from their UTF-16 bytes in the chunk straight into
 * UTF-8, without becoming Java strings first: on a dump, that copy is most of the work.
 */
final class Utf8Sink
{
    /** How text is escaped on its way in. */
    enum Escape
    {
        /** Inside a JSON string: quote, backslash, control characters, U+2028/9 and lone surrogates as escapes. */
        JSON,
        /** XML character data: {@code & < >}; control characters XML cannot hold as {@code \\uXXXX}. */
        XML_TEXT,
        /** An XML attribute value in double quotes: as text, plus {@code " '}. */
        XML_ATTRIBUTE
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    Utf8Sink(int capacity)
    {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size()
    {
        return size;
    }

    void clear()
    {
        size = 0;
    }

    byte[] toByteArray()
    {
        return Arrays.copyOf(bytes, size);
    }

    void writeTo(OutputStream out) throws IOException
    {
        out.write(bytes, 0, size);
    }

    /** Bytes of markup the writer chose: ASCII, no escaping. */
    Utf8Sink ascii(String text)
    {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Sink ascii(char c)
    {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Text from a Java string or builder, escaped. */
    void text(CharSequence text, Escape escape)
    {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && !needsEscape(c, escape)) {
                if (size == bytes.length) {
                    ensure(1);
                }
                bytes[size++] = (byte) c;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, text.charAt(++i)));
                continue;
            }
            unit(c, escape);
        }
    }

    /**
     * UTF-16LE text from the chunk, escaped; stops at a NUL when {@code stopAtNul}, as Windows shows
     * strings.
     */
    void utf16(byte[] data, int offset, int length, Escape escape, boolean stopAtNul)
    {
        int end = offset + (length & ~1);
        ensure(length >> 1);
        for (int at = offset; at < end; at += 2) {
            char c = (char) ((data[at] & 0xff) | (data[at + 1] & 0xff) << 8);
            if (c < 0x80 && c != 0 && !needsEscape(c, escape)) {
                if (size == bytes.length) {
                    ensure(1);
                }
                bytes[size++] = (byte) c;
                continue;
            }
            if (c == 0 && stopAtNul) {
                return;
            }
            if (Character.isHighSurrogate(c) && at + 3 < end) {
                char low = (char) ((data[at + 2] & 0xff) | (data[at + 3] & 0xff) << 8);
                if (Character.isLowSurrogate(low)) {
                    codePoint(Character.toCodePoint(c, low));
                    at += 2;
                    continue;
                }
            }
            unit(c, escape);
        }
    }

    private static boolean needsEscape(char c, Escape escape)
    {
        if (c < 0x20) {
            return true;
        }
        return switch (escape) {
            case JSON -> c == '"' || c == '\\';
            case XML_TEXT -> c == '&' || c == '<' || c == '>';
            case XML_ATTRIBUTE -> c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
        };
    }

    /** One code unit that is not a plain ASCII character: escaped, or UTF-8 encoded. */
    private void unit(char c, Escape escape)
    {
        if (escape == Escape.JSON) {
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                        escapeUnit(c);
                    }
                    else {
                        codePoint(c);
                    }
                }
            }
            return;
        }
        switch (c) {
            case '&' -> ascii("&amp;");
            case '<' -> ascii("&lt;");
            case '>' -> ascii("&gt;");
            case '"' -> ascii("&quot;");
            case '\'' -> ascii("&apos;");
            case '\n', '\r', '\t' -> ascii(c);
            default -> {
                if (c < 0x20 || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                    // XML 1.0 cannot hold these even as references; show them the way a reader can see.
                    escapeUnit(c);
                }
                else {
                    codePoint(c);
                }
            }
        }
    }

    private void escapeUnit(char c)
    {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 0xf];
        bytes[size++] = HEX[(c >> 8) & 0xf];
        bytes[size++] = HEX[(c >> 4) & 0xf];
        bytes[size++] = HEX[c & 0xf];
    }

    private void codePoint(int cp)
    {
        ensure(4);
        if (cp < 0x80) {
            bytes[size++] = (byte) cp;
        }
        else if (cp < 0x800) {
            bytes[size++] = (byte) (0xc0 | cp >> 6);
            bytes[size++] = (byte) (0x80 | cp & 0x3f);
        }
        else if (cp < 0x10000) {
            bytes[size++] = (byte) (0xe0 | cp >> 12);
            bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
            bytes[size++] = (byte) (0x80 | cp & 0x3f);
        }
        else {
            bytes[size++] = (byte) (0xf0 | cp >> 18);
            bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3f);
            bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
            bytes[size++] = (byte) (0x80 | cp & 0x3f);
        }
    }

    private void ensure(int more)
    {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 16));
        }
    }
}
