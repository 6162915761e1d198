package dev.tradecraft.exposure.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Syntax of target hosts: IPv4 and IPv6 literals and DNS names, checked without any name lookup.
 * Scope files are written by hand, so a mistyped address must be refused rather than looked up
 * as a name and probed wherever DNS happens to point.
 */
final class Hosts
{
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private Hosts() {}

    /** Why the text is not a host, or null when it is one. */
    static String problem(String host)
    {
        if (host.isEmpty()) {
            return "no host";
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6Literal(host) ? null : "not a valid IPv6 address";
        }
        if (lastLabelIsNumeric(host)) {
            return parseIpv4(host) >= 0 ? null : "not a valid IPv4 address";
        }
        return nameProblem(host);
    }

    /** True for a DNS name, false for an address literal. */
    static boolean isName(String host)
    {
        return host.indexOf(':') < 0 && !lastLabelIsNumeric(host);
    }

    /** The address as an unsigned 32-bit value, or -1 when the text is not dotted-quad IPv4. */
    static long parseIpv4(String text)
    {
        long value = 0;
        int parts = 0;
        int digits = 0;
        int part = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part > 255) {
                    return -1;
                }
                value = (value << 8) | part;
                parts++;
                digits = 0;
                part = 0;
            }
            else if (c >= '0' && c <= '9' && digits < 3) {
                part = part * 10 + (c - '0');
                digits++;
            }
            else {
                return -1;
            }
        }
        return parts == 4 ? value : -1;
    }

    static String formatIpv4(long value)
    {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }

    static boolean isIpv6Literal(String text)
    {
        // The JDK parses a literal without a lookup only when it starts with a hex digit or ':'
        // and contains ':'; anything else could turn into a DNS query, so it is refused first.
        char first = text.charAt(0);
        if (Character.digit(first, 16) < 0 && first != ':') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            // An IPv4-mapped literal comes back as an IPv4 address; it is still a literal.
            return address instanceof Inet6Address || text.indexOf('.') >= 0;
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean lastLabelIsNumeric(String host)
    {
        int start = host.lastIndexOf('.') + 1;
        if (start == host.length()) {
            return false;
        }
        for (int i = start; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String nameProblem(String name)
    {
        if (name.length() > MAX_NAME_LENGTH) {
            return "host name longer than " + MAX_NAME_LENGTH + " characters";
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0) {
                    return "empty label in host name";
                }
                if (length > MAX_LABEL_LENGTH) {
                    return "label longer than " + MAX_LABEL_LENGTH + " characters in host name";
                }
                if (name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                    return "host name label starts or ends with '-'";
                }
                labelStart = i + 1;
            }
            else if (!isNameChar(c)) {
                return "character '" + c + "' is not allowed in a host name";
            }
        }
        return null;
    }

    private static boolean isNameChar(char c)
    {
        // Underscores are not valid in DNS host names but are common in internal names.
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
