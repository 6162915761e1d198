package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The Sigma logsource triple. On a rule it selects events; on an event it says what a reader knows
 * of the record's kind ({@code webserver} for an IIS line, product {@code windows} for an event log
 * record). Empty components mean "not stated". Values are stored lower case, as Sigma writes them.
 */
public record Logsource(String product, String category, String service)
{
    public static final Logsource UNSTATED = new Logsource("", "", "");

    public Logsource
    {
        product = normalise(requireNonNull(product, "product is null"));
        category = normalise(requireNonNull(category, "category is null"));
        service = normalise(requireNonNull(service, "service is null"));
    }

    private static String normalise(String value)
    {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        append(out, "product", product);
        append(out, "category", category);
        append(out, "service", service);
        return out.length() == 0 ? "(any)" : out.toString();
    }

    private static void append(StringBuilder out, String key, String value)
    {
        if (!value.isEmpty()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(key).append('=').append(value);
        }
    }
}
