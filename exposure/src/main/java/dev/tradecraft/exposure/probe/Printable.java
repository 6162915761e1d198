package dev.tradecraft.exposure.probe;

/**
 * Makes text safe for a terminal line: peers and scope files put arbitrary characters in what
 * ends up in failure reasons and problem messages, so control characters are replaced and the
 * length is bounded here, once.
 */
final class Printable
{
    static final int MAX_MESSAGE_LENGTH = 300;

    private Printable() {}

    static String of(String text)
    {
        return of(text, MAX_MESSAGE_LENGTH);
    }

    static String of(String text, int maxLength)
    {
        boolean clean = text.length() <= maxLength;
        for (int i = 0; clean && i < text.length(); i++) {
            clean = !isControl(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        int end = Math.min(text.length(), maxLength);
        StringBuilder out = new StringBuilder(end + 3);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? '?' : c);
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean isControl(char c)
    {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
