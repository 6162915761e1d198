package dev.tradecraft.exposure.fingerprint;

/**
 * The text one lookup matches, prepared once for all fingerprints of a database: cut to a bounded
 * length, and folded for case-insensitive literal checks only when a fingerprint asks.
 *
 * <p>Recog texts are single headers, titles and banners; a longer text is attacker-sized and only
 * its first {@value #MAX_CHARS} characters are looked at. The cut is made before a line break where
 * there is one, so a {@code $} anchor cannot match at a place the full text has no line end.
 */
final class MatchInput
{
    static final int MAX_CHARS = 64 * 1024;

    private final String text;
    private String folded;

    MatchInput(String text)
    {
        this.text = cut(text);
    }

    String text()
    {
        return text;
    }

    /** The text with every character a case-insensitive ASCII letter can match written as that letter in lower case. */
    String folded()
    {
        if (folded == null) {
            folded = fold(text);
        }
        return folded;
    }

    private static String cut(String text)
    {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int lineBreak = text.lastIndexOf('\n', MAX_CHARS);
        return text.substring(0, lineBreak > 0 ? lineBreak : MAX_CHARS);
    }

    /**
     * Lower-cases ASCII letters and maps the four non-ASCII characters that case-insensitive matching
     * in RE2/J or java.util.regex equates with an ASCII letter: long s and the dotless i (upper-case
     * to S and I), the Kelvin sign and the dotted capital I (lower-case to k and i). Other characters
     * stay, which keeps positions and lengths unchanged.
     */
    static String fold(String text)
    {
        int length = text.length();
        int i = 0;
        while (i < length && foldChar(text.charAt(i)) == text.charAt(i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < length; i++) {
            chars[i] = foldChar(chars[i]);
        }
        return new String(chars);
    }

    private static char foldChar(char c)
    {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c < 0x80) {
            return c;
        }
        return switch (c) {
            case '\u017F' -> 's';
            case '\u212A' -> 'k';
            case '\u0130', '\u0131' -> 'i';
            default -> c;
        };
    }
}
