package dev.tradecraft.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.campaigns.CampaignAnalyzer;
import dev.tradecraft.campaigns.observe.SightingExtractor;
import dev.tradecraft.campaigns.output.SightingJson;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.flink.detect.DetectionSources;
import dev.tradecraft.flink.send.LogTreeSender;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.output.HitJson;

/**
 * The whole distributed path on one machine: a generated world's IIS logs and Windows JSON events
 * are sent to a real (in-process) Kafka broker, the job runs on a Flink MiniCluster with two
 * parallel subtasks, and the hits it writes to the hits topic are exactly the hits
 * {@code tradecraft hunt}'s pipeline finds in the same files with the same built-in content.
 */
class TestFlinkJobEndToEnd
{
    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    @TempDir
    static Path temp;

    private static KafkaBroker kafka;
    private static List<LogFile> files;
    private static List<Hit> embeddedHits;

    @BeforeAll
    static void startKafkaAndHuntEmbedded() throws Exception
    {
        kafka = KafkaBroker.start();
        HuntedWorld world = HuntedWorld.create(temp.resolve("world"));
        files = world.files();
        embeddedHits = world.hits();
    }

    @AfterAll
    static void stopKafka() throws Exception
    {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void testHitsEqualTheEmbeddedHunt() throws Exception
    {
        kafka.createTopic("logs", 4);
        kafka.createTopic("hits", 2);
        kafka.createTopic("sightings", 2);
        LogTreeSender.Summary sent;
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            sent = new LogTreeSender(producer, "logs").send(files);
        }
        assertEquals(List.of(), sent.skipped(), "every file of the world is IIS or Windows JSON");
        assertEquals(files.size(), sent.files());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        HuntJob.define(env, new JobSettings(kafka.bootstrapServers(), "logs", "hits", "sightings", "end-to-end", true, DeliveryGuarantee.AT_LEAST_ONCE,
                "end-to-end", 0, DetectionSources.builtIn()));
        env.execute("end-to-end");

        List<String> streamed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll("hits", Duration.ofSeconds(30))) {
            streamed.add(new String(record.value(), StandardCharsets.UTF_8));
        }

        Set<String> expectedKeys = keys(embeddedHits.stream().map(HitJson::toJson).toList());
        assertTrue(expectedKeys.stream().anyMatch(key -> key.contains(".log")), "the world's web logs give hits");
        assertTrue(expectedKeys.stream().anyMatch(key -> key.contains(".json")), "the world's Windows events give hits");
        // The seeded world covers the cases that could go wrong on the way to Kafka.
        assertTrue(expectedKeys.stream().anyMatch(key -> key.contains(".gz:")), "hits in gzipped files");
        assertTrue(expectedKeys.stream().anyMatch(key -> key.contains(":record ")), "hits in pretty-printed JSON, positioned by record");
        assertEquals(embeddedHits.size(), expectedKeys.size(), "the embedded hunt gives each (position, rule) once");
        assertEquals(expectedKeys, keys(streamed));
        assertEquals(streamed.size(), keys(streamed).size(), "no hit is written twice");
        // Beyond the keys: the same events, times, matched fields and rule details.
        assertEquals(new TreeSet<>(embeddedHits.stream().map(HitJson::toJson).toList()), new TreeSet<>(streamed));

        // The sightings topic: what the campaigns code extracts from the embedded hunt's hits, one per hit that says something.
        List<String> sightings = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll("sightings", Duration.ofSeconds(30))) {
            sightings.add(new String(record.value(), StandardCharsets.UTF_8));
        }
        List<String> expectedSightings = embeddedHits.stream().map(SightingExtractor::extract).flatMap(Optional::stream).map(SightingJson::toJson)
                .sorted().toList();
        assertFalse(expectedSightings.isEmpty(), "the world's hits give sightings");
        assertEquals(expectedSightings, sightings.stream().sorted().toList());
        // And they read back into the campaigns code: the same campaigns as from the hunt's hits.
        List<Sighting> read = sightings.stream().map(SightingJson::read).toList();
        assertEquals(CampaignAnalyzer.builder().build().analyze(embeddedHits).campaigns(),
                CampaignAnalyzer.builder().build().analyzeSightings(ordered(read)).campaigns());
    }

    /** Sightings in the order the embedded analysis extracts them (hit order), whatever order the topic's partitions gave. */
    private static List<Sighting> ordered(List<Sighting> sightings)
    {
        List<Sighting> ordered = new ArrayList<>(sightings);
        ordered.sort(Comparator.comparing((Sighting sighting) -> sighting.origin().organisation())
                .thenComparing(sighting -> sighting.origin().host())
                .thenComparing(sighting -> sighting.evidence().file())
                .thenComparingLong(sighting -> sighting.evidence().index())
                .thenComparing(Sighting::ruleId));
        return ordered;
    }

    /** organisation, host, file, position and rule of each hit, read back through the hit JSON contract. */
    private static Set<String> keys(List<String> hitJson)
    {
        Set<String> keys = new TreeSet<>();
        for (String line : hitJson) {
            Hit hit = HitJson.read(line);
            keys.add(hit.origin().organisation() + " " + hit.origin().host() + " " + hit.position() + " " + hit.rule().id());
        }
        return keys;
    }
}
