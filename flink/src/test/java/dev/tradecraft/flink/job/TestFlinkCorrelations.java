package dev.tradecraft.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

import dev.tradecraft.core.Hit;
import dev.tradecraft.flink.detect.DetectionSources;
import dev.tradecraft.flink.send.LogTreeSender;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.hunt.output.HitJson;

/**
 * A correlation rule (three ToolPane POSTs from one client within five minutes) through the job:
 * its base rule only feeds the correlation, so the hits topic holds the correlation's hit and not
 * the base matches, exactly as {@code tradecraft hunt --rules} reports them on the same log.
 */
class TestFlinkCorrelations
{
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() throws Exception
    {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() throws Exception
    {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Path fixture(String name) throws URISyntaxException
    {
        return Path.of(TestFlinkCorrelations.class.getResource("/correlation/" + name).toURI());
    }

    @Test
    void testCorrelationHitsEqualTheEmbeddedHunt() throws Exception
    {
        Path rules = fixture("rules");
        List<LogFile> files = LogTree.discover(List.of(fixture("logs")), Optional.empty());
        DetectionContent content = DetectionContent.load(List.of(rules), List.of(), Optional.empty());
        assertEquals(1, content.correlations().size(), "the fixture holds one correlation rule");
        List<String> expected = Hunter.builder(content.ruleset()).iocs(content.iocs()).correlations(content.correlations()).threads(2).build()
                .hunt(files).hits().stream().map(HitJson::toJson).sorted().toList();
        assertTrue(expected.stream().anyMatch(json -> json.contains("\"event_count\":\"3\"")), "the embedded hunt finds the correlation: " + expected);

        kafka.createTopic("correlation-logs", 2);
        kafka.createTopic("correlation-hits", 2);
        kafka.createTopic("correlation-sightings", 2);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            new LogTreeSender(producer, "correlation-logs").send(files);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        HuntJob.define(env, new JobSettings(kafka.bootstrapServers(), "correlation-logs", "correlation-hits", "correlation-sightings", "correlation",
                true, DeliveryGuarantee.AT_LEAST_ONCE, "correlation", 0, new DetectionSources(List.of(rules.toString()), List.of(), "")));
        env.execute("correlation");

        List<String> streamed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll("correlation-hits", Duration.ofSeconds(30))) {
            streamed.add(new String(record.value(), StandardCharsets.UTF_8));
        }
        assertEquals(expected, streamed.stream().sorted().toList());
        Hit correlation = HitJson.read(streamed.stream().filter(json -> json.contains("event_count")).findFirst().orElseThrow());
        assertEquals("6a4f0c1e-5d2b-4c1e-9a70-3c0e5c1f0001", correlation.rule().id());
    }
}
