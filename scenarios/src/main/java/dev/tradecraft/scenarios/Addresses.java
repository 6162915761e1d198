package dev.tradecraft.scenarios;

import java.util.List;
import java.util.Set;

/**
 * IPv4 addresses for the world. Published indicators are kept defanged in source and refanged only
 * when written, so the code base itself never carries live indicators. Organisations' own public
 * addresses come from the documentation ranges (RFC 5737, then the RFC 2544 benchmark range), so a
 * generated victim can never be mistaken for a real one; everything else looks like the networks
 * such traffic really comes from.
 */
final class Addresses
{
    // toolshell.md §1.4: exploit sources, key-use sources and Storm-2603 infrastructure.
    static final String WAVE_ONE = refang("107.191.58[.]76");
    static final String WAVE_TWO = refang("104.238.159[.]149");
    static final List<String> KEY_USE = List.of(refang("96.9.125[.]147"), refang("103.186.30[.]186"));
    static final List<String> SECOND_ESPIONAGE = List.of(refang("131.226.2[.]6"), refang("134.199.202[.]205"));
    static final String RANSOMWARE_EXPLOIT = refang("188.130.206[.]168");
    static final String RANSOMWARE_C2 = refang("65.38.121[.]198");
    static final String RANSOMWARE_C2_DOMAIN = refang("update.updatemicfosoft[.]com");
    static final String RANSOMWARE_DELIVERY = refang("c34718cbb4c6.ngrok-free[.]app");

    private static final Set<String> PUBLISHED = Set.of(WAVE_ONE, WAVE_TWO, KEY_USE.get(0), KEY_USE.get(1),
            SECOND_ESPIONAGE.get(0), SECOND_ESPIONAGE.get(1), RANSOMWARE_EXPLOIT, RANSOMWARE_C2);

    /** Public cloud networks (AWS, GCP, Azure, DigitalOcean, Vultr, Linode, Hetzner, OVH) as /16 prefixes. */
    static final List<String> CLOUD = List.of("3.91", "18.117", "54.183", "34.125", "35.204", "20.81", "159.223",
            "164.92", "139.59", "45.77", "149.28", "172.104", "95.216", "65.108", "141.95");
    /** Networks internet-wide scanners and research crawlers use, as /24 prefixes. */
    static final List<String> SCANNERS = List.of("167.94.138", "162.142.125", "198.235.24", "205.210.31", "71.6.199",
            "185.247.137", "93.174.95", "45.148.10", "80.82.77");
    static final List<String> BINGBOT = List.of("157.55.39", "40.77.167", "207.46.13");
    static final List<String> GOOGLEBOT = List.of("66.249.66", "66.249.68", "66.249.79");
    static final List<String> MONITORS = List.of("69.162.124", "63.143.42", "216.245.221");

    private Addresses() {}

    /** Turns the {@code [.]} of a defanged indicator back into a dot. */
    static String refang(String defanged)
    {
        return defanged.replace("[.]", ".");
    }

    /** An address inside {@code prefix}, which names one to three leading octets. */
    static String inPrefix(Dice dice, String prefix)
    {
        int octets = 1;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '.') {
                octets++;
            }
        }
        StringBuilder out = new StringBuilder(15).append(prefix);
        for (int i = octets; i < 3; i++) {
            out.append('.').append(dice.between(0, 255));
        }
        out.append('.').append(dice.between(1, 254));
        String address = out.toString();
        return PUBLISHED.contains(address) ? inPrefix(dice, prefix) : address;
    }

    /** A private address in 10.0.0.0/8 under the given second and third octet. */
    static String internal(int second, int third, int fourth)
    {
        return "10." + second + "." + third + "." + fourth;
    }

    /**
     * The {@code index}-th public address reserved for documentation: 192.0.2.0/24, 198.51.100.0/24,
     * 203.0.113.0/24 and then 198.18.0.0/15, skipping network and broadcast-looking hosts.
     */
    static String documentation(int index)
    {
        int perNetwork = 253;
        if (index < perNetwork) {
            return "192.0.2." + (index + 1);
        }
        if (index < 2 * perNetwork) {
            return "198.51.100." + (index - perNetwork + 1);
        }
        if (index < 3 * perNetwork) {
            return "203.0.113." + (index - 2 * perNetwork + 1);
        }
        int rest = index - 3 * perNetwork;
        int block = rest / perNetwork;
        return "198." + (18 + block / 256) + "." + (block % 256) + "." + (rest % perNetwork + 1);
    }

    /** The address as the unsigned 32-bit number Shodan's {@code ip} field holds. */
    static long toNumber(String address)
    {
        long value = 0;
        int octet = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '.') {
                value = value << 8 | octet;
                octet = 0;
            }
            else {
                octet = octet * 10 + (c - '0');
            }
        }
        return value << 8 | octet;
    }
}
