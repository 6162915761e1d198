package dev.tradecraft.sigma;

import java.util.Arrays;

/**
 * The event fields whose values satisfied keyword searches on the way to a match. Branches that
 * fail, and everything under a negation, are rolled back to a mark, so only evidence that made
 * the rule match remains. One per {@link SigmaRuleset#match} call.
 */
final class MatchTrail
{
    private int[] indexes = new int[4];
    private int size;

    int mark()
    {
        return size;
    }

    void reset(int mark)
    {
        size = mark;
    }

    void add(int fieldIndex)
    {
        if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, size * 2);
        }
        indexes[size++] = fieldIndex;
    }

    int size()
    {
        return size;
    }

    int get(int i)
    {
        return indexes[i];
    }
}
