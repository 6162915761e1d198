package dev.tradecraft.exposure;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import dev.tradecraft.core.Exposure;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.scan.BannerBatches;
import dev.tradecraft.exposure.scan.ScanException;
import dev.tradecraft.exposure.scan.ScanProblem;
import dev.tradecraft.exposure.scan.ScanReaders;

/**
 * Reads scan files and analyses every banner: the reading thread cuts files into batches (raw lines
 * where the layout allows) and hands them to workers named {@code tradecraft-exposure-N}, which
 * decode and analyse them; each batch keeps its own summary and problem tally, merged in file order
 * at the end, so the only shared state is the immutable analyzer and the output does not depend on
 * the thread count.
 */
public final class ExposureRun
{
    private static final int BATCH = 2048;
    private static final int EXAMPLES_PER_KIND = 5;
    private static final Comparator<Exposure> ORDER = Comparator.comparing(Exposure::address)
            .thenComparingInt(Exposure::port)
            .thenComparing(exposure -> exposure.evidence().file())
            .thenComparingLong(exposure -> exposure.evidence().index());

    /** The services an exposure report lists by default: SharePoint, on-premises or Online. */
    public static final Predicate<Exposure> SHAREPOINT = exposure -> exposure.kind().isSharePoint();

    private ExposureRun() {}

    /**
     * @param exposures the services the run was asked to keep, ordered by address, port and evidence
     * @param summary counts for the analyzer's first CVE
     * @param skippedFiles files not read at all, with the reason
     * @param problems count per problem kind inside the files read
     * @param problemExamples the first few problems of each kind, with file and line
     */
    public record Result(List<Exposure> exposures, ExposureSummary summary, List<String> skippedFiles, Map<String, Long> problems,
            List<ScanProblem> problemExamples, long elapsedNanos)
    {
        public Result
        {
            exposures = List.copyOf(exposures);
            requireNonNull(summary, "summary is null");
            skippedFiles = List.copyOf(skippedFiles);
            problems = Map.copyOf(problems);
            problemExamples = List.copyOf(problemExamples);
        }
    }

    /**
     * @param keep which analysed services to hold for the result (the rest are only counted): a
     *        million banners need not stay in memory to be summarised
     * @param banners counts banners analysed so far, for progress
     */
    public static Result run(List<Path> files, ExposureAnalyzer analyzer, int threads, Predicate<Exposure> keep, AtomicLong banners)
    {
        long started = System.nanoTime();
        WorkerSummaries summaries = new WorkerSummaries(analyzer.cves().get(0));
        // Problems met while reading; those met while decoding are tallied per batch, in the workers.
        ProblemTally readProblems = new ProblemTally();
        List<String> skipped = new ArrayList<>();
        List<Future<Partial>> partials = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), new NamedThreads());
        // Bounded hand-over: the reader waits when the workers fall behind, so memory stays flat.
        Semaphore inFlight = new Semaphore(Math.max(1, threads) * 4);
        try {
            for (Path file : files) {
                try (BannerBatches batches = ScanReaders.openBatches(file, file.toString(), readProblems::add)) {
                    Optional<BannerBatches.Batch> batch;
                    while ((batch = batches.next()).isPresent()) {
                        partials.add(submit(workers, inFlight, analyzer, summaries, batch.get(), keep, banners));
                    }
                }
                catch (ScanException e) {
                    skipped.add(file + ": " + e.problem().message());
                }
                catch (IOException e) {
                    skipped.add(file + ": " + e.getMessage());
                }
            }
            List<Exposure> kept = new ArrayList<>();
            ProblemTally problems = new ProblemTally();
            problems.addAll(readProblems);
            for (Future<Partial> future : partials) {
                Partial partial = future.get();
                kept.addAll(partial.kept());
                problems.addAll(partial.problems());
            }
            ExposureSummary summary = summaries.total();
            kept.sort(ORDER);
            return new Result(kept, summary, skipped, problems.counts(), problems.examples(files, EXAMPLES_PER_KIND), System.nanoTime() - started);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exposure analysis interrupted", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("exposure worker failed: " + e.getCause(), e.getCause());
        }
        finally {
            workers.shutdownNow();
        }
    }

    /** Banners already in memory (from the probe, say), analysed in the calling thread. */
    public static Result analyze(List<Banner> banners, ExposureAnalyzer analyzer, Predicate<Exposure> keep)
    {
        long started = System.nanoTime();
        ExposureSummary summary = new ExposureSummary(analyzer.cves().get(0));
        List<Exposure> kept = new ArrayList<>();
        for (Banner banner : banners) {
            Exposure exposure = analyzer.analyze(banner);
            summary.add(exposure);
            if (keep.test(exposure)) {
                kept.add(exposure);
            }
        }
        kept.sort(ORDER);
        return new Result(kept, summary, List.of(), Map.of(), List.of(), System.nanoTime() - started);
    }

    /** A batch's share of the result; the counts go to the worker's own summary. */
    private record Partial(List<Exposure> kept, ProblemTally problems) {}

    /**
     * Each worker thread counts into a summary of its own, so counting takes no lock and no merge
     * per batch; the summaries are added up once every batch is done (sums do not depend on order).
     */
    private static final class WorkerSummaries
    {
        private final String cve;
        private final Map<Thread, ExposureSummary> byThread = new ConcurrentHashMap<>();

        WorkerSummaries(String cve)
        {
            this.cve = cve;
        }

        ExposureSummary forCurrentThread()
        {
            return byThread.computeIfAbsent(Thread.currentThread(), thread -> new ExposureSummary(cve));
        }

        /** Only once the work is done: the futures' completion makes the workers' counts visible here. */
        ExposureSummary total()
        {
            ExposureSummary total = new ExposureSummary(cve);
            byThread.values().forEach(total::add);
            return total;
        }
    }

    private static Future<Partial> submit(ExecutorService workers, Semaphore inFlight, ExposureAnalyzer analyzer, WorkerSummaries summaries,
            BannerBatches.Batch batch, Predicate<Exposure> keep, AtomicLong banners) throws InterruptedException
    {
        inFlight.acquire();
        return workers.submit(() -> {
            try {
                ProblemTally problems = new ProblemTally();
                List<Banner> decoded = batch.banners(problems::add);
                ExposureSummary summary = summaries.forCurrentThread();
                List<Exposure> kept = new ArrayList<>();
                for (Banner banner : decoded) {
                    Exposure exposure = analyzer.analyze(banner);
                    summary.add(exposure);
                    if (keep.test(exposure)) {
                        kept.add(exposure);
                    }
                }
                banners.addAndGet(decoded.size());
                return new Partial(kept, problems);
            }
            finally {
                inFlight.release();
            }
        });
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory
    {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task)
        {
            Thread thread = new Thread(task, "tradecraft-exposure-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
