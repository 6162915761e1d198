package dev.tradecraft.sigma.value;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code |cidr}: an IPv4 or IPv6 network. An event value that is not an IP address does not match;
 * an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) matches an IPv4 network.
 *
 * @param text the network as written in the rule
 * @param ipv6 whether it is an IPv6 network
 * @param high the upper 64 bits of the network address (0 for IPv4)
 * @param low the lower 64 bits of the network address (the IPv4 address for IPv4)
 * @param prefixLength bits of the network prefix
 */
public record CidrValue(String text, boolean ipv6, long high, long low, int prefixLength)
        implements SigmaValue
{
    public CidrValue
    {
        requireNonNull(text, "text is null");
        checkArgument(prefixLength >= 0 && prefixLength <= (ipv6 ? 128 : 32), "prefixLength out of range: %s", prefixLength);
    }

    /**
     * Parses {@code address/prefix} or a single address (a full-length prefix). Host bits below the
     * prefix are cleared rather than rejected, as {@code 10.1.2.3/8} plainly means 10.0.0.0/8.
     */
    public static CidrValue parse(String text)
    {
        requireNonNull(text, "text is null");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        IpAddress parsed = IpAddress.parse(address);
        if (parsed == null) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 network: '" + text + "'");
        }
        int maxPrefix = parsed.ipv6() ? 128 : 32;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            long value = Numbers.parseSmallInteger(digits);
            if (digits.isEmpty() || digits.charAt(0) == '-' || digits.charAt(0) == '+' || value < 0 || value > maxPrefix) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "' (0.." + maxPrefix + ")");
            }
            prefix = (int) value;
        }
        long high = parsed.high() & mask(prefix, parsed.ipv6(), true);
        long low = parsed.low() & mask(prefix, parsed.ipv6(), false);
        return new CidrValue(text, parsed.ipv6(), high, low, prefix);
    }

    public boolean matches(String eventValue)
    {
        IpAddress address = IpAddress.parse(eventValue);
        if (address == null) {
            return false;
        }
        if (!ipv6) {
            long ipv4 = address.ipv6() ? address.mappedIpv4() : address.low();
            return ipv4 >= 0 && (ipv4 & mask(prefixLength, false, false)) == low;
        }
        return address.ipv6()
                && (address.high() & mask(prefixLength, true, true)) == high
                && (address.low() & mask(prefixLength, true, false)) == low;
    }

    /** The network mask for one 64-bit half (IPv4 uses only the low 32 bits of the low half). */
    private static long mask(int prefix, boolean ipv6, boolean upperHalf)
    {
        if (!ipv6) {
            if (upperHalf || prefix == 0) {
                return 0;
            }
            return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }
        int bits = upperHalf ? Math.min(prefix, 64) : Math.max(prefix - 64, 0);
        return bits == 0 ? 0 : -1L << (64 - bits);
    }

    @Override
    public String toString()
    {
        return text;
    }
}
