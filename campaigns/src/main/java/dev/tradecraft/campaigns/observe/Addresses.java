package dev.tradecraft.campaigns.observe;

import java.util.Locale;
import java.util.Optional;

/**
 * Client addresses as sightings keep them: one canonical text per address (port and brackets
 * stripped, IPv6 lower case), and no address that cannot be an attacker's on the internet
 * (private, loopback, link-local, unique-local): behind a balancer that hides its clients such an
 * address is the balancer.
 */
final class Addresses
{
    private Addresses() {}

    static Optional<String> publicAddress(String text)
    {
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : value;
        }
        else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        value = value.toLowerCase(Locale.ROOT);
        int[] octets = ipv4(value);
        if (octets != null) {
            return isPrivate(octets) ? Optional.empty() : Optional.of(octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3]);
        }
        if (value.indexOf(':') >= 0 && value.matches("[0-9a-f:.]+")) {
            boolean internal = value.equals("::1") || value.startsWith("fc") || value.startsWith("fd") || value.startsWith("fe80:");
            return internal ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    private static int[] ipv4(String value)
    {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    private static boolean isPrivate(int[] o)
    {
        return o[0] == 10 || o[0] == 127 || o[0] == 0
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
    }
}
