package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What produced a hit: a Sigma rule or an IOC indicator. Carries what every alert must show; the
 * Sigma rules licence (DRL 1.1) requires the author on every message based on a match.
 *
 * @param id Sigma rule id, or {@code ioc:<type>:<value>} for an indicator
 * @param title human title
 * @param level severity
 * @param author rule author or indicator source; empty when the rule names none
 * @param tags Sigma tags (ATT&amp;CK, CVE, detection stage), lower case
 * @param kind Sigma rule or IOC
 */
public record RuleRef(String id, String title, Level level, String author, List<String> tags, Kind kind)
{
    public enum Kind
    {
        SIGMA, IOC
    }

    public RuleRef
    {
        checkNotBlank(id, "id");
        checkNotBlank(title, "title");
        requireNonNull(level, "level is null");
        requireNonNull(author, "author is null");
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(kind, "kind is null");
    }

    public boolean hasTag(String tag)
    {
        return tags.contains(tag);
    }

    @Override
    public String toString()
    {
        return title + " (" + id + ")";
    }
}
