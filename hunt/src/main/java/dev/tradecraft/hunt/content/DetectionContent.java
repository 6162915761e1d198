package dev.tradecraft.hunt.content;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.hunt.ioc.IocFeed;
import dev.tradecraft.hunt.ioc.IocIndicator;
import dev.tradecraft.hunt.ioc.IocMatcher;
import dev.tradecraft.hunt.ioc.IocProblem;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.Placeholders;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.sigma.SigmaRuleLoader;
import dev.tradecraft.sigma.SigmaRuleset;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;

/**
 * The rules and indicators a hunt runs with, loaded and compiled once: the user's when given, the
 * built-in content otherwise, with every rule or feed line that could not be used and why.
 *
 * @param ruleset compiled Sigma rules
 * @param iocs indicator matcher
 * @param ruleSources where the rules came from, for messages
 * @param ruleProblems rules that did not load or compile
 * @param iocProblems feed lines that did not load
 * @param correlations correlation rules over the ruleset's matches, resolved
 */
public record DetectionContent(SigmaRuleset ruleset, IocMatcher iocs, List<String> ruleSources, List<RuleProblem> ruleProblems, List<IocProblem> iocProblems,
        List<SigmaCorrelation> correlations)
{
    public DetectionContent
    {
        requireNonNull(ruleset, "ruleset is null");
        requireNonNull(iocs, "iocs is null");
        ruleSources = List.copyOf(ruleSources);
        ruleProblems = List.copyOf(ruleProblems);
        iocProblems = List.copyOf(iocProblems);
        correlations = List.copyOf(correlations);
    }

    /** Content without correlation rules. */
    public DetectionContent(SigmaRuleset ruleset, IocMatcher iocs, List<String> ruleSources, List<RuleProblem> ruleProblems, List<IocProblem> iocProblems)
    {
        this(ruleset, iocs, ruleSources, ruleProblems, iocProblems, List.of());
    }

    /**
     * @param ruleDirs the user's rule files or folders; empty for the built-in rules
     * @param iocFiles the user's IOC feeds; empty for the built-in feed
     * @param mappingFile extra logsource mappings added to the built-in ones
     */
    public static DetectionContent load(List<Path> ruleDirs, List<Path> iocFiles, Optional<Path> mappingFile) throws IOException, SigmaException
    {
        return load(ruleDirs, iocFiles, mappingFile, Optional.empty());
    }

    /** @param placeholderFile the site's values for {@code |expand} placeholders in the user's rules */
    public static DetectionContent load(List<Path> ruleDirs, List<Path> iocFiles, Optional<Path> mappingFile, Optional<Path> placeholderFile)
            throws IOException, SigmaException
    {
        Placeholders placeholders = placeholderFile.isPresent() ? Placeholders.load(placeholderFile.get()) : Placeholders.NONE;
        RuleLoadResult loaded = ruleDirs.isEmpty() ? BuiltInContent.rules() : new SigmaRuleLoader(placeholders).load(ruleDirs);
        LogsourceMappings mappings = LogsourceMappings.builtIn();
        if (mappingFile.isPresent()) {
            mappings = mappings.plus(LogsourceMappings.load(mappingFile.get()));
        }
        SigmaRuleset ruleset = SigmaCompiler.compile(loaded.rules(), mappings);
        List<RuleProblem> ruleProblems = new ArrayList<>(loaded.problems());
        ruleProblems.addAll(ruleset.problems());

        List<IocFeed> feeds = new ArrayList<>();
        if (iocFiles.isEmpty()) {
            feeds.add(BuiltInContent.iocs());
        }
        else {
            for (Path file : iocFiles) {
                feeds.add(IocFeed.read(file));
            }
        }
        List<IocIndicator> indicators = new ArrayList<>();
        List<IocProblem> iocProblems = new ArrayList<>();
        for (IocFeed feed : feeds) {
            indicators.addAll(feed.indicators());
            iocProblems.addAll(feed.problems());
        }
        List<String> sources = ruleDirs.isEmpty() ? List.of("built-in content") : ruleDirs.stream().map(Path::toString).toList();
        return new DetectionContent(ruleset, new IocMatcher(indicators), sources, ruleProblems, iocProblems, loaded.correlations());
    }

    /** Rules the hunt evaluates, correlation rules included. */
    public int rulesInUse()
    {
        return ruleset.rules().size() + correlations.size();
    }
}
