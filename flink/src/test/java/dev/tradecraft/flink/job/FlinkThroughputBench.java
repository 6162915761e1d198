package dev.tradecraft.flink.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;

import dev.tradecraft.flink.detect.DetectionSources;
import dev.tradecraft.flink.send.LogTreeSender;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/**
 * Events per second of the Flink job at parallelism 1 and 2 against the embedded hunt with 1 and 2
 * threads, on the same generated world, on this machine: the cost of the distributed path. The
 * Flink figure is the job's net runtime (Kafka source to Kafka sink, the in-process broker on the
 * same cores), not the time to send the input, which is reported apart. Not a test; run by hand:
 *
 * <pre>
 * mvn -o -q -pl flink -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp flink/target/test-classes:flink/target/classes:$(cat /tmp/cp.txt) dev.tradecraft.flink.job.FlinkThroughputBench [ORGANISATIONS]
 * </pre>
 */
public final class FlinkThroughputBench
{
    private FlinkThroughputBench() {}

    public static void main(String[] args) throws Exception
    {
        int organisations = args.length > 0 ? Integer.parseInt(args[0]) : WorldSpec.demo().organisations();
        Path dir = Files.createTempDirectory("tradecraft-flink-bench");
        WorldSpec demo = WorldSpec.demo();
        World world = new WorldGenerator(new WorldSpec(demo.seed(), organisations, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay())).write(dir);
        List<LogFile> files = LogTree.discover(List.of(world.webLogs(), world.events()), Optional.empty());
        DetectionContent content = DetectionContent.load(List.of(), List.of(), Optional.empty());

        long events = 0;
        int hits = 0;
        for (int threads = 1; threads <= 2; threads++) {
            Hunter hunter = Hunter.builder(content.ruleset()).iocs(content.iocs()).threads(threads).build();
            hunter.hunt(files);
            HuntResult result = hunter.hunt(files);
            events = result.events();
            hits = result.hits().size();
            report("embedded, " + threads + " thread(s)", events, result.elapsedNanos());
        }

        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("logs", 4);
            long started = System.nanoTime();
            LogTreeSender.Summary sent;
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                sent = new LogTreeSender(producer, "logs").send(files);
            }
            System.out.printf(Locale.ROOT, "sent %d files, %d records in %.1f s%n", sent.files(), sent.records(), (System.nanoTime() - started) / 1e9);
            // The first run pays for class loading and JIT; it is not reported.
            run(kafka, "warm-up", 2, DeliveryGuarantee.AT_LEAST_ONCE, hits);
            for (int parallelism = 1; parallelism <= 2; parallelism++) {
                for (DeliveryGuarantee guarantee : List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE)) {
                    String name = "p" + parallelism + "-" + guarantee.name().toLowerCase(Locale.ROOT);
                    long nanos = run(kafka, name, parallelism, guarantee, hits);
                    report("flink, parallelism " + parallelism + ", " + guarantee.name().toLowerCase(Locale.ROOT), events, nanos);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d events, %d hits, %d organisations%n", events, hits, organisations);
    }

    /** Runs the job over the whole input topic into a hits topic of its own; returns its net runtime. */
    private static long run(KafkaBroker kafka, String name, int parallelism, DeliveryGuarantee guarantee, int hits) throws Exception
    {
        kafka.createTopic("hits-" + name, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        long checkpoints = guarantee == DeliveryGuarantee.EXACTLY_ONCE ? 2000 : 0;
        HuntJob.define(env, new JobSettings(kafka.bootstrapServers(), "logs", "hits-" + name, "sightings-" + name, name, true, guarantee, name, checkpoints,
                DetectionSources.builtIn()));
        JobExecutionResult result = env.execute(name);
        int written = kafka.readAll("hits-" + name, Duration.ofSeconds(60)).size();
        if (written != hits) {
            throw new IllegalStateException(name + " wrote " + written + " hits, the embedded hunt found " + hits);
        }
        return result.getNetRuntime() * 1_000_000L;
    }

    private static void report(String what, long events, long nanos)
    {
        System.out.printf(Locale.ROOT, "%-45s %8.2f s %10.0f events/s%n", what, nanos / 1e9, events / (nanos / 1e9));
    }
}
