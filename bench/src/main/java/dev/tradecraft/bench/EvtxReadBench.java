package dev.tradecraft.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.AuxCounters;
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

import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.evtx.EvtxDumper;
import dev.tradecraft.readers.evtx.EvtxReader;
import dev.tradecraft.scenarios.EventFileFormat;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/**
 * EVTX decoding alone, files in memory, JIT warmed: the Windows logs of a seeded 20-organisation
 * ToolShell world written as .evtx, read into events ({@code EvtxReader}, what a hunt does) and
 * dumped as JSON lines ({@code EvtxDumper}, one thread). One operation is one file; the
 * {@code records} counter gives records/s. bench/evtx-speed.sh measures whole processes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx2g"})
public class EvtxReadBench
{
    private byte[][] files;

    /** Records decoded, reported by JMH as a rate beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Records
    {
        public long records;
        int next;
    }

    @Setup(Level.Trial)
    public void write() throws IOException
    {
        Path dir = Files.createTempDirectory("tradecraft-evtx-bench");
        World world = new WorldGenerator(new WorldSpec(20250718L, 20, LocalDate.of(2025, 7, 17), 5, 500), EventFileFormat.EVTX).write(dir);
        List<byte[]> read = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(world.events())) {
            for (Path file : paths.filter(path -> path.toString().endsWith(".evtx")).sorted().toList()) {
                read.add(Files.readAllBytes(file));
            }
        }
        files = read.toArray(new byte[0][]);
    }

    @Benchmark
    public long readEvents(Records counter) throws IOException
    {
        byte[] file = files[counter.next++ % files.length];
        long events = 0;
        try (EvtxReader reader = new EvtxReader(new ByteArrayInputStream(file), "bench.evtx", new Origin("o", "h"), problem -> { })) {
            while (reader.advance()) {
                events++;
            }
        }
        counter.records += events;
        return events;
    }

    @Benchmark
    public long dumpJsonLines(Records counter) throws IOException
    {
        byte[] file = files[counter.next++ % files.length];
        EvtxDumper dumper = new EvtxDumper(EvtxDumper.Format.JSONL, null, 1, new AtomicLong());
        long records = dumper.dump(new ByteArrayInputStream(file), "bench.evtx", OutputStream.nullOutputStream(), problem -> { }).records();
        counter.records += records;
        return records;
    }
}
