package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.sigma.logsource.MappingAlternative;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluator: per event, the {@link LogsourceDispatch} finds the logsource alternatives the
 * event belongs to; the
 * {@link LiteralPrefilter} scans the values those alternatives' rules look for literals in, once
 * for all rules; and only the rules whose logsource accepts the event and whose required literal
 * occurs (or which require none) have their trees walked, in rule order. Immutable after
 * construction; per-event state lives in a per-thread {@link EvalContext}.
 */
final class TreeRuleset
        implements SigmaRuleset
{
    private final List<SigmaRule> rules;
    private final List<RuleProblem> problems;
    private final CompiledRule[] compiled;
    private final String[] fieldNames;
    private final MappingAlternative[] alternatives;
    private final LogsourceDispatch dispatch;
    private final EventFieldResolver resolver;
    // For each alternative slot, one bit per rule that uses it.
    private final long[][] rulesByAlternative;
    // Null when every rule's tree is to be walked (the reference behaviour the prefilter is tested against).
    private final LiteralPrefilter prefilter;
    private final ThreadLocal<EvalContext> contexts;

    TreeRuleset(List<CompiledRule> compiled, String[] fieldNames, List<MappingAlternative> alternatives, AtomTable atoms, List<RuleProblem> problems,
            boolean prefiltered)
    {
        this.compiled = compiled.toArray(new CompiledRule[0]);
        this.fieldNames = fieldNames.clone();
        this.alternatives = alternatives.toArray(new MappingAlternative[0]);
        this.rulesByAlternative = rulesByAlternative(this.compiled, this.alternatives.length);
        this.dispatch = LogsourceDispatch.of(this.alternatives);
        this.resolver = new EventFieldResolver(this.fieldNames);
        this.prefilter = prefiltered ? LiteralPrefilter.build(this.compiled, atoms, this.fieldNames.length, this.alternatives.length) : null;
        this.contexts = ThreadLocal.withInitial(this::newContext);
        SigmaRule[] compiledRules = new SigmaRule[this.compiled.length];
        for (int i = 0; i < compiledRules.length; i++) {
            compiledRules[i] = this.compiled[i].rule;
        }
        this.rules = List.of(compiledRules);
        this.problems = List.copyOf(problems);
    }

    @Override
    public void match(Event event, MatchSink sink)
    {
        requireNonNull(event, "event is null");
        requireNonNull(sink, "sink is null");
        EvalContext context = contexts.get();
        if (context.inUse) {
            // A sink that matches another event on this thread gets a context of its own.
            context = newContext();
        }
        context.inUse = true;
        try {
            context.begin(event);
            // Only rules whose logsource the event belongs to are visited, in rule order.
            long[] candidates = context.candidates();
            LiteralPrefilter.Scan scan = context.scan;
            if (scan != null) {
                scan.begin();
            }
            for (int i = 0, accepted = context.acceptedCount(); i < accepted; i++) {
                int slot = context.acceptedSlot(i);
                long[] slotRules = rulesByAlternative[slot];
                for (int word = 0; word < slotRules.length; word++) {
                    candidates[word] |= slotRules[word];
                }
                if (scan != null) {
                    scan.scanSlot(slot, context);
                }
            }
            if (scan != null) {
                scan.restrict(candidates);
            }
            for (int word = 0; word < candidates.length; word++) {
                long bits = candidates[word];
                while (bits != 0) {
                    int index = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    evaluate(compiled[index], context, sink);
                }
            }
        }
        finally {
            context.end();
            context.inUse = false;
        }
    }

    private static void evaluate(CompiledRule rule, EvalContext context, MatchSink sink)
    {
        for (CompiledAlternative alternative : rule.alternatives) {
            if (!context.accepts(alternative.alternativeIndex)) {
                continue;
            }
            context.trail.reset(0);
            if (alternative.root.eval(context)) {
                sink.matched(rule.rule, alternative.matchedFields(context));
                return;
            }
        }
    }

    private static long[][] rulesByAlternative(CompiledRule[] compiled, int slots)
    {
        long[][] result = new long[slots][(compiled.length + 63) >>> 6];
        for (int index = 0; index < compiled.length; index++) {
            for (CompiledAlternative alternative : compiled[index].alternatives) {
                result[alternative.alternativeIndex][index >>> 6] |= 1L << index;
            }
        }
        return result;
    }

    private EvalContext newContext()
    {
        return new EvalContext(fieldNames, resolver, dispatch, alternatives.length, compiled.length, prefilter == null ? null : prefilter.newScan(compiled.length));
    }

    @Override
    public List<SigmaRule> rules()
    {
        return rules;
    }

    @Override
    public List<RuleProblem> problems()
    {
        return problems;
    }

    @Override
    public String toString()
    {
        return "TreeRuleset(" + rules.size() + " rules, " + problems.size() + " problems"
                + (prefilter == null ? ", no prefilter" : ", " + prefilter.atoms() + " literals, " + prefilter.unfilteredRules() + " rules without a required literal") + ")";
    }

    static final class CompiledRule
    {
        final SigmaRule rule;
        final CompiledAlternative[] alternatives;

        CompiledRule(SigmaRule rule, List<CompiledAlternative> alternatives)
        {
            this.rule = rule;
            this.alternatives = alternatives.toArray(new CompiledAlternative[0]);
        }
    }

    /** A rule's tree under one logsource alternative, with the fields it reports. */
    static final class CompiledAlternative
    {
        final int alternativeIndex;
        final EvalNode root;
        // The fields whose scan the tree's leaves read.
        final int[] scannedFields;
        private final String[] ruleFields;
        private final int[] fieldIds;

        CompiledAlternative(int alternativeIndex, EvalNode root, int[] scannedFields, String[] ruleFields, int[] fieldIds)
        {
            this.scannedFields = scannedFields;
            this.alternativeIndex = alternativeIndex;
            this.root = root;
            this.ruleFields = ruleFields;
            this.fieldIds = fieldIds;
        }

        Map<String, String> matchedFields(EvalContext context)
        {
            Map<String, String> result = new LinkedHashMap<>();
            for (int i = 0; i < ruleFields.length; i++) {
                String value = context.value(fieldIds[i]);
                if (value != null) {
                    result.put(ruleFields[i], value);
                }
            }
            EventFields fields = context.fields();
            MatchTrail trail = context.trail;
            for (int i = 0; i < trail.size(); i++) {
                int index = trail.get(i);
                result.putIfAbsent(fields.name(index), fields.value(index));
            }
            return Collections.unmodifiableMap(result);
        }
    }
}
