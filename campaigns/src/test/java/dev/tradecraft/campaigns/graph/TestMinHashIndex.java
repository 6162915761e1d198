package dev.tradecraft.campaigns.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TestMinHashIndex
{
    @Test
    void testPublicUseFlagDoesNotChangeTheSignature()
    {
        assertArrayEquals(MinHashIndex.signature(new int[] {2, 4, 6}), MinHashIndex.signature(new int[] {3, 5, 7}));
    }

    @Test
    void testSimilarSetsShareABucketAndDisjointOnesRarelyDo()
    {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int similarTogether = 0;
        int disjointTogether = 0;
        int rounds = 200;
        for (int round = 0; round < rounds; round++) {
            int[] base = new int[20];
            for (int i = 0; i < base.length; i++) {
                base[i] = 2 * (round * 1000 + i);
            }
            int[] similar = base.clone();
            similar[0] = 2 * (round * 1000 + 500);
            int[] disjoint = new int[20];
            for (int i = 0; i < disjoint.length; i++) {
                disjoint[i] = 2 * (round * 1000 + 100 + i + random.nextInt(50));
            }
            long[][] signatures = {MinHashIndex.signature(base), MinHashIndex.signature(similar), MinHashIndex.signature(disjoint)};
            similarTogether += together(signatures, 0, 1) ? 1 : 0;
            disjointTogether += together(signatures, 0, 2) ? 1 : 0;
        }
        // Jaccard 19/21 ≈ 0.9: caught almost always; Jaccard 0: almost never.
        assertTrue(similarTogether >= rounds * 0.97, "similar pairs found " + similarTogether + "/" + rounds + ", seed " + seed);
        assertTrue(disjointTogether <= rounds * 0.05, "disjoint pairs found " + disjointTogether + "/" + rounds + ", seed " + seed);
    }

    private static boolean together(long[][] signatures, int a, int b)
    {
        List<int[]> groups = MinHashIndex.buckets(new int[] {0, 1, 2}, signatures, 64);
        for (int[] group : groups) {
            boolean hasA = false;
            boolean hasB = false;
            for (int member : group) {
                hasA |= member == a;
                hasB |= member == b;
            }
            if (hasA && hasB) {
                return true;
            }
        }
        return false;
    }
}
