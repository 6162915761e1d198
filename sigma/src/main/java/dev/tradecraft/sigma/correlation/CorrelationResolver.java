package dev.tradecraft.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.SigmaRule;

/**
 * Resolves what correlations reference, across everything loaded together: by id first, then by
 * name — a name defined in the correlation's own file wins over the same name elsewhere, so two
 * files may each bundle their own {@code failed_login}. A correlation is left out, with a problem,
 * when a reference is unknown or ambiguous, when it is part of a cycle, or when a correlation it
 * references was left out.
 */
public final class CorrelationResolver
{
    private record Target(String id, String source, String description) {}

    private final Map<String, Target> byId = new HashMap<>();
    private final Map<String, List<Target>> byName = new HashMap<>();
    private final List<RuleProblem> problems;

    private CorrelationResolver(List<RuleProblem> problems)
    {
        this.problems = problems;
    }

    /**
     * Returns the correlations whose references all resolved, each after the correlations it
     * references (otherwise in the given order), with references replaced by ids.
     *
     * @param rules the loaded rules (ids unique with the correlations' ids)
     * @param problems receives one problem per correlation left out
     */
    public static List<SigmaCorrelation> resolve(List<SigmaRule> rules, List<SigmaCorrelation> correlations, List<RuleProblem> problems)
    {
        requireNonNull(rules, "rules is null");
        requireNonNull(correlations, "correlations is null");
        requireNonNull(problems, "problems is null");
        CorrelationResolver resolver = new CorrelationResolver(problems);
        for (SigmaRule rule : rules) {
            resolver.index(new Target(rule.id(), rule.source(), "rule " + rule.label() + " at " + rule.source() + ":" + rule.line()), rule.name().orElse(null));
        }
        for (SigmaCorrelation correlation : correlations) {
            resolver.index(new Target(correlation.id(), correlation.source(),
                    "correlation " + correlation.label() + " at " + correlation.source() + ":" + correlation.line()), correlation.name().orElse(null));
        }
        return resolver.resolveAll(correlations);
    }

    private void index(Target target, String name)
    {
        byId.putIfAbsent(target.id(), target);
        if (name != null) {
            byName.computeIfAbsent(name, key -> new ArrayList<>()).add(target);
        }
    }

    private List<SigmaCorrelation> resolveAll(List<SigmaCorrelation> correlations)
    {
        Map<String, SigmaCorrelation> resolved = new LinkedHashMap<>();
        for (SigmaCorrelation correlation : correlations) {
            SigmaCorrelation withIds = references(correlation);
            if (withIds != null) {
                resolved.put(correlation.id(), withIds);
            }
        }
        Set<String> correlationIds = new HashSet<>();
        correlations.forEach(correlation -> correlationIds.add(correlation.id()));
        dropCycles(resolved);
        dropDependentsOfMissing(resolved, correlationIds);
        return dependencyOrder(resolved);
    }

    /** The correlation with ids for references, or null (after reporting) when one does not resolve. */
    private SigmaCorrelation references(SigmaCorrelation correlation)
    {
        Map<String, String> ids = new LinkedHashMap<>();
        boolean failed = false;
        for (String reference : correlation.rules()) {
            String id = idOf(reference, correlation);
            if (id == null) {
                failed = true;
            }
            else if (ids.containsValue(id)) {
                report(correlation, RuleProblemKind.BAD_VALUE, "references " + reference + " and another name of the same rule (" + id + ")");
                failed = true;
            }
            else {
                ids.put(reference, id);
            }
        }
        if (failed) {
            return null;
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> alias : correlation.aliases().entrySet()) {
            Map<String, String> fields = new LinkedHashMap<>();
            alias.getValue().forEach((reference, field) -> fields.put(ids.get(reference), field));
            aliases.put(alias.getKey(), fields);
        }
        return correlation.withReferences(List.copyOf(ids.values()), aliases);
    }

    private String idOf(String reference, SigmaCorrelation correlation)
    {
        Target target = byId.get(reference);
        if (target != null) {
            return target.id();
        }
        List<Target> named = byName.getOrDefault(reference, List.of());
        List<Target> sameFile = named.stream().filter(candidate -> candidate.source().equals(correlation.source())).toList();
        List<Target> candidates = sameFile.isEmpty() ? named : sameFile;
        if (candidates.size() == 1) {
            return candidates.get(0).id();
        }
        if (candidates.isEmpty()) {
            report(correlation, RuleProblemKind.UNKNOWN_RULE, "references '" + reference
                    + "', which is neither the id nor the name of a rule or correlation loaded");
        }
        else {
            report(correlation, RuleProblemKind.UNKNOWN_RULE, "references '" + reference + "', a name shared by "
                    + candidates.stream().map(Target::description).toList() + "; reference one of them by id");
        }
        return null;
    }

    private void dropCycles(Map<String, SigmaCorrelation> resolved)
    {
        Set<String> done = new HashSet<>();
        Set<String> inCycle = new LinkedHashSet<>();
        for (String id : resolved.keySet()) {
            findCycles(id, resolved, new ArrayList<>(), done, inCycle);
        }
        for (String id : inCycle) {
            SigmaCorrelation correlation = resolved.remove(id);
            report(correlation, RuleProblemKind.CORRELATION_CYCLE, "is part of a cycle of correlations that reference each other; it can never complete");
        }
    }

    private void findCycles(String id, Map<String, SigmaCorrelation> resolved, List<String> path, Set<String> done, Set<String> inCycle)
    {
        int onPath = path.indexOf(id);
        if (onPath >= 0) {
            inCycle.addAll(path.subList(onPath, path.size()));
            return;
        }
        SigmaCorrelation correlation = resolved.get(id);
        if (correlation == null || done.contains(id)) {
            return;
        }
        path.add(id);
        for (String reference : correlation.rules()) {
            findCycles(reference, resolved, path, done, inCycle);
        }
        path.remove(path.size() - 1);
        done.add(id);
    }

    private void dropDependentsOfMissing(Map<String, SigmaCorrelation> resolved, Set<String> correlationIds)
    {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SigmaCorrelation correlation : List.copyOf(resolved.values())) {
                for (String reference : correlation.rules()) {
                    if (correlationIds.contains(reference) && !resolved.containsKey(reference)) {
                        resolved.remove(correlation.id());
                        report(correlation, RuleProblemKind.UNKNOWN_RULE, "references correlation " + reference + ", which was not loaded");
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private static List<SigmaCorrelation> dependencyOrder(Map<String, SigmaCorrelation> resolved)
    {
        Set<String> placed = new LinkedHashSet<>();
        for (String id : resolved.keySet()) {
            place(id, resolved, placed);
        }
        List<SigmaCorrelation> ordered = new ArrayList<>(placed.size());
        placed.forEach(id -> ordered.add(resolved.get(id)));
        return ordered;
    }

    private static void place(String id, Map<String, SigmaCorrelation> resolved, Set<String> placed)
    {
        SigmaCorrelation correlation = resolved.get(id);
        if (correlation == null || placed.contains(id)) {
            return;
        }
        for (String reference : correlation.rules()) {
            place(reference, resolved, placed);
        }
        placed.add(id);
    }

    private void report(SigmaCorrelation correlation, RuleProblemKind kind, String reason)
    {
        problems.add(new RuleProblem(correlation.source(), correlation.line(), kind, "correlation " + correlation.label() + ": " + reason));
    }
}
