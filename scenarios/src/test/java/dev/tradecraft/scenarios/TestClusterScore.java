package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class TestClusterScore
{
    private static final double EXACT = 1e-12;

    /** Items named i00, i01, … with one label and one cluster each, from "cluster:label" pairs. */
    private static Map<String, Set<String>>[] single(String... cells)
    {
        @SuppressWarnings("unchecked")
        Map<String, Set<String>>[] out = new Map[] {new TreeMap<>(), new TreeMap<>()};
        for (int i = 0; i < cells.length; i++) {
            String item = String.format("i%02d", i);
            String[] parts = cells[i].split(":");
            out[0].put(item, Set.of(parts[1]));
            out[1].put(item, Set.of(parts[0]));
        }
        return out;
    }

    private static String[] repeat(String cell, int times)
    {
        String[] out = new String[times];
        Arrays.fill(out, cell);
        return out;
    }

    private static String[] concat(String[]... parts)
    {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            Collections.addAll(all, part);
        }
        return all.toArray(new String[0]);
    }

    @Test
    void testPerfectClustering()
    {
        Map<String, Set<String>>[] data = single("A:x", "A:x", "B:y", "C:z", "C:z");
        ClusterScore score = ClusterScore.of(data[0], data[1]);
        assertEquals(1.0, score.precision());
        assertEquals(1.0, score.recall());
        assertEquals(1.0, score.f1());
        assertEquals(1.0, score.adjustedRand(), EXACT);
        assertEquals(5, score.items());
        assertEquals(3, score.predictedClusters());
        assertEquals(3, score.trueClusters());
    }

    @Test
    void testEverythingInOneCluster()
    {
        // Labels x x y y z z in one cluster: each item's cluster is a third its own label.
        Map<String, Set<String>>[] data = single("A:x", "A:x", "A:y", "A:y", "A:z", "A:z");
        ClusterScore score = ClusterScore.of(data[0], data[1]);
        assertEquals(1.0 / 3, score.precision(), EXACT);
        assertEquals(1.0, score.recall());
        assertEquals(0.5, score.f1(), EXACT);
        assertEquals(0.0, score.adjustedRand(), EXACT);
        assertEquals(1, score.predictedClusters());
    }

    @Test
    void testAllSingletonsWhenNothingIsPredicted()
    {
        Map<String, Set<String>>[] data = single("A:x", "B:x", "C:x", "D:y");
        ClusterScore score = ClusterScore.of(data[0], Map.of());
        assertEquals(1.0, score.precision());
        // x: three items each alone in their cluster, recall 1/3; y: 1.
        assertEquals((3 * (1.0 / 3) + 1) / 4, score.recall(), EXACT);
        assertEquals(0.0, score.adjustedRand(), EXACT);
        assertEquals(4, score.predictedClusters());
        assertEquals(2, score.trueClusters());
    }

    @Test
    void testMissingAndEmptyPredictionsAreSingletonsAndUnknownItemsAreIgnored()
    {
        Map<String, Set<String>> truth = Map.of("a", Set.of("x"), "b", Set.of("x"), "c", Set.of("x"));
        Map<String, Set<String>> predicted = new HashMap<>();
        predicted.put("a", Set.of("K"));
        predicted.put("b", Set.of());
        predicted.put("zz", Set.of("K"));
        ClusterScore score = ClusterScore.of(truth, predicted);
        assertEquals(3, score.items());
        assertEquals(3, score.predictedClusters());
        assertEquals(1.0, score.precision());
        assertEquals(1.0 / 3, score.recall(), EXACT);
    }

    @Test
    void testTextbookExample()
    {
        // Manning, Raghavan and Schütze, Introduction to Information Retrieval, figure 16.4: three clusters
        // over 17 items (x, o, ◇). Exact values computed with Python fractions: P = 149/255, R = 193/340,
        // ARI = 60/247 (the book's Rand index for it is 0.68).
        String[] cells = concat(repeat("1:x", 5), repeat("1:o", 1), repeat("2:x", 1), repeat("2:o", 4), repeat("2:d", 1),
                repeat("3:x", 2), repeat("3:d", 3));
        Map<String, Set<String>>[] data = single(cells);
        ClusterScore score = ClusterScore.of(data[0], data[1]);
        double precision = 149.0 / 255;
        double recall = 193.0 / 340;
        assertEquals(precision, score.precision(), EXACT);
        assertEquals(recall, score.recall(), EXACT);
        assertEquals(2 * precision * recall / (precision + recall), score.f1(), EXACT);
        assertEquals(60.0 / 247, score.adjustedRand(), EXACT);
        assertEquals(17, score.items());
    }

    @Test
    void testOverlappingLabelsInOneCluster()
    {
        // a is in both true groups; all three predicted together. By Amigó et al.: precision of b with c
        // is 0 (no label shared), of a with anyone 1; recall of a with itself is min(1, 2) / 2.
        Map<String, Set<String>> truth = Map.of("a", Set.of("1", "2"), "b", Set.of("1"), "c", Set.of("2"));
        Map<String, Set<String>> predicted = Map.of("a", Set.of("X"), "b", Set.of("X"), "c", Set.of("X"));
        ClusterScore score = ClusterScore.of(truth, predicted);
        assertEquals(7.0 / 9, score.precision(), EXACT);
        assertEquals(17.0 / 18, score.recall(), EXACT);
    }

    @Test
    void testOverlapReproducedExactlyIsPerfectAndExtraMembershipCostsPrecision()
    {
        Map<String, Set<String>> truth = Map.of("a", Set.of("1", "2"), "b", Set.of("1"), "c", Set.of("2"));
        ClusterScore exact = ClusterScore.of(truth, Map.of("a", Set.of("A", "B"), "b", Set.of("A"), "c", Set.of("B")));
        assertEquals(1.0, exact.precision(), EXACT);
        assertEquals(1.0, exact.recall(), EXACT);
        // a also in a third cluster of its own: its self-precision is min(3, 2) / 3 (values from Python).
        ClusterScore extra = ClusterScore.of(truth, Map.of("a", Set.of("A", "B", "C"), "b", Set.of("A"), "c", Set.of("B")));
        assertEquals(26.0 / 27, extra.precision(), EXACT);
        assertEquals(1.0, extra.recall(), EXACT);
        assertEquals(3, extra.predictedClusters());
    }

    @Test
    void testOverlapWorkedExample()
    {
        // Both sides overlap; values from a brute-force Python implementation of the definitions.
        Map<String, Set<String>> truth = Map.of("a", Set.of("1", "2"), "b", Set.of("1"), "c", Set.of("2"), "d", Set.of("3"),
                "e", Set.of("3"));
        Map<String, Set<String>> predicted = Map.of("a", Set.of("A"), "b", Set.of("A"), "c", Set.of("A", "B"), "d", Set.of("B"),
                "e", Set.of("C"));
        ClusterScore score = ClusterScore.of(truth, predicted);
        assertEquals(17.0 / 24, score.precision(), EXACT);
        assertEquals(23.0 / 30, score.recall(), EXACT);
        // Hard assignment takes the first in sorted order: c in A, a labelled 1.
        assertEquals(4.0 / 19, score.adjustedRand(), EXACT);
    }

    @Test
    void testNoItemsAndOneItem()
    {
        ClusterScore none = ClusterScore.of(Map.of(), Map.of("a", Set.of("A")));
        assertEquals(new ClusterScore(0, 1, 1, 1, 1, 0, 0), none);
        ClusterScore one = ClusterScore.of(Map.of("a", Set.of("x")), Map.of());
        assertEquals(1.0, one.precision());
        assertEquals(1.0, one.recall());
        assertEquals(1.0, one.adjustedRand());
    }

    @Test
    void testRejectsItemWithoutLabelAndNulls()
    {
        IllegalArgumentException noLabel = assertThrows(IllegalArgumentException.class,
                () -> ClusterScore.of(Map.of("a", Set.of()), Map.of()));
        assertTrue(noLabel.getMessage().contains("item a has no true label"), noLabel.getMessage());
        assertThrows(NullPointerException.class, () -> ClusterScore.of(null, Map.of()));
        assertThrows(NullPointerException.class, () -> ClusterScore.of(Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new ClusterScore(1, 1.5, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClusterScore(1, 1, 1, 1, 1.01, 1, 1));
    }

    @Test
    void testToStringSaysTheNumbers()
    {
        Map<String, Set<String>>[] data = single("A:x", "A:y");
        assertEquals("B-cubed P 0.500 R 1.000 F1 0.667, ARI 0.000 over 2 items (1 predicted / 2 true clusters)",
                ClusterScore.of(data[0], data[1]).toString());
    }

    @Test
    void testRandomProperties()
    {
        long seed = System.nanoTime();
        System.out.println("TestClusterScore.testRandomProperties seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            int items = 1 + random.nextInt(40);
            boolean overlap = random.nextBoolean();
            Map<String, Set<String>> truth = randomAssignment(random, items, 1 + random.nextInt(6), "L", overlap);
            Map<String, Set<String>> predicted = randomAssignment(random, items, 1 + random.nextInt(8), "C", overlap);
            if (random.nextInt(4) == 0) {
                predicted.remove("item" + random.nextInt(items));
            }
            String context = "seed " + seed + ", round " + round + ": truth " + truth + ", predicted " + predicted;
            ClusterScore score = ClusterScore.of(truth, predicted);
            assertTrue(score.precision() > 0 && score.precision() <= 1, context);
            assertTrue(score.recall() > 0 && score.recall() <= 1, context);
            assertTrue(score.f1() > 0 && score.f1() <= 1, context);
            assertTrue(score.f1() <= Math.max(score.precision(), score.recall()) + EXACT, context);
            assertTrue(score.adjustedRand() <= 1, context);

            // The truth itself, under order-preserving new names, is a perfect prediction.
            ClusterScore perfect = ClusterScore.of(truth, rename(truth, Map.of()));
            assertEquals(1.0, perfect.precision(), EXACT, context);
            assertEquals(1.0, perfect.recall(), EXACT, context);
            assertEquals(1.0, perfect.f1(), EXACT, context);
            assertEquals(1.0, perfect.adjustedRand(), EXACT, context);

            // Renaming clusters arbitrarily changes nothing B-cubed; ARI only sees it through which of
            // several clusters sorts first, so it is unchanged when every item has one cluster.
            ClusterScore permuted = ClusterScore.of(truth, rename(predicted, shuffledNames(random, predicted)));
            assertEquals(score.precision(), permuted.precision(), EXACT, context);
            assertEquals(score.recall(), permuted.recall(), EXACT, context);
            assertEquals(score.predictedClusters(), permuted.predictedClusters(), context);
            if (!overlap) {
                assertEquals(score.adjustedRand(), permuted.adjustedRand(), EXACT, context);
            }
        }
    }

    @Test
    void testBothWaysOfCountingMatchTheDefinition()
    {
        // Single assignments take the contingency-table path, overlaps the pairwise one; both must equal
        // the definition evaluated over every pair.
        long seed = System.nanoTime();
        System.out.println("TestClusterScore.testBothWaysOfCountingMatchTheDefinition seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            int items = 1 + random.nextInt(30);
            boolean overlap = round % 2 == 1;
            Map<String, Set<String>> truth = randomAssignment(random, items, 1 + random.nextInt(5), "L", overlap);
            Map<String, Set<String>> predicted = randomAssignment(random, items, 1 + random.nextInt(5), "C", overlap);
            ClusterScore score = ClusterScore.of(truth, predicted);
            double[] direct = directBcubed(truth, predicted);
            String context = "seed " + seed + ", round " + round + ": truth " + truth + ", predicted " + predicted;
            assertEquals(direct[0], score.precision(), 1e-9, context);
            assertEquals(direct[1], score.recall(), 1e-9, context);
        }
    }

    /** B-cubed straight from the definition with multiplicities, over all pairs: the slow reference. */
    private static double[] directBcubed(Map<String, Set<String>> truth, Map<String, Set<String>> predicted)
    {
        List<String> items = new ArrayList<>(new TreeSet<>(truth.keySet()));
        double precision = 0;
        double recall = 0;
        for (String e : items) {
            double p = 0;
            int pc = 0;
            double r = 0;
            int rc = 0;
            for (String other : items) {
                int clusters = shared(predicted.get(e), predicted.get(other));
                int labels = shared(truth.get(e), truth.get(other));
                if (clusters > 0) {
                    p += (double) Math.min(clusters, labels) / clusters;
                    pc++;
                }
                if (labels > 0) {
                    r += (double) Math.min(clusters, labels) / labels;
                    rc++;
                }
            }
            precision += p / pc;
            recall += r / rc;
        }
        return new double[] {precision / items.size(), recall / items.size()};
    }

    private static int shared(Set<String> left, Set<String> right)
    {
        int count = 0;
        for (String value : left) {
            if (right.contains(value)) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Set<String>> randomAssignment(Random random, int items, int groups, String prefix, boolean overlap)
    {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < items; i++) {
            Set<String> names = new TreeSet<>();
            names.add(prefix + random.nextInt(groups));
            while (overlap && random.nextInt(3) == 0) {
                names.add(prefix + random.nextInt(groups));
            }
            out.put("item" + i, names);
        }
        return out;
    }

    private static Map<String, String> shuffledNames(Random random, Map<String, Set<String>> assignment)
    {
        List<String> names = new ArrayList<>();
        for (Set<String> values : assignment.values()) {
            for (String value : values) {
                if (!names.contains(value)) {
                    names.add(value);
                }
            }
        }
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, random);
        Map<String, String> mapping = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            mapping.put(names.get(i), "renamed-" + shuffled.get(i));
        }
        return mapping;
    }

    /** Applies {@code mapping}; names it does not hold get the order-preserving name {@code P-<name>}. */
    private static Map<String, Set<String>> rename(Map<String, Set<String>> assignment, Map<String, String> mapping)
    {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : assignment.entrySet()) {
            Set<String> names = new TreeSet<>();
            for (String name : entry.getValue()) {
                names.add(mapping.getOrDefault(name, "P-" + name));
            }
            out.put(entry.getKey(), names);
        }
        return out;
    }
}
