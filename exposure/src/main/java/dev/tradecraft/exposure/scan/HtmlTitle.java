package dev.tradecraft.exposure.scan;

/**
 * The text of the first {@code <title>} element of an HTML page, for formats that keep the body but
 * not the title (ZGrab2, Censys without {@code html_title}). A plain scan, no regular expression and
 * no HTML parser: the page is a stranger's text, only read.
 */
final class HtmlTitle
{
    private static final String OPEN = "<title";
    private static final String CLOSE = "</title";

    private HtmlTitle() {}

    /** The title with runs of whitespace as one space, at most {@link ScanValues#MAX_TITLE_CHARS}; null when there is none. */
    static String extract(String html)
    {
        if (html == null) {
            return null;
        }
        int from = 0;
        while (true) {
            int open = indexOfIgnoreCase(html, OPEN, from);
            if (open < 0) {
                return null;
            }
            int after = open + OPEN.length();
            if (after < html.length() && (html.charAt(after) == '>' || Character.isWhitespace(html.charAt(after)))) {
                int textStart = html.indexOf('>', after);
                if (textStart < 0) {
                    return null;
                }
                textStart++;
                int textEnd = indexOfIgnoreCase(html, CLOSE, textStart);
                if (textEnd < 0) {
                    return null;
                }
                return collapse(html, textStart, textEnd);
            }
            from = after;
        }
    }

    private static String collapse(String html, int start, int end)
    {
        StringBuilder out = new StringBuilder(Math.min(end - start, ScanValues.MAX_TITLE_CHARS));
        boolean space = false;
        for (int i = start; i < end && out.length() < ScanValues.MAX_TITLE_CHARS; i++) {
            char c = html.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.length() == 0 ? null : ScanValues.cap(out.toString(), ScanValues.MAX_TITLE_CHARS);
    }

    private static int indexOfIgnoreCase(String text, String needle, int from)
    {
        int last = text.length() - needle.length();
        char first = needle.charAt(0);
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) == first && text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
