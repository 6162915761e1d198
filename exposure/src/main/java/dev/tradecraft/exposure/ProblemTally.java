package dev.tradecraft.exposure;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tradecraft.exposure.scan.ScanProblem;

/**
 * Counts scan problems per kind and keeps the first few of each kind, so that a file with a million
 * broken lines costs a counter, not a million messages. Tallies of batches decoded on different
 * threads merge into the same counts and the same examples whatever the order they finish in:
 * examples are chosen by position, not arrival.
 *
 * <p>Not thread-safe: the reading thread and each batch have their own, merged once their futures
 * are done.
 */
final class ProblemTally
{
    /** At least as many as any caller asks {@link #examples} for. */
    private static final int KEPT_PER_KIND = 16;

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, List<ScanProblem>> examples = new HashMap<>();

    void add(ScanProblem problem)
    {
        requireNonNull(problem, "problem is null");
        counts.merge(problem.kind(), 1L, Long::sum);
        List<ScanProblem> kept = examples.computeIfAbsent(problem.kind(), kind -> new ArrayList<>());
        if (kept.size() < KEPT_PER_KIND) {
            kept.add(problem);
        }
    }

    /** Adds another tally's counts and examples; the union of each part's first examples holds the first of the whole. */
    void addAll(ProblemTally other)
    {
        other.counts.forEach((kind, count) -> counts.merge(kind, count, Long::sum));
        other.examples.forEach((kind, problems) -> examples.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(problems));
    }

    Map<String, Long> counts()
    {
        return Map.copyOf(counts);
    }

    /** The first {@code perKind} problems of each kind by position: file in the order given, then place in the file. */
    List<ScanProblem> examples(List<Path> files, int perKind)
    {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Path file : files) {
            fileOrder.putIfAbsent(file.toString(), fileOrder.size());
        }
        Comparator<ScanProblem> byPosition = Comparator
                .comparingInt((ScanProblem problem) -> fileOrder.getOrDefault(problem.position().file(), Integer.MAX_VALUE))
                .thenComparing(problem -> problem.position().file())
                .thenComparingLong(problem -> problem.position().index());
        List<ScanProblem> chosen = new ArrayList<>();
        for (String kind : counts.keySet()) {
            List<ScanProblem> problems = new ArrayList<>(examples.getOrDefault(kind, List.of()));
            problems.sort(byPosition);
            chosen.addAll(problems.subList(0, Math.min(perKind, problems.size())));
        }
        chosen.sort(byPosition);
        return chosen;
    }
}
