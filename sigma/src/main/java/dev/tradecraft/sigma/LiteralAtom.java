package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A folded literal looked for in one event field (or, for keyword searches, in any field). A rule's
 * prefilter is a set of atoms of which at least one must be found for the rule to be able to match.
 *
 * @param fieldId the numbered event field, or {@link #ANY_FIELD}
 */
record LiteralAtom(int fieldId, String literal)
{
    static final int ANY_FIELD = -1;

    LiteralAtom
    {
        requireNonNull(literal, "literal is null");
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("empty literal");
        }
        if (fieldId < ANY_FIELD) {
            throw new IllegalArgumentException("bad field id: " + fieldId);
        }
    }

    /** Any of these: the atoms of every choice, or null when some choice requires no literal. */
    static List<LiteralAtom> union(List<List<LiteralAtom>> choices)
    {
        Set<LiteralAtom> result = new LinkedHashSet<>();
        for (List<LiteralAtom> choice : choices) {
            if (choice == null) {
                return null;
            }
            result.addAll(choice);
        }
        return result.isEmpty() ? null : List.copyOf(result);
    }

    /**
     * All of these must hold, so the atoms of any one suffice: the most selective, judged by the
     * shortest literal (short literals are found in most values), then by fewer atoms. Null when
     * none requires a literal.
     */
    static List<LiteralAtom> mostSelective(List<List<LiteralAtom>> required)
    {
        List<LiteralAtom> best = null;
        for (List<LiteralAtom> candidate : required) {
            if (candidate == null) {
                continue;
            }
            if (best == null || selectivity(candidate) > selectivity(best)
                    || (selectivity(candidate) == selectivity(best) && candidate.size() < best.size())) {
                best = candidate;
            }
        }
        return best;
    }

    private static int selectivity(List<LiteralAtom> atoms)
    {
        int shortest = Integer.MAX_VALUE;
        for (LiteralAtom atom : atoms) {
            shortest = Math.min(shortest, atom.literal.length());
        }
        return shortest;
    }
}
