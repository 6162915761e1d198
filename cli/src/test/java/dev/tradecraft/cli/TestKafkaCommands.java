package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Hit;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.flink.source.LogRecordCodec;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/** kafka send and kafka hits against a real Kafka broker in this JVM (KRaft, loopback). */
class TestKafkaCommands
{
    @TempDir
    static Path temp;

    private static KafkaClusterTestKit kafka;
    private static World world;

    @BeforeAll
    static void startKafka() throws Exception
    {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        WorldSpec demo = WorldSpec.demo();
        world = new WorldGenerator(new WorldSpec(77, 4, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay() / 4)).write(temp.resolve("world"));
    }

    @AfterAll
    static void stopKafka() throws Exception
    {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void testKafkaCommandsAnswerHelp()
    {
        for (String command : new String[] {"kafka", "kafka send", "kafka hits"}) {
            CommandRun run = CommandRun.of((command + " --help").split(" "));
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: tradecraft " + command), command + ": " + run.out());
        }
    }

    @Test
    void testSendPutsEveryLogFileOnTheTopicNamedAsHuntNamesIt() throws Exception
    {
        createTopic("logs", 3);
        CommandRun run = CommandRun.of("kafka", "send", world.webLogs().toString(), world.events().toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic", "logs");
        assertEquals(0, run.exitCode(), run.err());
        List<LogFile> files = LogTree.discover(List.of(world.webLogs(), world.events()), Optional.empty());
        assertTrue(run.out().startsWith("sent " + files.size() + " of " + files.size() + " files, "), run.out());

        Set<String> sentFiles = new TreeSet<>();
        long dataLines = 0;
        for (ConsumerRecord<byte[], byte[]> consumed : readAll("logs")) {
            LogRecord record = LogRecordCodec.decode(consumed);
            sentFiles.add(record.organisation() + " " + record.host() + " " + record.file());
            if (!record.text().startsWith("#")) {
                dataLines++;
            }
        }
        Set<String> expectedFiles = new TreeSet<>();
        for (LogFile file : files) {
            expectedFiles.add(file.origin().organisation() + " " + file.origin().host() + " " + file.displayName());
        }
        assertEquals(expectedFiles, sentFiles);
        // Every event tradecraft hunt reads is one record (plus the IIS directives).
        long events = Hunter.builder(DetectionContent.load(List.of(), List.of(), Optional.empty()).ruleset()).threads(2).build().hunt(files).events();
        assertEquals(events, dataLines);
    }

    @Test
    void testSendOfAMissingRootIsInvalidInput()
    {
        CommandRun run = CommandRun.of("kafka", "send", temp.resolve("nowhere").toString(), "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("no such file or folder"), run.err());
    }

    @Test
    void testHitsWritesTheCommittedHitsAsJsonLines() throws Exception
    {
        createTopic("hits", 2);
        DetectionContent content = DetectionContent.load(List.of(), List.of(), Optional.empty());
        List<LogFile> files = LogTree.discover(List.of(world.webLogs(), world.events()), Optional.empty());
        List<Hit> hits = Hunter.builder(content.ruleset()).iocs(content.iocs()).threads(2).build().hunt(files).hits();
        assertTrue(hits.size() > 0, "the world gives hits");
        Set<String> written = new TreeSet<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-hits");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Hit hit : hits) {
                String json = HitJson.toJson(hit);
                written.add(json);
                producer.send(new ProducerRecord<>("hits", hit.origin().organisation().getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(new ProducerRecord<>("hits", null, "not a hit".getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            // An aborted transaction's hits are never shown: the job aborts those of a failed attempt.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("hits", null, HitJson.toJson(hits.get(0)).getBytes(StandardCharsets.UTF_8)));
            producer.abortTransaction();
        }

        Path out = temp.resolve("hits.jsonl");
        CommandRun run = CommandRun.of("kafka", "hits", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "hits", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(written, new TreeSet<>(lines));
        assertEquals(hits.size(), lines.size(), "each committed hit once, the aborted one not at all");
        assertTrue(run.err().contains(hits.size() + " hits read from hits, 1 records that are not hits skipped"), run.err());

        // Campaigns from the stream: the hits kept in a workspace give the campaigns a hunt of the same files gives.
        Path fromStream = temp.resolve("stream-workspace");
        CommandRun keep = CommandRun.of("kafka", "hits", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "hits", "--out",
                temp.resolve("again.jsonl").toString(), "--workspace", fromStream.toString());
        assertEquals(0, keep.exitCode(), keep.err());
        assertTrue(keep.err().contains(hits.size() + " new hits (" + hits.size() + " kept)"), keep.err());
        Path fromHunt = temp.resolve("hunt-workspace");
        assertEquals(0, CommandRun.of("hunt", world.webLogs().toString(), world.events().toString(), "--workspace", fromHunt.toString(), "--quiet")
                .exitCode());
        String campaigns = "SELECT campaign_id, verdict, confidence, organisations, intrusions FROM campaigns ORDER BY campaign_id";
        CommandRun streamCampaigns = CommandRun.of("sql", "--workspace", fromStream.toString(), "--format", "csv", campaigns);
        assertEquals(CommandRun.of("sql", "--workspace", fromHunt.toString(), "--format", "csv", campaigns).out(), streamCampaigns.out());
        assertTrue(streamCampaigns.out().lines().count() > 1, "the world has campaigns: " + streamCampaigns.out());
        CommandRun again = CommandRun.of("kafka", "hits", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "hits", "--out",
                temp.resolve("again.jsonl").toString(), "--workspace", fromStream.toString());
        assertTrue(again.err().contains("0 new hits (" + hits.size() + " kept)"), again.err());
    }

    private static void createTopic(String name, int partitions) throws Exception
    {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic)
    {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertTrue(System.nanoTime() < deadline, "reading " + topic + " took over 30 s");
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
