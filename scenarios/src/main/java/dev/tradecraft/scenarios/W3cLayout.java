package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code #Fields} list. IIS writes the fields it is configured for in its own fixed order, custom
 * fields last; log shippers and older tools re-order them, which the {@link #REORDERED} variant
 * stands for.
 */
record W3cLayout(String name, List<W3cField> fields)
{
    /** IIS 8.5/10 defaults (toolshell.md §5). */
    static final W3cLayout DEFAULT = of("default", W3cField.DATE, W3cField.TIME, W3cField.SERVER_IP, W3cField.METHOD,
            W3cField.URI_STEM, W3cField.URI_QUERY, W3cField.SERVER_PORT, W3cField.USERNAME, W3cField.CLIENT_IP,
            W3cField.USER_AGENT, W3cField.REFERER, W3cField.STATUS, W3cField.SUBSTATUS, W3cField.WIN32_STATUS, W3cField.TIME_TAKEN);
    /** The defaults plus bytes, the first thing an administrator enables. */
    static final W3cLayout DEFAULT_WITH_BYTES = of("default+bytes", W3cField.DATE, W3cField.TIME, W3cField.SERVER_IP,
            W3cField.METHOD, W3cField.URI_STEM, W3cField.URI_QUERY, W3cField.SERVER_PORT, W3cField.USERNAME,
            W3cField.CLIENT_IP, W3cField.USER_AGENT, W3cField.REFERER, W3cField.STATUS, W3cField.SUBSTATUS,
            W3cField.WIN32_STATUS, W3cField.RESPONSE_BYTES, W3cField.REQUEST_BYTES, W3cField.TIME_TAKEN);
    /** Every standard field, in IIS order. */
    static final W3cLayout EXTENDED = of("extended", W3cField.DATE, W3cField.TIME, W3cField.SITE_NAME,
            W3cField.COMPUTER_NAME, W3cField.SERVER_IP, W3cField.METHOD, W3cField.URI_STEM, W3cField.URI_QUERY,
            W3cField.SERVER_PORT, W3cField.USERNAME, W3cField.CLIENT_IP, W3cField.PROTOCOL_VERSION,
            W3cField.USER_AGENT, W3cField.COOKIE, W3cField.REFERER, W3cField.HOST, W3cField.STATUS,
            W3cField.SUBSTATUS, W3cField.WIN32_STATUS, W3cField.RESPONSE_BYTES, W3cField.REQUEST_BYTES, W3cField.TIME_TAKEN);
    /** A re-ordered export, as a log shipper or a conversion tool writes it. */
    static final W3cLayout REORDERED = of("reordered", W3cField.DATE, W3cField.TIME, W3cField.CLIENT_IP,
            W3cField.USERNAME, W3cField.SERVER_IP, W3cField.SERVER_PORT, W3cField.METHOD, W3cField.URI_STEM,
            W3cField.URI_QUERY, W3cField.STATUS, W3cField.SUBSTATUS, W3cField.WIN32_STATUS, W3cField.RESPONSE_BYTES,
            W3cField.REQUEST_BYTES, W3cField.TIME_TAKEN, W3cField.PROTOCOL_VERSION, W3cField.HOST,
            W3cField.USER_AGENT, W3cField.COOKIE, W3cField.REFERER);

    static final List<W3cLayout> STANDARD = List.of(DEFAULT, DEFAULT_WITH_BYTES, EXTENDED, REORDERED);

    W3cLayout
    {
        requireNonNull(name, "name is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        checkArgument(fields.size() >= 2 && fields.get(0) == W3cField.DATE && fields.get(1) == W3cField.TIME,
                "layout %s must start with date and time", name);
    }

    private static W3cLayout of(String name, W3cField... fields)
    {
        return new W3cLayout(name, List.of(fields));
    }

    boolean has(W3cField field)
    {
        return fields.contains(field);
    }

    /** This layout with {@code X-Forwarded-For} appended, as IIS 10 logs a custom field. */
    W3cLayout withForwardedFor()
    {
        if (has(W3cField.FORWARDED_FOR)) {
            return this;
        }
        List<W3cField> extended = new ArrayList<>(fields);
        extended.add(W3cField.FORWARDED_FOR);
        return new W3cLayout(name + "+xff", extended);
    }

    /** The {@code #Fields:} directive. */
    String directive()
    {
        StringBuilder out = new StringBuilder("#Fields:");
        for (W3cField field : fields) {
            out.append(' ').append(field.header());
        }
        return out.toString();
    }
}
