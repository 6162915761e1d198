package dev.tradecraft.hunt;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.hunt.ioc.IocIndicator;
import dev.tradecraft.hunt.ioc.IocMatcher;
import dev.tradecraft.hunt.verdict.OrganisationAssessor;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.ReaderException;
import dev.tradecraft.readers.Readers;
import dev.tradecraft.sigma.SigmaRule;
import dev.tradecraft.sigma.SigmaRuleset;
import dev.tradecraft.sigma.correlation.CorrelationEngine;
import dev.tradecraft.sigma.correlation.CorrelationHit;
import dev.tradecraft.sigma.correlation.RuleMatch;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;

/**
 * The hunt pipeline: each file is read by the reader its content calls for, every event is
 * matched against the Sigma ruleset and the indicators, and the hits are gathered, ordered and
 * judged per organisation; correlation rules then run over the matches of the rules they
 * reference, across all files in event time. Build once, hunt many times; {@link #hunt} is thread-safe.
 *
 * <p>Files are the unit of parallel work; each worker owns its reader and its hit list, so the
 * only shared state is the immutable ruleset and the counters.
 */
public final class Hunter
{
    /** Chunks per part of a large EVTX file by default: 16 MiB, a few thousand events. */
    private static final long PART_CHUNKS = 256;
    /** A chunk of an EVTX file is 64 KiB; smaller files are not worth opening to count chunks. */
    private static final long EVTX_CHUNK_BYTES = 65536;

    // Workers publish event counts in batches to keep the counter off the hot path.
    private static final int COUNTER_BATCH = 4096;

    private final SigmaRuleset ruleset;
    private final IocMatcher iocs;
    private final int threads;
    private final long partChunks;
    private final Map<SigmaRule, RuleRef> ruleRefs;
    private final CorrelationEngine correlations;
    private final Map<String, RuleRef> correlationRefs;

    private Hunter(Builder builder)
    {
        this.ruleset = builder.ruleset;
        this.iocs = builder.iocs;
        this.threads = builder.threads;
        this.partChunks = builder.partChunks;
        Map<SigmaRule, RuleRef> refs = new IdentityHashMap<>();
        for (SigmaRule rule : ruleset.rules()) {
            refs.put(rule, rule.ref());
        }
        this.ruleRefs = refs;
        this.correlations = new CorrelationEngine(builder.correlations);
        Map<String, RuleRef> correlationRefs = new HashMap<>();
        for (SigmaCorrelation correlation : builder.correlations) {
            correlationRefs.put(correlation.id(), correlation.ref());
        }
        this.correlationRefs = correlationRefs;
    }

    public static Builder builder(SigmaRuleset ruleset)
    {
        return new Builder(ruleset);
    }

    public SigmaRuleset ruleset()
    {
        return ruleset;
    }

    public IocMatcher iocs()
    {
        return iocs;
    }

    public CorrelationEngine correlations()
    {
        return correlations;
    }

    public HuntResult hunt(List<LogFile> files)
    {
        return hunt(files, new HuntCounters());
    }

