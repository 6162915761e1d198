package dev.tradecraft.sigma.correlation;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.sigma.RuleStatus;
import dev.tradecraft.sigma.RuleTags;

/**
 * One Sigma correlation rule (meta rule): which rules or correlations it combines, how their
 * matches are grouped, in which time window, and when the group matches. Immutable.
 *
 * <p>As parsed, {@link #rules()} and the rule keys of {@link #aliases()} are written as in the
 * document (an id or a name); in a loaded rule set ({@link dev.tradecraft.sigma.RuleLoadResult#correlations()})
 * they are the ids of the loaded rules and correlations they resolved to.
 *
 * @param id the correlation's id, or a stable id derived from source and title when it states none
 * @param name the name other correlations may reference it by
 * @param level {@link Level#MEDIUM} when the document states none, as for rules
 * @param groupBy field names or alias names; empty = one group (per organisation)
 * @param aliases alias name to (referenced rule to the field holding the alias's value in its events)
 * @param generate whether the referenced rules also report their own matches
 * @param line 1-based line where the document starts
 */
public record SigmaCorrelation(
        String id,
        String title,
        Optional<String> name,
        RuleStatus status,
        Level level,
        String author,
        String description,
        List<String> tags,
        CorrelationType type,
        List<String> rules,
        List<String> groupBy,
        Timespan timespan,
        CorrelationCondition condition,
        Map<String, Map<String, String>> aliases,
        boolean generate,
        String source,
        int line)
{
    public SigmaCorrelation
    {
        checkNotBlank(id, "id");
        checkNotBlank(title, "title");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(level, "level is null");
        requireNonNull(author, "author is null");
        requireNonNull(description, "description is null");
        tags = RuleTags.normalise(requireNonNull(tags, "tags is null"));
        requireNonNull(type, "type is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        checkArgument(!rules.isEmpty(), "a correlation references at least one rule");
        checkArgument(new HashSet<>(rules).size() == rules.size(), "rules are listed more than once: %s", rules);
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        for (String field : groupBy) {
            checkNotBlank(field, "group-by field");
        }
        requireNonNull(timespan, "timespan is null");
        requireNonNull(condition, "condition is null");
        checkArgument(condition.field().isPresent() == type.needsField(),
                "the condition names a field exactly when the type aggregates one (%s): %s", type, condition);
        aliases = copyAliases(requireNonNull(aliases, "aliases is null"));
        requireNonNull(source, "source is null");
        checkArgument(line >= 0, "line is negative: %s", line);
    }

    /** What a hit of this correlation carries. */
    public RuleRef ref()
    {
        return new RuleRef(id, title, level, author, tags, RuleRef.Kind.SIGMA);
    }

    /** {@code 'title' (id)}, the form problem messages use. */
    public String label()
    {
        return "'" + title + "' (" + id + ")";
    }

    /**
     * The field that holds a group-by entry's value in the matches of one referenced rule: the
     * alias's field for that rule, or the entry itself when it is no alias (or the alias does not
     * name that rule).
     */
    public String fieldFor(String groupByEntry, String rule)
    {
        Map<String, String> alias = aliases.get(groupByEntry);
        if (alias == null) {
            return groupByEntry;
        }
        return alias.getOrDefault(rule, groupByEntry);
    }

    /** This correlation with its references replaced, for resolution against a loaded set. */
    public SigmaCorrelation withReferences(List<String> resolvedRules, Map<String, Map<String, String>> resolvedAliases)
    {
        return new SigmaCorrelation(id, title, name, status, level, author, description, tags, type, resolvedRules, groupBy, timespan,
                condition, resolvedAliases, generate, source, line);
    }

    private static Map<String, Map<String, String>> copyAliases(Map<String, Map<String, String>> aliases)
    {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> alias : aliases.entrySet()) {
            checkNotBlank(alias.getKey(), "alias");
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> field : alias.getValue().entrySet()) {
                fields.put(checkNotBlank(field.getKey(), "alias rule"), checkNotBlank(field.getValue(), "alias field"));
            }
            copy.put(alias.getKey(), Collections.unmodifiableMap(fields));
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString()
    {
        return title + " (" + id + ")";
    }
}
