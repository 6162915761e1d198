package dev.tradecraft.hunt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Collects read problems from all hunt threads: a count per kind and the first few examples of
 * each, so a summary can say "1,204 MALFORMED_LINE, e.g. a/b/u_ex250718.log:88" without holding
 * millions of messages.
 */
public final class ProblemSummary implements ProblemSink
{
    public static final int EXAMPLES_PER_KIND = 5;

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, List<ReadProblem>> examples = new TreeMap<>();

    @Override
    public synchronized void report(ReadProblem problem)
    {
        String kind = problem.kind().name();
        counts.merge(kind, 1L, Long::sum);
        List<ReadProblem> kept = examples.computeIfAbsent(kind, key -> new ArrayList<>());
        if (kept.size() < EXAMPLES_PER_KIND) {
            kept.add(problem);
        }
    }

    /** Problem count per kind, sorted by kind. */
    public synchronized Map<String, Long> counts()
    {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** Up to {@link #EXAMPLES_PER_KIND} examples per kind, in the order they were reported. */
    public synchronized List<ReadProblem> examples()
    {
        List<ReadProblem> all = new ArrayList<>();
        examples.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    public synchronized long total()
    {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }
}
