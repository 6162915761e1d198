package dev.tradecraft.sigma.value;

/**
 * An IPv4 or IPv6 address as 128 bits (IPv4 in the low 32), parsed by hand: never through
 * {@link java.net.InetAddress}, which may resolve names, and never with exceptions for the many
 * event values that are not addresses.
 *
 * @param ipv6 whether the text was an IPv6 address
 */
record IpAddress(boolean ipv6, long high, long low)
{
    private static final long IPV4_MAPPED_PREFIX = 0xFFFFL << 32;

    /** Parses {@code a.b.c.d} or an IPv6 address (with {@code ::}, an IPv4 tail, a zone, brackets); null when not an address. */
    static IpAddress parse(String text)
    {
        int start = 0;
        int end = text.length();
        if (end - start >= 2 && text.charAt(start) == '[' && text.charAt(end - 1) == ']') {
            start++;
            end--;
        }
        if (text.indexOf(':', start) < 0) {
            long ipv4 = parseIpv4(text, start, end);
            return ipv4 < 0 ? null : new IpAddress(false, 0, ipv4);
        }
        int zone = text.indexOf('%', start);
        if (zone >= 0 && zone < end) {
            end = zone;
        }
        return parseIpv6(text, start, end);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), or -1. */
    long mappedIpv4()
    {
        if (ipv6 && high == 0 && (low & 0xFFFFFFFF00000000L) == IPV4_MAPPED_PREFIX) {
            return low & 0xFFFFFFFFL;
        }
        return -1;
    }

    /** Four dotted decimal octets; the 32-bit value, or -1. */
    static long parseIpv4(String text, int start, int end)
    {
        long value = 0;
        int octets = 0;
        int position = start;
        while (position <= end) {
            int digits = 0;
            int octet = 0;
            while (position < end && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                octet = octet * 10 + (text.charAt(position) - '0');
                digits++;
                position++;
                if (digits > 3) {
                    return -1;
                }
            }
            if (digits == 0 || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (position == end) {
                break;
            }
            if (text.charAt(position) != '.' || octets == 4) {
                return -1;
            }
            position++;
        }
        return octets == 4 ? value : -1;
    }

    private static IpAddress parseIpv6(String text, int start, int end)
    {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int position = start;
        if (end - start >= 2 && text.charAt(start) == ':' && text.charAt(start + 1) == ':') {
            gap = 0;
            position += 2;
        }
        else if (end > start && text.charAt(start) == ':') {
            return null;
        }
        while (position < end) {
            if (count == 8) {
                return null;
            }
            int groupStart = position;
            int value = 0;
            while (position < end && position - groupStart < 5 && hexDigit(text.charAt(position)) >= 0) {
                value = (value << 4) | hexDigit(text.charAt(position));
                position++;
            }
            if (position < end && text.charAt(position) == '.') {
                // An IPv4 tail fills the last two groups.
                if (count > 6) {
                    return null;
                }
                long ipv4 = parseIpv4(text, groupStart, end);
                if (ipv4 < 0) {
                    return null;
                }
                groups[count++] = (int) (ipv4 >>> 16);
                groups[count++] = (int) (ipv4 & 0xFFFF);
                position = end;
                break;
            }
            int digits = position - groupStart;
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            if (position == end) {
                break;
            }
            if (text.charAt(position) != ':') {
                return null;
            }
            position++;
            if (position < end && text.charAt(position) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                position++;
            }
            else if (position == end) {
                return null;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        }
        else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | full[i];
            low = (low << 16) | full[i + 4];
        }
        return new IpAddress(true, high, low);
    }

    private static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
