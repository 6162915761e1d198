package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A predicted clustering scored against true labels, knowing nothing of worlds or campaigns.
 *
 * <p>Precision, recall and F1 are B-cubed (Bagga and Baldwin 1998): per item, the share of its
 * cluster that carries its label and the share of its label that sits in its cluster, averaged over
 * the items. When an item has several true labels or several predicted clusters, they are the
 * extended B-cubed of Amigó et al. (2009): for two items e and e' that share a cluster, precision
 * counts {@code min(|C(e)∩C(e')|, |L(e)∩L(e')|) / |C(e)∩C(e')|}, and for two that share a label,
 * recall counts the same minimum over {@code |L(e)∩L(e')|}. With one label and one cluster per item
 * the two definitions agree.
 *
 * <p>The adjusted Rand index (Hubert and Arabie 1985) needs one cluster and one label per item: an
 * item with several takes the first in sorted (string) order. It is 1 for identical partitions,
 * about 0 for a chance agreement, and may be negative.
 *
 * @param items how many items were scored (the keys of the truth)
 * @param precision B-cubed precision in [0,1]
 * @param recall B-cubed recall in [0,1]
 * @param f1 harmonic mean of precision and recall
 * @param adjustedRand the adjusted Rand index, at most 1
 * @param predictedClusters distinct predicted clusters among the items, counting each unassigned item as its own
 * @param trueClusters distinct true labels among the items
 */
public record ClusterScore(int items, double precision, double recall, double f1, double adjustedRand,
        int predictedClusters, int trueClusters)
{
    public ClusterScore
    {
        checkArgument(items >= 0, "items must not be negative: %s", items);
        checkArgument(precision >= 0 && precision <= 1, "precision must be in [0,1]: %s", precision);
        checkArgument(recall >= 0 && recall <= 1, "recall must be in [0,1]: %s", recall);
        checkArgument(f1 >= 0 && f1 <= 1, "f1 must be in [0,1]: %s", f1);
        checkArgument(adjustedRand >= -1 && adjustedRand <= 1, "adjustedRand must be in [-1,1]: %s", adjustedRand);
        checkArgument(predictedClusters >= 0, "predictedClusters must not be negative: %s", predictedClusters);
        checkArgument(trueClusters >= 0, "trueClusters must not be negative: %s", trueClusters);
    }

    /**
     * Scores {@code predicted} against {@code truth}.
     *
     * @param truth every item to score, with its true labels (at least one each)
     * @param predicted item to the ids of the predicted clusters it is in; an item that is missing,
     *        or maps to an empty set, is a cluster of its own (nothing grouped it with anything);
     *        items the truth does not know are ignored
     * @return the scores; with no items at all every score is 1, as nothing could be got wrong
     */
    public static ClusterScore of(Map<String, Set<String>> truth, Map<String, Set<String>> predicted)
    {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        // Sorted items and ids: the sums, and so the last bits of the scores, do not depend on hash order.
        List<String> items = new ArrayList<>(new TreeSet<>(truth.keySet()));
        int n = items.size();
        if (n == 0) {
            return new ClusterScore(0, 1, 1, 1, 1, 0, 0);
        }
        Map<String, Integer> labelIds = ids(items, truth, "label");
        Map<String, Integer> clusterIds = ids(items, predicted, "cluster");
        int[][] labels = new int[n][];
        int[][] clusters = new int[n][];
        int nextCluster = clusterIds.size();
        boolean single = true;
        for (int e = 0; e < n; e++) {
            String item = items.get(e);
            labels[e] = members(truth.get(item), labelIds);
            checkArgument(labels[e].length > 0, "item %s has no true label", item);
            Set<String> assigned = predicted.get(item);
            if (assigned == null || assigned.isEmpty()) {
                clusters[e] = new int[] {nextCluster++};
            }
            else {
                clusters[e] = members(assigned, clusterIds);
            }
            single &= labels[e].length == 1 && clusters[e].length == 1;
        }
        double[] bcubed = single ? plainBcubed(labels, clusters, labelIds.size(), nextCluster)
                : extendedBcubed(labels, clusters, labelIds.size(), nextCluster);
        double precision = Math.min(1.0, bcubed[0]);
        double recall = Math.min(1.0, bcubed[1]);
        double f1 = precision + recall == 0 ? 0 : Math.min(1.0, 2 * precision * recall / (precision + recall));
        return new ClusterScore(n, precision, recall, f1, adjustedRand(labels, clusters), distinct(clusters, nextCluster),
                distinct(labels, labelIds.size()));
    }

    /** Precision and recall as a one-line summary for reports and assertion messages. */
    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "B-cubed P %.3f R %.3f F1 %.3f, ARI %.3f over %d items (%d predicted / %d true clusters)",
                precision, recall, f1, adjustedRand, items, predictedClusters, trueClusters);
    }

    /** Ids in sorted order of the names, so that the smallest id of an item is its first name in sorted order. */
    private static Map<String, Integer> ids(List<String> items, Map<String, Set<String>> assignment, String what)
    {
        TreeSet<String> names = new TreeSet<>();
        for (String item : items) {
            Set<String> values = assignment.get(item);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                names.add(requireNonNull(value, what + " of item " + item + " is null"));
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        for (String name : names) {
            ids.put(name, ids.size());
        }
        return ids;
    }

    private static int[] members(Set<String> names, Map<String, Integer> ids)
    {
        int[] out = new int[names.size()];
        int i = 0;
        for (String name : names) {
            out[i++] = ids.get(name);
        }
        Arrays.sort(out);
        return out;
    }

    /** One label and one cluster per item: the contingency table gives both sums in linear time. */
    private static double[] plainBcubed(int[][] labels, int[][] clusters, int labelCount, int clusterCount)
    {
        int n = labels.length;
        long[] clusterSize = new long[clusterCount];
        long[] labelSize = new long[labelCount];
        Map<Long, long[]> cells = new TreeMap<>();
        for (int e = 0; e < n; e++) {
            clusterSize[clusters[e][0]]++;
            labelSize[labels[e][0]]++;
            cells.computeIfAbsent((long) clusters[e][0] * labelCount + labels[e][0], key -> new long[1])[0]++;
        }
        double precision = 0;
        double recall = 0;
        for (Map.Entry<Long, long[]> cell : cells.entrySet()) {
            int cluster = (int) (cell.getKey() / labelCount);
            int label = (int) (cell.getKey() % labelCount);
            double count = cell.getValue()[0];
            // Each of the count items in this cell scores count / size; together count² / size.
            precision += count * count / clusterSize[cluster];
            recall += count * count / labelSize[label];
        }
        return new double[] {precision / n, recall / n};
    }

    /** Amigó et al.'s multiplicity B-cubed, visiting for each item only the items that share a cluster or a label with it. */
    private static double[] extendedBcubed(int[][] labels, int[][] clusters, int labelCount, int clusterCount)
    {
        int n = labels.length;
        int[][] clusterMembers = invert(clusters, clusterCount);
        int[][] labelMembers = invert(labels, labelCount);
        int[] seen = new int[n];
        double precision = 0;
        double recall = 0;
        for (int e = 0; e < n; e++) {
            double sum = 0;
            int count = 0;
            for (int cluster : clusters[e]) {
                for (int other : clusterMembers[cluster]) {
                    if (seen[other] == 2 * e + 1) {
                        continue;
                    }
                    seen[other] = 2 * e + 1;
                    int sharedClusters = intersection(clusters[e], clusters[other]);
                    int sharedLabels = intersection(labels[e], labels[other]);
                    sum += (double) Math.min(sharedClusters, sharedLabels) / sharedClusters;
                    count++;
                }
            }
            precision += sum / count;
            sum = 0;
            count = 0;
            for (int label : labels[e]) {
                for (int other : labelMembers[label]) {
                    if (seen[other] == 2 * e + 2) {
                        continue;
                    }
                    seen[other] = 2 * e + 2;
                    int sharedClusters = intersection(clusters[e], clusters[other]);
                    int sharedLabels = intersection(labels[e], labels[other]);
                    sum += (double) Math.min(sharedClusters, sharedLabels) / sharedLabels;
                    count++;
                }
            }
            recall += sum / count;
        }
        return new double[] {precision / n, recall / n};
    }

    private static int[][] invert(int[][] assignment, int groups)
    {
        int[] sizes = new int[groups];
        for (int[] groupsOfItem : assignment) {
            for (int group : groupsOfItem) {
                sizes[group]++;
            }
        }
        int[][] members = new int[groups][];
        for (int group = 0; group < groups; group++) {
            members[group] = new int[sizes[group]];
        }
        int[] filled = new int[groups];
        for (int item = 0; item < assignment.length; item++) {
            for (int group : assignment[item]) {
                members[group][filled[group]++] = item;
            }
        }
        return members;
    }

    /** Size of the intersection of two sorted arrays of distinct ids. */
    private static int intersection(int[] left, int[] right)
    {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < left.length && j < right.length) {
            if (left[i] == right[j]) {
                shared++;
                i++;
                j++;
            }
            else if (left[i] < right[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        return shared;
    }

    /** Hubert and Arabie's index over the first cluster and first label of each item. */
    private static double adjustedRand(int[][] labels, int[][] clusters)
    {
        int n = labels.length;
        Map<Integer, long[]> clusterSizes = new TreeMap<>();
        Map<Integer, long[]> labelSizes = new TreeMap<>();
        Map<Long, long[]> cells = new TreeMap<>();
        for (int e = 0; e < n; e++) {
            int cluster = clusters[e][0];
            int label = labels[e][0];
            clusterSizes.computeIfAbsent(cluster, key -> new long[1])[0]++;
            labelSizes.computeIfAbsent(label, key -> new long[1])[0]++;
            cells.computeIfAbsent(((long) cluster << 32) | label, key -> new long[1])[0]++;
        }
        double index = 0;
        for (long[] cell : cells.values()) {
            index += pairs(cell[0]);
        }
        double clusterPairs = 0;
        for (long[] size : clusterSizes.values()) {
            clusterPairs += pairs(size[0]);
        }
        double labelPairs = 0;
        for (long[] size : labelSizes.values()) {
            labelPairs += pairs(size[0]);
        }
        double all = pairs(n);
        double expected = all == 0 ? 0 : clusterPairs * labelPairs / all;
        double maximum = (clusterPairs + labelPairs) / 2;
        // The denominator vanishes only when both sides are all singletons or both one cluster: the same partition.
        if (maximum - expected == 0) {
            return 1.0;
        }
        double ari = (index - expected) / (maximum - expected);
        return Math.max(-1.0, Math.min(1.0, ari));
    }

    private static double pairs(long count)
    {
        return count * (count - 1) / 2.0;
    }

    private static int distinct(int[][] assignment, int groups)
    {
        boolean[] used = new boolean[groups];
        int count = 0;
        for (int[] groupsOfItem : assignment) {
            for (int group : groupsOfItem) {
                if (!used[group]) {
                    used[group] = true;
                    count++;
                }
            }
        }
        return count;
    }
}
