package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

/**
 * Text from strangers (log lines, banners, patterns, peers' answers) made fit for one line of a
 * terminal or report: control characters and line separators become {@code ?}, and the text is cut
 * to a bound (never inside a surrogate pair) with {@code ...} after it. Every problem and failure
 * message passes through here once, when it is made, so printers need not each remember to.
 */
public final class PrintableText
{
    /** The bound problem messages use. */
    public static final int MESSAGE_LENGTH = 300;

    private PrintableText() {}

    public static String of(String text, int maxLength)
    {
        requireNonNull(text, "text is null");
        Checks.checkArgument(maxLength > 0, "maxLength must be positive: %s", maxLength);
        boolean clean = text.length() <= maxLength;
        for (int i = 0; clean && i < text.length(); i++) {
            clean = !isControl(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        int end = Math.min(text.length(), maxLength);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
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
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
