package dev.tradecraft.sigma;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.sigma.rule.Detection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed Sigma rule: its metadata, the logsource it applies to and its detection, with the
 * condition already resolved against the detection's identifiers. Immutable.
 *
 * @param id the rule's id, or for a rule without one a stable id derived from source and title
 * @param status {@link RuleStatus#UNSTATED} when the rule states none
 * @param level {@link dev.tradecraft.sigma.rule.RuleParser#DEFAULT_LEVEL} (medium) when the rule states none
 * @param author "" when the rule names none
 * @param description "" when absent
 * @param tags lower case, as RuleRef requires
 * @param source the file or resource name the rule came from
 * @param line 1-based line where the rule's document starts
 * @param unresolvedPlaceholders {@code expand} placeholders the site gave no values for: such a
 *        rule loads, but is not evaluated until it has them
 * @param name the rule's {@code name}, by which correlation rules may reference it
 */
public record SigmaRule(
        String id,
        String title,
        RuleStatus status,
        Level level,
        String author,
        String description,
        List<String> tags,
        List<String> references,
        List<String> falsepositives,
        Logsource logsource,
        String source,
        int line,
        Detection detection,
        Set<String> unresolvedPlaceholders,
        Optional<String> name)
{
    public SigmaRule
    {
        checkNotBlank(id, "id");
        checkNotBlank(title, "title");
        requireNonNull(status, "status is null");
        requireNonNull(level, "level is null");
        requireNonNull(author, "author is null");
        requireNonNull(description, "description is null");
        tags = RuleTags.normalise(requireNonNull(tags, "tags is null"));
        references = List.copyOf(requireNonNull(references, "references is null"));
        falsepositives = List.copyOf(requireNonNull(falsepositives, "falsepositives is null"));
        requireNonNull(logsource, "logsource is null");
        requireNonNull(source, "source is null");
        checkArgument(line >= 0, "line is negative: %s", line);
        requireNonNull(detection, "detection is null");
        unresolvedPlaceholders = Set.copyOf(requireNonNull(unresolvedPlaceholders, "unresolvedPlaceholders is null"));
        requireNonNull(name, "name is null");
        name.ifPresent(value -> checkNotBlank(value, "name"));
    }

    /** A rule without a {@code name}. */
    public SigmaRule(String id, String title, RuleStatus status, Level level, String author, String description, List<String> tags,
            List<String> references, List<String> falsepositives, Logsource logsource, String source, int line, Detection detection,
            Set<String> unresolvedPlaceholders)
    {
        this(id, title, status, level, author, description, tags, references, falsepositives, logsource, source, line, detection,
                unresolvedPlaceholders, Optional.empty());
    }

    /** What a hit on this rule carries: id, title, level, author, tags. */
    public RuleRef ref()
    {
        return new RuleRef(id, title, level, author, tags, RuleRef.Kind.SIGMA);
    }

    /** {@code 'title' (id)}, the form problem messages use. */
    public String label()
    {
        return "'" + title + "' (" + id + ")";
    }

    @Override
    public String toString()
    {
        return title + " (" + id + ")";
    }
}
