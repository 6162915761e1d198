package dev.tradecraft.cli;

/**
 * Makes log-derived text safe to print on a terminal. Attacker-controlled values (paths, user
 * agents) may carry escape sequences that rewrite the screen or the title bar; control characters
 * are shown as {@code \xNN} instead.
 */
final class TerminalText
{
    private TerminalText() {}

    static String safe(String text)
    {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                    out.append(text, 0, i);
                }
                out.append(String.format("\\x%02x", (int) c));
            }
            else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Shortens to at most {@code width} characters, marking the cut. */
    static String fit(String text, int width)
    {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
