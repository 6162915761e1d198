package dev.tradecraft.hunt.ioc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP literals without ever touching DNS: IPv4 is parsed by hand, and only strings made of
 * hex digits, colons and dots reach {@link InetAddress}, which treats those as literals.
 */
final class IpAddresses
{
    private IpAddresses() {}

    /** The canonical text of an IPv4 or IPv6 literal, or {@code null} when it is not one. */
    static String canonical(String text)
    {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.indexOf(':') < 0) {
            return ipv4(value) ? value : canonicalIpv4(value);
        }
        // InetAddress only skips DNS for text that starts like a literal; check that ourselves.
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        if (!(first == ':' || Character.digit(first, 16) >= 0)) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!allowed) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(value).getHostAddress();
        }
        catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True for a dotted quad already in canonical form (no leading zeros). */
    private static boolean ipv4(String value)
    {
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                int length = i - start;
                if (length < 1 || length > 3) {
                    return false;
                }
                if (length > 1 && value.charAt(start) == '0') {
                    return false;
                }
                int octet = 0;
                for (int j = start; j < i; j++) {
                    char c = value.charAt(j);
                    if (c < '0' || c > '9') {
                        return false;
                    }
                    octet = octet * 10 + (c - '0');
                }
                if (octet > 255) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    private static String canonicalIpv4(String value)
    {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        StringBuilder out = new StringBuilder(15);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return null;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return null;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(octet);
        }
        return out.toString();
    }
}
