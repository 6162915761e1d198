package dev.tradecraft.sigma.condition;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.value.Literal;
import dev.tradecraft.sigma.value.PatternPart;
import dev.tradecraft.sigma.value.StringPattern;
import dev.tradecraft.sigma.value.Wildcard;
import dev.tradecraft.sigma.value.WildcardMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a parsed condition against a detection's identifier names, returning a new tree of
 * {@link And}, {@link Or}, {@link Not} and {@link Ref}; the parsed tree is never changed.
 * Selectors expand to the matching identifiers in detection order, one-element groups collapse,
 * and nested groups of the same operator flatten.
 */
public final class ConditionResolver
{
    private ConditionResolver() {}

    public static Condition resolve(Condition parsed, List<String> identifiers)
            throws ConditionException
    {
        requireNonNull(parsed, "parsed is null");
        requireNonNull(identifiers, "identifiers is null");
        if (parsed instanceof Ref ref) {
            if (!identifiers.contains(ref.name())) {
                throw new ConditionException(ConditionException.Kind.UNKNOWN_IDENTIFIER, 0,
                        "unknown identifier '" + ref.name() + "' (detection has: " + String.join(", ", identifiers) + ")");
            }
            return ref;
        }
        if (parsed instanceof Not not) {
            return new Not(resolve(not.operand(), identifiers));
        }
        if (parsed instanceof And and) {
            return group(resolveAll(and.operands(), identifiers), true);
        }
        if (parsed instanceof Or or) {
            return group(resolveAll(or.operands(), identifiers), false);
        }
        if (parsed instanceof OneOf oneOf) {
            return group(selected(oneOf.pattern(), identifiers), false);
        }
        AllOf allOf = (AllOf) parsed;
        return group(selected(allOf.pattern(), identifiers), true);
    }

    /** Whether an identifier belongs to {@code x of pattern}; {@code them} is {@code *}. */
    public static boolean selects(String pattern, String identifier)
    {
        String effective = pattern.equals("them") ? "*" : pattern;
        if (identifier.startsWith("_") && !effective.startsWith("_")) {
            return false;
        }
        return globMatches(effective, identifier);
    }

    private static List<Condition> resolveAll(List<Condition> operands, List<String> identifiers)
            throws ConditionException
    {
        List<Condition> result = new ArrayList<>(operands.size());
        for (Condition operand : operands) {
            result.add(resolve(operand, identifiers));
        }
        return result;
    }

    private static List<Condition> selected(String pattern, List<String> identifiers)
            throws ConditionException
    {
        List<Condition> result = new ArrayList<>();
        for (String identifier : identifiers) {
            if (selects(pattern, identifier)) {
                result.add(new Ref(identifier));
            }
        }
        if (result.isEmpty()) {
            throw new ConditionException(ConditionException.Kind.UNKNOWN_IDENTIFIER, 0,
                    "'" + pattern + "' matches no identifier (detection has: " + String.join(", ", identifiers) + ")");
        }
        return result;
    }

    private static Condition group(List<Condition> operands, boolean and)
    {
        List<Condition> flat = new ArrayList<>(operands.size());
        for (Condition operand : operands) {
            if (and && operand instanceof And inner) {
                flat.addAll(inner.operands());
            }
            else if (!and && operand instanceof Or inner) {
                flat.addAll(inner.operands());
            }
            else {
                flat.add(operand);
            }
        }
        if (flat.size() == 1) {
            return flat.get(0);
        }
        return and ? new And(flat) : new Or(flat);
    }

    private static boolean globMatches(String pattern, String name)
    {
        List<PatternPart> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*') {
                if (i > start) {
                    parts.add(new Literal(pattern.substring(start, i)));
                }
                if (i < pattern.length()) {
                    parts.add(Wildcard.ANY_RUN);
                }
                start = i + 1;
            }
        }
        return WildcardMatcher.of(new StringPattern(parts, true, false)).matches(name);
    }
}
