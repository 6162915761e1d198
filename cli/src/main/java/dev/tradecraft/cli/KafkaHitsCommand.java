package dev.tradecraft.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.tradecraft.core.Hit;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.ingest.StoredHit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "hits", sortOptions = false,
        description = {
                "Read the hits the Flink job wrote, as JSON lines (the format of tradecraft hunt --out hits.jsonl).",
                "Reads every committed hit from the start of the topic up to its end when the command starts, then stops."})
final class KafkaHitsCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka brokers.")
    private String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Hits topic (default: tradecraft-hits).")
    private String topic = "tradecraft-hits";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the hits to FILE instead of stdout.")
    private Path out;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Also keep the hits in this workspace and recompute its organisations "
            + "and campaigns over everything kept there (how campaigns come from the stream; docs/scale-out.md).")
    private Path workspace;

    @Mixin
    private CampaignOptions campaignOptions = new CampaignOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up when the topic has not been read to its end by then (default: 60).")
    private int timeoutSeconds = 60;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stderr = spec.commandLine().getErr();
        Instant started = Instant.now();
        List<StoredHit> kept = new ArrayList<>();
        long hits = 0;
        long unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
                Writer writer = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8) : stdout()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(timeoutSeconds));
            if (partitions == null || partitions.isEmpty()) {
                stderr.println("tradecraft kafka hits: no topic " + TerminalText.safe(topic) + " at " + TerminalText.safe(bootstrapServers));
                return ExitCodes.NOTHING_DONE;
            }
            List<TopicPartition> assigned = partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // With read_committed these are the last stable offsets: hits of open transactions come later.
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    stderr.println("tradecraft kafka hits: stopped after " + timeoutSeconds + " s before the end of " + TerminalText.safe(topic));
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String line = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    try {
                        Hit hit = HitJson.read(line);
                        if (workspace != null) {
                            kept.add(new StoredHit(hit, line));
                        }
                    }
                    catch (IllegalArgumentException e) {
                        unreadable++;
                        stderr.println(TerminalText.safe(topic + "-" + record.partition() + "@" + record.offset() + ": not a hit: " + e.getMessage()));
                        continue;
                    }
                    writer.write(line);
                    writer.write('\n');
                    hits++;
                }
            }
        }
        stderr.println(hits + " hits read from " + TerminalText.safe(topic) + (unreadable == 0 ? "" : ", " + unreadable + " records that are not hits skipped"));
        if (workspace != null) {
            try (Workspace store = Workspace.open(workspace)) {
                WorkspaceRecorder.Recorded recorded = WorkspaceRecorder.keepStreamHits(store, kept, "kafka " + bootstrapServers + " " + topic, started,
                        campaignOptions.analyzer(stderr));
                HuntReporter.printWorkspace(recorded, workspace, stderr);
            }
            catch (StoreException e) {
                stderr.println("tradecraft kafka hits: " + TerminalText.safe(e.getMessage()));
                return ExitCodes.INVALID_INPUT;
            }
        }
        stderr.flush();
        return ExitCodes.OK;
    }

    private Writer stdout()
    {
        // Closed with the command's stdout left open: the writer only flushes into it.
        PrintWriter target = spec.commandLine().getOut();
        return new BufferedWriter(new Writer()
        {
            @Override
            public void write(char[] buffer, int offset, int length)
            {
                target.write(buffer, offset, length);
            }

            @Override
            public void flush()
            {
                target.flush();
            }

            @Override
            public void close()
            {
                target.flush();
            }
        });
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end)
    {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerConfig()
    {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }
}
