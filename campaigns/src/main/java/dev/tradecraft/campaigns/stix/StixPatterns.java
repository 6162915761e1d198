package dev.tradecraft.campaigns.stix;

import static dev.tradecraft.core.Checks.checkNotBlank;

import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.Observable;

/**
 * STIX patterns for the observables worth an indicator: source addresses, file hashes and webshell
 * paths. The values come from logs an attacker wrote into, so every literal is escaped and a value
 * that is not what its type claims (an X-Forwarded-For of {@code unknown}, a hash of the wrong
 * length) gives no indicator rather than a wrong one.
 */
final class StixPatterns
{
    private StixPatterns() {}

    /** A pattern and the human name of the indicator that carries it. */
    record IndicatorPattern(String pattern, String name)
    {
        IndicatorPattern
        {
            checkNotBlank(pattern, "pattern");
            checkNotBlank(name, "name");
        }
    }

    static Optional<IndicatorPattern> forObservable(Observable observable)
    {
        return switch (observable.type()) {
            case SOURCE_IP -> address(observable.value());
            case FILE_HASH -> hash(observable.value());
            case WEBSHELL_PATH -> webshellPath(observable.value());
            default -> Optional.empty();
        };
    }

    /** A quoted STIX string literal: only the quote and the backslash need escaping inside one. */
    static String literal(String value)
    {
        StringBuilder quoted = new StringBuilder(value.length() + 8);
        quoted.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }

    static Optional<IndicatorPattern> address(String value)
    {
        String address = withoutPort(value.strip());
        if (isIpv4(address)) {
            return Optional.of(new IndicatorPattern("[ipv4-addr:value = " + literal(address) + "]", "Source address " + address));
        }
        if (isIpv6(address)) {
            String lower = address.toLowerCase(Locale.ROOT);
            return Optional.of(new IndicatorPattern("[ipv6-addr:value = " + literal(lower) + "]", "Source address " + lower));
        }
        return Optional.empty();
    }

    /**
     * Forwarded-for headers often carry the client port ({@code 203.0.113.7:51234},
     * {@code [2001:db8::7]:443}); the indicator is the address.
     */
    private static String withoutPort(String value)
    {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close > 0 && (close == value.length() - 1 || isPort(value, close + 1))) {
                return value.substring(1, close);
            }
            return value;
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':') && isPort(value, colon)) {
            return value.substring(0, colon);
        }
        return value;
    }

    /** Whether {@code value} from {@code colon} on is {@code :} and one to five digits. */
    private static boolean isPort(String value, int colon)
    {
        int digits = value.length() - colon - 1;
        if (value.charAt(colon) != ':' || digits < 1 || digits > 5) {
            return false;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static Optional<IndicatorPattern> hash(String value)
    {
        String hex = value.strip().toLowerCase(Locale.ROOT);
        String algorithm;
        switch (hex.length()) {
            case 32 -> algorithm = "MD5";
            case 40 -> algorithm = "SHA-1";
            case 64 -> algorithm = "SHA-256";
            case 128 -> algorithm = "SHA-512";
            default -> {
                return Optional.empty();
            }
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(new IndicatorPattern("[file:hashes." + literal(algorithm) + " = " + literal(hex) + "]", "File " + algorithm + " " + hex));
    }

    /**
     * A webshell path as requested ({@code /_layouts/15/spinstall0.aspx}: the target of an HTTP
     * request, not a URL) or as written on disk ({@code C:\...\LAYOUTS\spinstall0.aspx}: a file name
     * in a directory).
     */
    static Optional<IndicatorPattern> webshellPath(String value)
    {
        if (value.isBlank()) {
            return Optional.empty();
        }
        if (isWindowsPath(value)) {
            return windowsFile(value);
        }
        if (value.contains("://")) {
            return Optional.of(new IndicatorPattern("[url:value = " + literal(value) + "]", "Webshell URL " + value));
        }
        if (value.indexOf('/') >= 0) {
            return Optional.of(new IndicatorPattern("[network-traffic:extensions.'http-request-ext'.request_value = " + literal(value) + "]",
                    "Webshell request " + value));
        }
        return Optional.of(new IndicatorPattern("[file:name = " + literal(value) + "]", "Webshell file " + value));
    }

    private static boolean isWindowsPath(String value)
    {
        if (value.indexOf('\\') >= 0) {
            return true;
        }
        return value.length() >= 3 && isLetter(value.charAt(0)) && value.charAt(1) == ':' && value.charAt(2) == '/';
    }

    private static Optional<IndicatorPattern> windowsFile(String value)
    {
        int end = value.length();
        while (end > 0 && isSeparator(value.charAt(end - 1))) {
            end--;
        }
        String path = value.substring(0, end);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        int separator = path.length() - 1;
        while (separator >= 0 && !isSeparator(path.charAt(separator))) {
            separator--;
        }
        if (separator < 0) {
            if (path.length() == 2 && path.charAt(1) == ':' && isLetter(path.charAt(0))) {
                String root = path + "\\";
                return Optional.of(new IndicatorPattern("[directory:path = " + literal(root) + "]", "Webshell directory " + root));
            }
            return Optional.of(new IndicatorPattern("[file:name = " + literal(path) + "]", "Webshell file " + path));
        }
        String name = path.substring(separator + 1);
        // a root keeps its separator: "C:\" and "\" are directories, "C:" and "" are not
        boolean root = separator == 0 || (separator == 2 && path.charAt(1) == ':' && isLetter(path.charAt(0)));
        String directory = path.substring(0, root ? separator + 1 : separator);
        return Optional.of(new IndicatorPattern("[file:name = " + literal(name) + " AND file:parent_directory_ref.path = " + literal(directory) + "]",
                "Webshell file " + name + " in " + directory));
    }

    private static boolean isSeparator(char c)
    {
        return c == '\\' || c == '/';
    }

    /** Dotted quad, each part 0 to 255 in at most three digits. */
    static boolean isIpv4(String value)
    {
        int length = value.length();
        int parts = 0;
        int i = 0;
        while (true) {
            int start = i;
            int number = 0;
            while (i < length && i - start < 4 && isDigit(value.charAt(i))) {
                number = number * 10 + (value.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || number > 255) {
                return false;
            }
            parts++;
            if (i == length) {
                return parts == 4;
            }
            if (parts == 4 || value.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    /** RFC 4291 text form: eight groups, or fewer with one {@code ::}, optionally ending in a dotted quad; no zone. */
    static boolean isIpv6(String value)
    {
        int length = value.length();
        if (length < 2 || length > 45) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (value.startsWith("::")) {
            compressed = true;
            i = 2;
        }
        else if (value.charAt(0) == ':') {
            return false;
        }
        while (i < length) {
            int start = i;
            while (i < length && i - start <= 4 && isHexDigit(value.charAt(i))) {
                i++;
            }
            if (i < length && value.charAt(i) == '.') {
                if (!isIpv4(value.substring(start))) {
                    return false;
                }
                groups += 2;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return false;
            }
            groups++;
            if (i == length) {
                break;
            }
            if (value.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i == length) {
                return false;
            }
            if (value.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isLetter(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
