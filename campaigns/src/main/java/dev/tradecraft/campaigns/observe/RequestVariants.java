package dev.tradecraft.campaigns.observe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import dev.tradecraft.core.Event;

/**
 * The shape of an exploit request, as one string: which {@code _layouts} version, whether the
 * path ends with the trailing slash of the CVE-2025-53771 variant, the referer form (relative,
 * versioned, absolute), and the query with its parameters decoded, lower-cased and sorted. Two
 * requests from the same tool give the same variant; hand-written or re-implemented exploits
 * usually differ in one of these.
 */
public final class RequestVariants
{
    private RequestVariants() {}

    public static String exploitVariant(Event event)
    {
        String method = value(event, "cs-method").toUpperCase(Locale.ROOT);
        String stem = value(event, "cs-uri-stem").toLowerCase(Locale.ROOT);
        String layouts = stem.contains("/_layouts/16/") ? "16" : stem.contains("/_layouts/15/") ? "15" : "other";
        boolean slash = stem.endsWith("/");
        return method + " layouts=" + layouts + " slash=" + (slash ? "yes" : "no")
                + " referer=" + refererForm(value(event, "cs-referer"))
                + " query=" + normalisedQuery(value(event, "cs-uri-query"));
    }

    static String refererForm(String referer)
    {
        String lower = referer.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return "none";
        }
        String kind = lower.startsWith("http://") || lower.startsWith("https://") ? "absolute" : "relative";
        String page = lower.contains("/_layouts/15/signout.aspx") ? "15/signout" : lower.contains("/_layouts/16/signout.aspx") ? "16/signout"
                : lower.contains("/_layouts/signout.aspx") ? "signout" : "other";
        return kind + "-" + page;
    }

    static String normalisedQuery(String query)
    {
        if (query.isEmpty()) {
            return "";
        }
        String[] parameters = query.split("&");
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = decode(parameters[i]).toLowerCase(Locale.ROOT);
        }
        Arrays.sort(parameters);
        return String.join("&", parameters);
    }

    private static String decode(String text)
    {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String value(Event event, String name)
    {
        String value = event.field(name);
        return value == null ? "" : value;
    }
}
