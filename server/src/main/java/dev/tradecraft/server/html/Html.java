package dev.tradecraft.server.html;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for HTML text and attribute values. Every string that came from a log, a scan or a
 * user's rule is attacker-controlled (user agents, paths, rule titles, evidence sentences), so
 * nothing reaches a page without passing through here or through {@link HtmlBuilder}, which calls it.
 */
public final class Html
{
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Html() {}

    /**
     * Text for an element's content. The five characters that can end a text run, open a tag or
     * close an attribute are replaced by entities; characters HTML forbids (controls other than
     * tab, line feed and carriage return, lone surrogates) become U+FFFD so a browser cannot
     * interpret them differently from us.
     */
    public static String escapeText(String text)
    {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
                out.append(text, 0, i);
            }
            out.append(replacement);
            if (Character.isHighSurrogate(c) && replacement.length() == 2) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A value inside a double- or single-quoted attribute. The same replacements as text: quotes
     * of both kinds are escaped, so a value cannot close its attribute whichever quote is used.
     */
    public static String escapeAttribute(String value)
    {
        return escapeText(value);
    }

    /**
     * One path segment of a URL built by us ({@code /organisations/<segment>}): everything but
     * unreserved characters is percent-encoded as UTF-8, so a name with {@code /}, {@code ..} or
     * {@code ?} stays one segment.
     */
    public static String pathSegment(String value)
    {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~' || c == '.') {
                out.append((char) c);
            }
            else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        String segment = out.toString();
        // "." and ".." as whole segments would be removed by URL normalisation; encoded they stay data.
        return segment.equals(".") || segment.equals("..") ? segment.replace(".", "%2E") : segment;
    }

    /** A fragment id made of {@code prefix}, a readable slug of {@code name} and a hash, so distinct names never share an id. */
    public static String anchorId(String prefix, String name)
    {
        StringBuilder slug = new StringBuilder(prefix).append('-');
        for (int i = 0; i < name.length() && slug.length() < prefix.length() + 40; i++) {
            char c = Character.toLowerCase(name.charAt(i));
            slug.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
        }
        return slug.append('-').append(Integer.toHexString(name.hashCode() & 0x7fffffff)).toString();
    }

    private static String replacement(String text, int index, char c)
    {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return "\uFFFD";
        }
        if (Character.isHighSurrogate(c)) {
            if (index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))) {
                // A valid pair: copied as it is (two chars).
                return text.substring(index, index + 2);
            }
            return "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            return "\uFFFD";
        }
        return null;
    }
}
