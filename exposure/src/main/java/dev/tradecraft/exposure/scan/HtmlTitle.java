package dev.tradecraft.exposure.scan;

import java.util.Optional;

/**
 * The text of an HTML {@code <title>}, for scan formats that keep the body but not the title
 * (ZGrab2, Censys without {@code html_title}, Shodan without {@code http.title}) and for the probe's
 * answers. Found by scanning rather than parsing: the body may be cut anywhere and is written by the
 * peer, so nothing here builds a tree or runs a regular expression. Whitespace is collapsed, the
 * common character references are decoded and control characters dropped; the result is plain
 * text of at most {@link ScanValues#MAX_TITLE_CHARS} characters, still to be escaped by whoever
 * prints it as HTML.
 */
public final class HtmlTitle
{
    static final int MAX_TITLE_LENGTH = ScanValues.MAX_TITLE_CHARS;

    private HtmlTitle() {}

    /** The title; empty when the page has none, or only white space in it. */
    public static Optional<String> of(String html)
    {
        int open = indexOfIgnoreCase(html, "<title", 0);
        while (open >= 0) {
            int after = open + "<title".length();
            if (after < html.length() && (html.charAt(after) == '>' || Character.isWhitespace(html.charAt(after)))) {
                break;
            }
            open = indexOfIgnoreCase(html, "<title", after);
        }
        if (open < 0) {
            return Optional.empty();
        }
        int start = html.indexOf('>', open);
        if (start < 0) {
            return Optional.empty();
        }
        start++;
        int end = indexOfIgnoreCase(html, "</title", start);
        if (end < 0) {
            // A body cut inside the title: keep what there is up to the next tag.
            end = html.indexOf('<', start);
            if (end < 0) {
                end = html.length();
            }
        }
        String title = clean(html, start, end);
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
    }

    private static String clean(String html, int start, int end)
    {
        StringBuilder out = new StringBuilder(Math.min(end - start, MAX_TITLE_LENGTH));
        boolean space = false;
        for (int i = start; i < end && out.length() < MAX_TITLE_LENGTH; i++) {
            char c = html.charAt(i);
            if (c == '&') {
                int semicolon = html.indexOf(';', i);
                if (semicolon > i && semicolon < end && semicolon - i <= 10) {
                    int decoded = reference(html.substring(i + 1, semicolon));
                    if (decoded >= 0) {
                        i = semicolon;
                        if (Character.isWhitespace(decoded) || decoded == 0xa0) {
                            space = out.length() > 0;
                        }
                        else {
                            appendSpace(out, space);
                            space = false;
                            out.appendCodePoint(decoded);
                        }
                        continue;
                    }
                }
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            appendSpace(out, space);
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    private static void appendSpace(StringBuilder out, boolean space)
    {
        if (space) {
            out.append(' ');
        }
    }

    /** The code point of a character reference's name, or -1 when it is unknown or unsafe. */
    private static int reference(String name)
    {
        switch (name) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "nbsp":
                return 0xa0;
            default:
                break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        int from = hex ? 2 : 1;
        if (from == name.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < name.length(); i++) {
            int digit = Character.digit(name.charAt(i), hex ? 16 : 10);
            if (digit < 0 || value > 0x10ffff) {
                return -1;
            }
            value = value * (hex ? 16 : 10) + digit;
        }
        boolean usable = value <= 0x10ffff && !Character.isISOControl(value) && (value < 0xd800 || value > 0xdfff);
        return usable ? value : -1;
    }

    private static int indexOfIgnoreCase(String text, String needle, int from)
    {
        int last = text.length() - needle.length();
        for (int i = from; i <= last; i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
