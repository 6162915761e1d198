package dev.tradecraft.sigma.correlation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running aggregate of one group's window. Entries are added as they arrive and removed as
 * they leave the window, so the cost per match does not grow with the window (temporal_ordered,
 * which must look at the order, scans the window instead).
 */
interface Aggregator
{
    void add(WindowEntry entry);

    void remove(WindowEntry entry);

    /** The aggregate after {@code latest} was added, {@code window} holding every entry in order. */
    double value(WindowEntry latest, Deque<WindowEntry> window);

    /**
     * Whether each match is judged on its own (value_percentile: is this value rare?) rather than
     * the window as a whole, which reports once each time the condition becomes true.
     */
    default boolean judgesEachMatch()
    {
        return false;
    }

    static Aggregator of(CorrelationType type, int upstreams)
    {
        return switch (type) {
            case EVENT_COUNT -> new Count();
            case VALUE_COUNT -> new DistinctValues();
            case TEMPORAL -> new DistinctRules(upstreams);
            case TEMPORAL_ORDERED -> new OrderedRules(upstreams);
            case VALUE_SUM -> new Sum(false);
            case VALUE_AVG -> new Sum(true);
            case VALUE_PERCENTILE -> new PercentileRank();
        };
    }

    /** event_count: matches in the window. */
    final class Count implements Aggregator
    {
        private long count;

        @Override
        public void add(WindowEntry entry)
        {
            count++;
        }

        @Override
        public void remove(WindowEntry entry)
        {
            count--;
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            return count;
        }
    }

    /** value_count: distinct values of the field in the window (compared exactly, as the values were read). */
    final class DistinctValues implements Aggregator
    {
        private final Map<String, Integer> counts = new HashMap<>();

        @Override
        public void add(WindowEntry entry)
        {
            counts.merge(entry.value(), 1, Integer::sum);
        }

        @Override
        public void remove(WindowEntry entry)
        {
            counts.computeIfPresent(entry.value(), (value, count) -> count == 1 ? null : count - 1);
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            return counts.size();
        }
    }

    /** temporal: how many of the referenced rules matched in the window, in any order. */
    final class DistinctRules implements Aggregator
    {
        private final int[] counts;
        private int distinct;

        DistinctRules(int upstreams)
        {
            counts = new int[upstreams];
        }

        @Override
        public void add(WindowEntry entry)
        {
            if (counts[entry.upstream()]++ == 0) {
                distinct++;
            }
        }

        @Override
        public void remove(WindowEntry entry)
        {
            if (--counts[entry.upstream()] == 0) {
                distinct--;
            }
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            return distinct;
        }
    }

    /**
     * temporal_ordered: how many of the referenced rules, from the first on, matched one after the
     * other in the listed order within the window. Taking the earliest match of each next rule
     * finds the longest such run.
     */
    final class OrderedRules implements Aggregator
    {
        private final int upstreams;

        OrderedRules(int upstreams)
        {
            this.upstreams = upstreams;
        }

        @Override
        public void add(WindowEntry entry)
        {
            // The order is read from the window itself.
        }

        @Override
        public void remove(WindowEntry entry)
        {
            // The order is read from the window itself.
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            int next = 0;
            for (WindowEntry entry : window) {
                if (entry.upstream() == next) {
                    next++;
                    if (next == upstreams) {
                        break;
                    }
                }
            }
            return next;
        }
    }

    /** value_sum and value_avg, kept exact in decimal so removing a value restores the sum before it. */
    final class Sum implements Aggregator
    {
        private final boolean average;
        private BigDecimal sum = BigDecimal.ZERO;
        private long count;

        Sum(boolean average)
        {
            this.average = average;
        }

        @Override
        public void add(WindowEntry entry)
        {
            sum = sum.add(BigDecimal.valueOf(entry.number()));
            count++;
        }

        @Override
        public void remove(WindowEntry entry)
        {
            sum = sum.subtract(BigDecimal.valueOf(entry.number()));
            count--;
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            if (!average) {
                return sum.doubleValue();
            }
            return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
        }
    }

    /**
     * value_percentile: the percentile rank of the latest value among the window's values, the
     * share (0–100) of values at or below it — so {@code lte: 1} holds for a value in the lowest 1 %.
     */
    final class PercentileRank implements Aggregator
    {
        private final TreeMap<Double, Integer> counts = new TreeMap<>();
        private long total;

        @Override
        public void add(WindowEntry entry)
        {
            counts.merge(entry.number(), 1, Integer::sum);
            total++;
        }

        @Override
        public void remove(WindowEntry entry)
        {
            counts.computeIfPresent(entry.number(), (value, count) -> count == 1 ? null : count - 1);
            total--;
        }

        @Override
        public double value(WindowEntry latest, Deque<WindowEntry> window)
        {
            long atOrBelow = 0;
            for (int count : counts.headMap(latest.number(), true).values()) {
                atOrBelow += count;
            }
            return 100.0 * atOrBelow / total;
        }

        @Override
        public boolean judgesEachMatch()
        {
            return true;
        }
    }
}
