package dev.tradecraft.sigma.logsource;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Logsource;

import java.util.Locale;

/**
 * Which rule logsources a mapping entry covers. All three components are compared: an empty
 * component means the rule must not state it either, {@code *} accepts any value or none. Exact
 * by default, so an entry for {@code product: windows} alone does not swallow every Windows rule.
 */
public record LogsourcePattern(String product, String category, String service)
{
    public static final String ANY = "*";

    public LogsourcePattern
    {
        product = requireNonNull(product, "product is null").trim().toLowerCase(Locale.ROOT);
        category = requireNonNull(category, "category is null").trim().toLowerCase(Locale.ROOT);
        service = requireNonNull(service, "service is null").trim().toLowerCase(Locale.ROOT);
    }

    public boolean matches(Logsource rule)
    {
        return component(product, rule.product()) && component(category, rule.category()) && component(service, rule.service());
    }

    private static boolean component(String pattern, String value)
    {
        return pattern.equals(ANY) || pattern.equals(value);
    }

    @Override
    public String toString()
    {
        return "product=" + display(product) + " category=" + display(category) + " service=" + display(service);
    }

    private static String display(String component)
    {
        return component.isEmpty() ? "(none)" : component;
    }
}
