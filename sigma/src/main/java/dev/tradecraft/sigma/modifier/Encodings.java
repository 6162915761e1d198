package dev.tradecraft.sigma.modifier;

import dev.tradecraft.sigma.value.Literal;
import dev.tradecraft.sigma.value.PatternPart;
import dev.tradecraft.sigma.value.StringPattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers. UTF-16 encodings turn a pattern's literals into byte strings (one char
 * per byte, 0..255) and mark the pattern binary, keeping wildcards as they are; base64 encodes a
 * wildcard-free pattern's bytes: the byte string itself when binary, else its UTF-8 form.
 */
final class Encodings
{
    // Base64 of the value shifted by 0, 1, 2 bytes: the characters to drop at the start, and at the
    // end indexed by (length + shift) % 3, so only characters that depend on the value alone remain.
    private static final int[] OFFSET_START = {0, 2, 3};
    private static final int[] OFFSET_END_TRIM = {0, 3, 2};

    private Encodings() {}

    enum Utf16
    {
        LITTLE_ENDIAN, BIG_ENDIAN, LITTLE_ENDIAN_WITH_BOM
    }

    static StringPattern utf16(StringPattern pattern, Utf16 form)
    {
        List<PatternPart> parts = new ArrayList<>(pattern.parts().size() + 1);
        if (form == Utf16.LITTLE_ENDIAN_WITH_BOM) {
            parts.add(new Literal("\u00ff\u00fe"));
        }
        for (PatternPart part : pattern.parts()) {
            if (part instanceof Literal literal) {
                String text = literal.text();
                StringBuilder bytes = new StringBuilder(text.length() * 2);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    char low = (char) (c & 0xFF);
                    char high = (char) (c >>> 8);
                    if (form == Utf16.BIG_ENDIAN) {
                        bytes.append(high).append(low);
                    }
                    else {
                        bytes.append(low).append(high);
                    }
                }
                parts.add(new Literal(bytes.toString()));
            }
            else {
                parts.add(part);
            }
        }
        return new StringPattern(parts, pattern.cased(), true);
    }

    static StringPattern base64(StringPattern pattern)
    {
        return StringPattern.literal(Base64.getEncoder().encodeToString(bytes(pattern)));
    }

    /**
     * The base64 forms of the value at byte offsets 0, 1 and 2 inside a longer encoded text. A form
     * that comes out empty (values of one or two bytes) is left out: it would match everything.
     */
    static List<StringPattern> base64Offsets(StringPattern pattern)
    {
        byte[] data = bytes(pattern);
        List<StringPattern> result = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[data.length + shift];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(data, 0, shifted, shift, data.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - OFFSET_END_TRIM[(data.length + shift) % 3];
            int start = OFFSET_START[shift];
            if (end > start) {
                result.add(StringPattern.literal(encoded.substring(start, end)));
            }
        }
        return result;
    }

    private static byte[] bytes(StringPattern pattern)
    {
        String text = pattern.literalText();
        if (!pattern.binary()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] result = new byte[text.length()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) text.charAt(i);
        }
        return result;
    }
}
