package dev.tradecraft.hunt.ioc;

import java.util.Locale;

/**
 * Refanging, validation and normalisation of indicator values, shared by feed loading and
 * matching so both sides compare the same form.
 */
final class IndicatorValues
{
    private IndicatorValues() {}

    static String normalise(IocType type, String raw)
    {
        return switch (type) {
            case IP -> {
                String ip = IpAddresses.canonical(refang(raw));
                if (ip == null) {
                    throw new IllegalArgumentException("not an IP address: '" + raw + "'");
                }
                yield ip;
            }
            case DOMAIN -> {
                String domain = refang(raw).toLowerCase(Locale.ROOT);
                if (domain.endsWith(".")) {
                    domain = domain.substring(0, domain.length() - 1);
                }
                if (domain.isEmpty() || domain.indexOf(' ') >= 0 || domain.indexOf('/') >= 0) {
                    throw new IllegalArgumentException("not a domain name: '" + raw + "'");
                }
                yield domain;
            }
            case URL -> refang(raw);
            case SHA256 -> hex(raw, 64, type);
            case SHA1 -> hex(raw, 40, type);
            case MD5 -> hex(raw, 32, type);
            case USER_AGENT, FILENAME, COMMAND -> raw;
        };
    }

    private static String hex(String raw, int length, IocType type)
    {
        String value = raw.toLowerCase(Locale.ROOT);
        if (value.length() != length) {
            throw new IllegalArgumentException(type + " must have " + length + " hex digits, got " + value.length() + ": '" + raw + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException(type + " has a non-hex character: '" + raw + "'");
            }
        }
        return value;
    }

    /** Undoes the usual defanging: {@code [.]}, {@code (.)}, {@code [dot]}, {@code [:]}, {@code hxxp}. */
    static String refang(String value)
    {
        String result = value.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".")
                .replace("[:]", ":").replace("[@]", "@").replace("[/]", "/");
        if (result.regionMatches(true, 0, "hxxp", 0, 4)) {
            result = "http" + result.substring(4);
        }
        return result;
    }
}
