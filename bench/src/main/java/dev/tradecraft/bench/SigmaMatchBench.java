package dev.tradecraft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ReaderException;
import dev.tradecraft.readers.Readers;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaRuleLoader;
import dev.tradecraft.sigma.SigmaRuleset;

/**
 * Sigma matching alone, events in memory: every rule of SigmaHQ's rules, rules-emerging-threats and
 * rules-threat-hunting that compiles against the built-in mappings, over a mix of SigmaHQ's
 * regression events (attacks, one per rule with a case) and the Windows events of a seeded
 * ToolShell world (benign activity with some intrusions). One operation is one event, so the score
 * is events/s per thread; run with {@code -t 2} for two threads (bench/sigma-speed.sh does both).
 *
 * <p>{@code -Dtradecraft.corpus=DIR} points at the corpus (default {@code ../shared/corpus} from the
 * project root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx3g"})
public class SigmaMatchBench
{
    private SigmaRuleset ruleset;
    private Event[] events;

    /** Each thread walks the mix from its own place, so two threads do not touch the same events in step. */
    @State(Scope.Thread)
    public static class Cursor
    {
        int next;
    }

    @Setup(Level.Trial)
    public void load() throws IOException
    {
        Path corpus = Path.of(System.getProperty("tradecraft.corpus", "../shared/corpus"));
        if (!Files.isDirectory(corpus.resolve("sigma/rules"))) {
            throw new IllegalStateException(corpus.toAbsolutePath() + " holds no sigma/rules; give -Dtradecraft.corpus=DIR");
        }
        RuleLoadResult loaded = new SigmaRuleLoader().load(List.of(corpus.resolve("sigma/rules"), corpus.resolve("sigma/rules-emerging-threats"),
                corpus.resolve("sigma/rules-threat-hunting")));
        ruleset = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn());
        List<Event> mix = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("sigma-regression/regression_data"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                read(file, mix);
            }
        }
        Path worldDir = Files.createTempDirectory("tradecraft-sigma-bench");
        World world = new WorldGenerator(WorldSpec.demo()).write(worldDir);
        try (Stream<Path> files = Files.walk(world.events())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                read(file, mix);
            }
        }
        events = mix.toArray(new Event[0]);
        System.out.println("\nSigmaMatchBench: " + ruleset.rules().size() + " rules, " + events.length + " events in the mix; " + ruleset);
    }

    private static void read(Path file, List<Event> into)
    {
        try (EventReader reader = Readers.open(file, file.getFileName().toString(), new Origin("bench", "host"), problem -> {})) {
            while (reader.advance()) {
                into.add(reader.current());
            }
        }
        catch (ReaderException e) {
            // A file no reader takes (the odd one in the regression data) is simply not in the mix.
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event against every rule; returns the matches so the work cannot be optimised away. */
    @Benchmark
    public int matchOneEvent(Cursor cursor)
    {
        Event event = events[cursor.next];
        cursor.next = cursor.next + 1 == events.length ? 0 : cursor.next + 1;
        int[] matches = new int[1];
        ruleset.match(event, (rule, fields) -> matches[0]++);
        return matches[0];
    }
}
