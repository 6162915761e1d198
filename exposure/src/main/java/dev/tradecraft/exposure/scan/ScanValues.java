package dev.tradecraft.exposure.scan;

import java.util.Locale;

/** Normalisation of the values scan formats write in several ways: ASNs, countries, addresses, ports. */
final class ScanValues
{
    /** Bodies and raw banners are kept up to this many characters. */
    static final int MAX_TEXT_CHARS = 64 * 1024;
    static final int MAX_TITLE_CHARS = 1024;
    static final int INVALID = -1;
    private static final long MAX_ASN = 4_294_967_295L;
    // Longest IPv6 text form, with an embedded IPv4 address.
    private static final int MAX_ADDRESS_LENGTH = 45;

    private ScanValues() {}

    /** {@code AS64500} from {@code AS64500}, {@code as64500}, {@code 64500}; null when it is none of these. */
    static String asn(String text)
    {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        int start = 0;
        if (trimmed.length() > 2 && (trimmed.charAt(0) == 'A' || trimmed.charAt(0) == 'a') && (trimmed.charAt(1) == 'S' || trimmed.charAt(1) == 's')) {
            start = 2;
        }
        long number = digits(trimmed, start, trimmed.length(), 10);
        if (number < 0 || number > MAX_ASN) {
            return null;
        }
        return "AS" + number;
    }

    static String asn(long number)
    {
        return number >= 0 && number <= MAX_ASN ? "AS" + number : null;
    }

    /** An ISO 3166 alpha-2 code in upper case; null when the text is not two ASCII letters. */
    static String country(String text)
    {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() != 2 || !isAsciiLetter(trimmed.charAt(0)) || !isAsciiLetter(trimmed.charAt(1))) {
            return null;
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    /** A port from text; {@link #INVALID} unless it is 1 to 5 digits. The range is checked by the caller. */
    static int port(String text)
    {
        if (text == null) {
            return INVALID;
        }
        String trimmed = text.strip();
        return (int) digits(trimmed, 0, trimmed.length(), 5);
    }

    static boolean validPort(int port)
    {
        return port >= 0 && port <= 65535;
    }

    /** Whether the text has the shape of an IPv4 dotted quad or an IPv6 address (no zone). */
    static boolean isIpAddress(String text)
    {
        if (text == null || text.isEmpty() || text.length() > MAX_ADDRESS_LENGTH) {
            return false;
        }
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text, 0, text.length());
    }

    private static boolean isIpv4(String text, int from, int to)
    {
        int parts = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                long value = digits(text, start, i, 3);
                if (value < 0 || value > 255) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    private static boolean isIpv6(String text)
    {
        int colons = 0;
        int groupLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colons++;
                groupLength = 0;
            }
            else if (c == '.') {
                // An embedded IPv4 address ends the text: ::ffff:192.0.2.1
                int start = text.lastIndexOf(':', i) + 1;
                return colons >= 2 && colons <= 6 && isIpv4(text, start, text.length());
            }
            else if (Character.digit(c, 16) >= 0 && c < 0x80) {
                groupLength++;
                if (groupLength > 4) {
                    return false;
                }
            }
            else {
                return false;
            }
        }
        return colons >= 2 && colons <= 7;
    }

    /** The host of {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}, without brackets or port. */
    static String authorityHost(String authority)
    {
        String text = authority.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text.substring(1) : text.substring(1, close);
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.indexOf(':') == colon) {
            return text.substring(0, colon);
        }
        return text;
    }

    /** The port of such an authority; {@link #INVALID} when it names none. */
    static int authorityPort(String authority)
    {
        String text = authority.strip();
        int colon = text.lastIndexOf(':');
        if (colon < 0 || (text.startsWith("[") && colon < text.indexOf(']')) || (!text.startsWith("[") && text.indexOf(':') != colon)) {
            return INVALID;
        }
        return port(text.substring(colon + 1));
    }

    static String ipv4(long number)
    {
        if (number < 0 || number > 0xFFFF_FFFFL) {
            return null;
        }
        return ((number >>> 24) & 0xFF) + "." + ((number >>> 16) & 0xFF) + "." + ((number >>> 8) & 0xFF) + "." + (number & 0xFF);
    }

    /** Lower-case ASCII, for protocol names scanners write as {@code TCP} or {@code tcp}. */
    static String lowerAscii(String text)
    {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }

    /** The text cut to at most {@code max} characters, never between the halves of a surrogate pair. */
    static String cap(String text, int max)
    {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, cutPoint(text, max));
    }

    static int cutPoint(CharSequence text, int max)
    {
        if (max > 0 && Character.isHighSurrogate(text.charAt(max - 1))) {
            return max - 1;
        }
        return max;
    }

    /** The decimal value of {@code text[from, to)}, or {@link #INVALID} unless it is 1 to {@code maxDigits} ASCII digits. */
    static long digits(CharSequence text, int from, int to, int maxDigits)
    {
        if (to <= from || to - from > maxDigits) {
            return INVALID;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isBlankByte(byte b)
    {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }

    private static boolean isAsciiLetter(char c)
    {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
