package dev.tradecraft.campaigns.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Host names of URLs written in a command line or script ({@code http://host/…}, {@code https://host:port/…}). */
final class Domains
{
    private static final int LIMIT = 16;

    private Domains() {}

    static List<String> named(String text)
    {
        List<String> domains = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        while (domains.size() < LIMIT) {
            int scheme = lower.indexOf("://", from);
            if (scheme < 0) {
                break;
            }
            int start = scheme + 3;
            int end = start;
            while (end < lower.length() && isHostChar(lower.charAt(end))) {
                end++;
            }
            String host = lower.substring(start, end);
            if (host.indexOf('.') > 0 && !host.endsWith(".") && !domains.contains(host)) {
                domains.add(host);
            }
            from = end;
        }
        return domains;
    }

    private static boolean isHostChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }
}
