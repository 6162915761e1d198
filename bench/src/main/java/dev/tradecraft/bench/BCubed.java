package dev.tradecraft.bench;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * B-cubed precision and recall (Bagga and Baldwin 1998) of a predicted clustering against true
 * labels, one of each per item: per item, the share of its cluster that has its label and the share
 * of its label that is in its cluster, averaged over the items.
 *
 * @param items how many items were scored
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @param f1 their harmonic mean
 */
record BCubed(int items, double precision, double recall, double f1)
{
    BCubed
    {
        checkArgument(items >= 0, "items is negative: %s", items);
    }

    /**
     * @param truth every item to score with its label
     * @param predicted item to cluster; an item missing here is a cluster of its own; items the
     *        truth does not know are ignored
     */
    static BCubed score(Map<String, String> truth, Map<String, String> predicted)
    {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        if (truth.isEmpty()) {
            return new BCubed(0, 1, 1, 1);
        }
        // Each item of a (cluster, label) cell of size n scores n / |cluster| and n / |label|: n² / size per cell.
        Map<String, Integer> clusterSizes = new HashMap<>();
        Map<String, Integer> labelSizes = new HashMap<>();
        Map<String, Integer> cells = new HashMap<>();
        Map<String, String> clusterOf = new HashMap<>();
        for (Map.Entry<String, String> item : truth.entrySet()) {
            String cluster = predicted.getOrDefault(item.getKey(), "\u0000" + item.getKey());
            clusterOf.put(item.getKey(), cluster);
            clusterSizes.merge(cluster, 1, Integer::sum);
            labelSizes.merge(item.getValue(), 1, Integer::sum);
            cells.merge(cluster + "\u0001" + item.getValue(), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (Map.Entry<String, String> item : truth.entrySet()) {
            String cluster = clusterOf.get(item.getKey());
            double shared = cells.get(cluster + "\u0001" + item.getValue());
            precision += shared / clusterSizes.get(cluster);
            recall += shared / labelSizes.get(item.getValue());
        }
        int n = truth.size();
        precision /= n;
        recall /= n;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BCubed(n, precision, recall, f1);
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f over %d items", precision, recall, f1, items);
    }
}