    /** Hunts the files, updating {@code counters} as it goes so a caller can show progress. */
    public HuntResult hunt(List<LogFile> files, HuntCounters counters)
    {
        requireNonNull(files, "files is null");
        requireNonNull(counters, "counters is null");
        long started = System.nanoTime();
        long bytes = 0;
        for (LogFile file : files) {
            bytes += file.size();
        }
        counters.plan(files.size(), bytes);
        ProblemSummary problems = new ProblemSummary();

        List<Part> parts = new ArrayList<>(files.size());
        for (LogFile file : files) {
            parts.addAll(partsOf(file));
        }
        List<FileResult> results = new ArrayList<>(files.size());
        int poolSize = Math.max(1, Math.min(threads, parts.size()));
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, new HuntThreadFactory());
        try {
            List<Future<FileResult>> futures = new ArrayList<>(parts.size());
            for (Part part : parts) {
                futures.add(pool.submit(() -> huntPart(part, problems, counters)));
            }
            FileResult partial = null;
            for (int i = 0; i < parts.size(); i++) {
                FileResult result = futures.get(i).get();
                partial = partial == null ? result : partial.join(result);
                if (parts.get(i).last()) {
                    results.add(partial);
                    partial = null;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("hunt interrupted", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("hunt worker failed: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
        }

        List<Hit> hits = new ArrayList<>();
        List<FileOutcome> outcomes = new ArrayList<>(results.size());
        Map<String, Set<String>> organisations = new TreeMap<>();
        long events = 0;
        for (FileResult result : results) {
            hits.addAll(result.hits());
            outcomes.add(result.outcome());
            events += result.outcome().events();
            if (result.outcome().wasRead()) {
                organisations.computeIfAbsent(result.outcome().file().origin().organisation(), name -> new TreeSet<>())
                        .add(result.outcome().file().origin().host());
            }
        }
        Correlated correlated = correlate(hits);
        hits = correlated.hits();
        hits.sort(HIT_ORDER);
        long elapsedNanos = System.nanoTime() - started;
        return new HuntResult(outcomes, hits, OrganisationAssessor.assess(organisations, hits), problems, events, elapsedNanos, correlated.untimed());
    }

    /**
     * A large plain EVTX file (at least two parts' worth) is hunted in parts of {@code partChunks}
     * chunks, one worker each, as its chunks are independent: a domain controller's 4 GB Security
     * log would otherwise keep one core busy and the others idle. Every other file is one part.
     */
    private List<Part> partsOf(LogFile file)
    {
        if (threads == 1 || file.size() < 2 * partChunks * EVTX_CHUNK_BYTES) {
            return List.of(Part.whole(file));
        }
        long chunks;
        try {
            chunks = Readers.evtxChunkCount(file.path());
        }
        catch (IOException e) {
            // Opening it again in the worker reports the problem properly.
            return List.of(Part.whole(file));
        }
        if (chunks < 2 * partChunks) {
            return List.of(Part.whole(file));
        }
        List<Part> parts = new ArrayList<>();
        for (long first = 0; first < chunks; first += partChunks) {
            boolean last = first + partChunks >= chunks;
            // The last part reads on to the end, whatever the size said when the hunt started.
            long bytes = file.size() * Math.min(partChunks, chunks - first) / chunks;
            parts.add(new Part(file, first, last ? Long.MAX_VALUE : partChunks, last, bytes));
        }
        return parts;
    }

    /** Where each part of {@code file} starts, in chunks; one -1 for a file hunted whole. */
    List<Long> partStarts(LogFile file)
    {
        return partsOf(file).stream().map(Part::firstChunk).toList();
    }

    private FileResult huntPart(Part part, ProblemSummary problems, HuntCounters counters)
    {
        LogFile file = part.file();
        List<Hit> hits = new ArrayList<>();
        long events = 0;
        long pending = 0;
        try (EventReader reader = part.isWhole()
                ? Readers.open(file.path(), file.displayName(), file.origin(), problems)
                : Readers.openEvtxChunks(file.path(), file.displayName(), file.origin(), problems, part.firstChunk(), part.chunkCount())) {
            Map<IocIndicator, Boolean> seenInEvent = new LinkedHashMap<>();
            while (reader.advance()) {
                Event event = reader.current();
                events++;
                if (++pending == COUNTER_BATCH) {
                    counters.addEvents(pending);
                    pending = 0;
                }
                int before = hits.size();
                ruleset.match(event, (rule, matchedFields) -> hits.add(new Hit(refOf(rule), event, matchedFields)));
                if (!iocs.isEmpty()) {
                    seenInEvent.clear();
                    iocs.match(event, (indicator, field, value) -> {
                        if (seenInEvent.putIfAbsent(indicator, Boolean.TRUE) == null) {
                            hits.add(new Hit(indicator.ref(), event, Map.of(field, value)));
                        }
                    });
                }
                if (hits.size() > before) {
                    counters.addHits(hits.size() - before);
                }
            }
            counters.addEvents(pending);
            done(part, counters);
            return new FileResult(FileOutcome.read(file, reader.format().name(), events, reader.linesOrRecordsSkipped()), hits);
        }
        catch (ReaderException e) {
            // Only opening throws this: the whole file is unreadable (binary, unknown format…).
            done(part, counters);
            return new FileResult(FileOutcome.skipped(file, e.problem().message()), List.of());
        }
        catch (IOException | RuntimeException e) {
            counters.addEvents(pending);
            done(part, counters);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (events == 0) {
                return new FileResult(FileOutcome.skipped(file, reason), List.of());
            }
            // Failed part-way: keep what was found before the failure and say where it stopped.
            problems.report(new ReadProblem(SourcePosition.record(file.displayName(), events + 1), ProblemKind.IO_ERROR,
                    "stopped reading after " + events + " events: " + reason));
            return new FileResult(FileOutcome.read(file, "partial", events, 1), hits);
        }
    }

    /**
     * The per-file pass found every base match; correlations need them across files, in event
     * time, which the engine's own sort gives whatever order the workers finished in. Matches of
     * rules that only feed correlations (no {@code generate: true}) are not reported themselves.
     */
    private Correlated correlate(List<Hit> found)
    {
        if (correlations.isEmpty()) {
            return new Correlated(found, 0);
        }
        List<RuleMatch> matches = new ArrayList<>();
        List<Hit> reported = new ArrayList<>(found.size());
        long untimed = 0;
        for (Hit hit : found) {
            boolean sigma = hit.rule().kind() == RuleRef.Kind.SIGMA;
            if (sigma && correlations.baseRuleIds().contains(hit.rule().id())) {
                matches.add(new RuleMatch(hit.rule().id(), hit.event(), hit.matchedFields()));
                if (hit.event().time().isEmpty()) {
                    untimed++;
                }
            }
            if (!sigma || correlations.reportsOwnMatches(hit.rule().id())) {
                reported.add(hit);
            }
        }
        for (CorrelationHit hit : correlations.evaluate(matches)) {
            String id = hit.correlation().id();
            if (correlations.reportsOwnMatches(id)) {
                reported.add(new Hit(correlationRefs.get(id), hit.event(), hit.fields()));
            }
        }
        return new Correlated(reported, untimed);
    }

    /** The hits to report, and how many base matches the correlations left out for want of a time. */
    private record Correlated(List<Hit> hits, long untimed) {}

    private RuleRef refOf(SigmaRule rule)
    {
        RuleRef ref = ruleRefs.get(rule);
        return ref != null ? ref : rule.ref();
    }

    /** Hits in a stable order: organisation, host, file, position, rule. */
    public static final Comparator<Hit> HIT_ORDER = Comparator
            .comparing((Hit hit) -> hit.origin().organisation())
            .thenComparing(hit -> hit.origin().host())
            .thenComparing(hit -> hit.position().file())
            .thenComparingLong(hit -> hit.position().index())
            .thenComparing(hit -> hit.rule().id());

    private static void done(Part part, HuntCounters counters)
    {
        long bytes = part.bytes();
        if (part.last()) {
            counters.fileDone(bytes);
        }
        else {
            counters.partDone(bytes);
        }
    }

    private record FileResult(FileOutcome outcome, List<Hit> hits)
    {
        /** This part's result followed by the next part's of the same file. */
        FileResult join(FileResult next)
        {
            List<Hit> joined = new ArrayList<>(hits.size() + next.hits.size());
            joined.addAll(hits);
            joined.addAll(next.hits);
            if (!outcome.wasRead()) {
                return new FileResult(outcome, joined);
            }
            if (!next.outcome.wasRead()) {
                return new FileResult(outcome, joined);
            }
            return new FileResult(FileOutcome.read(outcome.file(), outcome.format().orElseThrow(), outcome.events() + next.outcome.events(),
                    outcome.skippedUnits() + next.outcome.skippedUnits()), joined);
        }
    }

    /**
     * A file, or the chunks {@code [firstChunk, firstChunk + chunkCount)} of a large EVTX file.
     *
     * @param last whether the file is done when this part is
     * @param bytes its share of the file's size, for progress
     */
    private record Part(LogFile file, long firstChunk, long chunkCount, boolean last, long bytes)
    {
        static Part whole(LogFile file)
        {
            return new Part(file, -1, 0, true, file.size());
        }

        boolean isWhole()
        {
            return firstChunk < 0;
        }

    }

    private static final class HuntThreadFactory implements ThreadFactory
    {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task)
        {
            Thread thread = new Thread(task, "tradecraft-hunt-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }

    public static final class Builder
    {
        private final SigmaRuleset ruleset;
        private IocMatcher iocs = IocMatcher.empty();
        private int threads = Runtime.getRuntime().availableProcessors();
        private long partChunks = PART_CHUNKS;
        private List<SigmaCorrelation> correlations = List.of();

        private Builder(SigmaRuleset ruleset)
        {
            this.ruleset = requireNonNull(ruleset, "ruleset is null");
        }

        public Builder iocs(IocMatcher iocs)
        {
            this.iocs = requireNonNull(iocs, "iocs is null");
            return this;
        }

        /**
         * Correlation rules over the ruleset's matches, resolved as {@link dev.tradecraft.sigma.RuleLoadResult#correlations()}
         * gives them.
         */
        public Builder correlations(List<SigmaCorrelation> correlations)
        {
            this.correlations = List.copyOf(requireNonNull(correlations, "correlations is null"));
            return this;
        }

        /** Chunks per part when a large EVTX file is shared among workers (default 256, 16 MiB). */
        public Builder evtxPartChunks(long partChunks)
        {
            checkArgument(partChunks >= 1, "partChunks must be at least 1: %s", partChunks);
            this.partChunks = partChunks;
            return this;
        }

        public Builder threads(int threads)
        {
            checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
            this.threads = threads;
            return this;
        }

        public Hunter build()
        {
            return new Hunter(this);
        }
    }
}
