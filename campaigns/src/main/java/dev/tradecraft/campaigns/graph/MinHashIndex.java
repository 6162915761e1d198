package dev.tradecraft.campaigns.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Locality-sensitive hashing of feature sets (MinHash signatures, banded): two sets with Jaccard
 * similarity s fall into a common bucket with probability {@code 1 - (1 - s^ROWS)^BANDS}, about
 * one half at s = 0.5 and above 0.97 at s = 0.8. Used to find candidate pairs among many nodes that
 * share a frequent value, instead of comparing every pair.
 */
final class MinHashIndex
{
    static final int BANDS = 16;
    static final int ROWS = 4;
    private static final int HASHES = BANDS * ROWS;
    // Odd multipliers and offsets of a universal hash family, fixed so runs repeat exactly.
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            state = mix(state + i);
            A[i] = state | 1;
            state = mix(state);
            B[i] = state;
        }
    }

    private MinHashIndex() {}

    static long[] signature(int[] features)
    {
        long[] signature = new long[HASHES];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (int feature : features) {
            // Public-use flags share the artefact: hash the artefact id only.
            long value = feature >>> 1;
            for (int i = 0; i < HASHES; i++) {
                long hash = mix(A[i] * value + B[i]) >>> 1;
                if (hash < signature[i]) {
                    signature[i] = hash;
                }
            }
        }
        return signature;
    }

    /**
     * Groups of members that share at least one band, each group at most {@code maxGroup} long
     * (larger buckets are cut in runs, so cost stays bounded; the chain links keep them connected).
     */
    static List<int[]> buckets(int[] members, long[][] signatures, int maxGroup)
    {
        List<int[]> groups = new ArrayList<>();
        for (int band = 0; band < BANDS; band++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int member : members) {
                long key = band;
                for (int row = 0; row < ROWS; row++) {
                    key = mix(key * 31 + signatures[member][band * ROWS + row]);
                }
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int start = 0; start + 1 < bucket.size(); start += maxGroup) {
                    int end = Math.min(bucket.size(), start + maxGroup);
                    int[] group = new int[end - start];
                    for (int i = start; i < end; i++) {
                        group[i - start] = bucket.get(i);
                    }
                    groups.add(group);
                }
            }
        }
        return groups;
    }

    /** A 64-bit finaliser (SplitMix64): spreads bits so nearby inputs hash far apart. */
    static long mix(long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
