package dev.tradecraft.sigma;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.rule.Detection;

/**
 * A Sigma filter (meta filter) document: a detection that narrows other rules without editing
 * them, typically {@code condition: not selection} to drop a site's known-good activity. The
 * filter's condition is AND-ed to each named rule's, for rules whose logsource the filter's covers.
 *
 * @param rules the ids of the rules it applies to
 */
public record SigmaFilter(String id, String title, Logsource logsource, List<String> rules, Detection detection, String source, int line)
{
    public SigmaFilter
    {
        checkNotBlank(id, "id");
        checkNotBlank(title, "title");
        requireNonNull(logsource, "logsource is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        checkArgument(!rules.isEmpty(), "a filter names no rule");
        requireNonNull(detection, "detection is null");
        requireNonNull(source, "source is null");
        checkArgument(line >= 0, "line is negative: %s", line);
    }

    /** {@code 'title' (id)}, the form problem messages use. */
    public String label()
    {
        return "filter '" + title + "' (" + id + ")";
    }
}
