package dev.tradecraft.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

import dev.tradecraft.bench.SightingWorld.Kind;
import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.CampaignAnalyzer;

/**
 * Campaign clustering at scale: makes a {@link SightingWorld}, then times
 * {@code CampaignAnalyzer.analyzeSightings} on it and scores the campaigns against the truth.
 *
 * <pre>
 * java -Xmx4g -jar bench/target/tradecraft-bench.jar --organisations 10000 --sightings 1000000 --seed 20250718
 * </pre>
 *
 * Without options it runs a world of 100,000 sightings at 1,000 organisations, which takes seconds.
 * Peak heap is the sum over the heap memory pools of each pool's peak, measured separately for
 * generation and for the analysis (peaks reset in between, with the world resident): the pools
 * need not peak at the same moment, so it is an upper bound.
 */
public final class CampaignBench
{
    static final int DEFAULT_ORGANISATIONS = 1_000;
    static final int DEFAULT_SIGHTINGS = 100_000;
    static final long DEFAULT_SEED = 20250718L;
    private static final String USAGE = "usage: campaign-bench [--organisations N] [--sightings N] [--seed S] [--actors N] [--copycats N]\n"
            + "  defaults: --organisations " + DEFAULT_ORGANISATIONS + " --sightings " + DEFAULT_SIGHTINGS + " --seed " + DEFAULT_SEED
            + " --actors " + SightingWorld.Parameters.DEFAULT_ACTORS + " --copycats " + SightingWorld.Parameters.DEFAULT_COPYCATS;

    private CampaignBench() {}

    public static void main(String[] args)
    {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the bench; returns the exit code (0, or 2 for bad options). */
    static int run(String[] args, PrintStream out, PrintStream err)
    {
        SightingWorld.Parameters parameters;
        try {
            parameters = parse(args);
        }
        catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (parameters == null) {
            out.println(USAGE);
            return 0;
        }
        out.println(String.format(Locale.ROOT, "world: %,d sightings at %,d organisations, %d actors + %d copycats, seed %d", parameters.sightings(),
                parameters.organisations(), parameters.actors(), parameters.copycats(), parameters.seed()));

        long started = System.nanoTime();
        SightingWorld world = SightingWorld.generate(parameters);
        double generation = seconds(System.nanoTime() - started);
        long generationPeak = peakHeap();
        System.gc();
        long resident = usedHeap();
        resetPeaks();
        int lone = 0;
        for (SightingWorld.Actor actor : world.actors()) {
            lone += actor.kind() == Kind.LONE ? 1 : 0;
        }
        out.println(String.format(Locale.ROOT, "generation: %.1f s (%d lone intruders, %d public artefacts)", generation, lone,
                world.publicArtefacts().size()));

        CampaignAnalyzer analyzer = CampaignAnalyzer.builder().addPublicArtefacts(world.publicArtefacts()).build();
        long collections = collections();
        long collectionMillis = collectionMillis();
        started = System.nanoTime();
        CampaignAnalysis analysis = analyzer.analyzeSightings(world.sightings());
        double elapsed = seconds(System.nanoTime() - started);
        long analysisPeak = peakHeap();
        out.println(String.format(Locale.ROOT, "analysis: %.1f s (%,.0f sightings/s; %d collections, %.1f s in the collector)", elapsed,
                world.sightings().size() / elapsed, collections() - collections, (collectionMillis() - collectionMillis) / 1000.0));

        WorldScore score = WorldScore.of(world, analysis);
        int trueActors = parameters.actors() + parameters.copycats();
        out.println(String.format(Locale.ROOT, "sightings: %,d considered, %,d left as reconnaissance", analysis.sightings(),
                analysis.reconnaissance().size()));
        out.println(String.format(Locale.ROOT, "intrusions: %,d   profiles: %,d   edges: %,d", analysis.intrusions(), analysis.profiles(), analysis.edges()));
        out.println(String.format(Locale.ROOT, "campaigns: %,d (%,d at 2+ organisations; %,d single-actor, %,d multiple-actors, %,d undetermined)",
                score.campaigns(), score.multiOrganisation(), score.singleActor(), score.multipleActors(), score.undetermined()));
        out.println(String.format(Locale.ROOT,
                "true actors: %d (%d actors + %d copycats), %d of them in campaigns, each in median %d, at most %d campaigns; %d campaigns mix actors",
                trueActors, parameters.actors(), parameters.copycats(), score.trueActors(), score.medianSpread(), score.maxSpread(), score.mixedCampaigns()));
        out.println(String.format(Locale.ROOT, "copycats sharing a campaign with the actor they copy: %d of %d%s", score.copycatsWithOriginal().size(),
                parameters.copycats(), score.copycatsWithOriginal().isEmpty() ? "" : " (" + String.join("; ", score.copycatsWithOriginal()) + ")"));
        out.println(String.format(Locale.ROOT, "intrusions mixing actors: %,d", score.mixedIntrusions()));
        out.println("B-cubed over source IPs, campaigns: " + score.addresses());
        out.println("B-cubed over source IPs, inferred actors: " + score.inferredActors());
        out.println(String.format(Locale.ROOT, "peak heap: generation %,d MB, analysis %,d MB (world resident after GC: %,d MB)", megabytes(generationPeak),
                megabytes(analysisPeak), megabytes(resident)));
        return 0;
    }

    /** The parameters, or null when help was asked for. */
    static SightingWorld.Parameters parse(String[] args)
    {
        int organisations = DEFAULT_ORGANISATIONS;
        int sightings = DEFAULT_SIGHTINGS;
        long seed = DEFAULT_SEED;
        int actors = SightingWorld.Parameters.DEFAULT_ACTORS;
        int copycats = SightingWorld.Parameters.DEFAULT_COPYCATS;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--organisations" -> organisations = (int) number(option, value);
                case "--sightings" -> sightings = (int) number(option, value);
                case "--seed" -> seed = number(option, value);
                case "--actors" -> actors = (int) number(option, value);
                case "--copycats" -> copycats = (int) number(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option + ", must be one of: --organisations, --sightings, --seed, --actors, --copycats");
            }
        }
        return new SightingWorld.Parameters(organisations, sightings, actors, copycats, seed);
    }

    /** A whole number; {@code 1_000_000} and {@code 1,000,000} are accepted as written. */
    private static long number(String option, String text)
    {
        String digits = text.replace("_", "").replace(",", "");
        try {
            long value = Long.parseLong(digits);
            if (!option.equals("--seed") && (value < 0 || value > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(option + " is out of range: " + text);
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number: '" + text + "'");
        }
    }

    private static long peakHeap()
    {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetPeaks()
    {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long usedHeap()
    {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long collections()
    {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private static long collectionMillis()
    {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }

    private static double seconds(long nanos)
    {
        return nanos / 1e9;
    }

    private static long megabytes(long bytes)
    {
        return bytes / (1024 * 1024);
    }
}
