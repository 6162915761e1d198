package dev.tradecraft.sigma;

import dev.tradecraft.core.Event;

import java.util.List;

/**
 * Compiled rules, ready to match events. Immutable and thread-safe: one instance serves every
 * hunt thread. Get one from {@link SigmaCompiler#compile}; how it evaluates is its own business.
 */
public interface SigmaRuleset
{
    /** Calls {@code sink} once for every rule that matches {@code event}, in rule order. */
    void match(Event event, MatchSink sink);

    /** The rules that will be evaluated, in the order given to the compiler. */
    List<SigmaRule> rules();

    /** Rules dropped while compiling, and why (e.g. UNSUPPORTED_LOGSOURCE). */
    List<RuleProblem> problems();
}
