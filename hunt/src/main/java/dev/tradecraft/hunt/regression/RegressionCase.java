package dev.tradecraft.hunt.regression;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * One test of a regression case: the rule that must fire on the events, and how often.
 *
 * @param info the {@code info.yml} that declares it
 * @param ruleId the rule's id ({@code rule_metadata[0].id})
 * @param ruleTitle the rule's title as the case names it, possibly empty
 * @param name the test's name, e.g. "Positive Detection Test"
 * @param events the events to hunt: the case's {@code .evtx} file or its evtx_dump-shape JSON twin
 * @param expectedMatches {@code match_count}: exactly this many hits; absent means at least one
 */
public record RegressionCase(Path info, String ruleId, String ruleTitle, String name, Path events, OptionalInt expectedMatches)
{
    public RegressionCase
    {
        requireNonNull(info, "info is null");
        checkNotBlank(ruleId, "ruleId");
        requireNonNull(ruleTitle, "ruleTitle is null");
        requireNonNull(name, "name is null");
        requireNonNull(events, "events is null");
        requireNonNull(expectedMatches, "expectedMatches is null");
    }
}
