package dev.tradecraft.flink.job;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import dev.tradecraft.flink.correlate.CorrelateFunction;
import dev.tradecraft.flink.detect.DetectFunction;
import dev.tradecraft.flink.sink.OrganisationJson;
import dev.tradecraft.flink.sink.OrganisationJsonSerializer;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.flink.source.LogRecordDeserializer;

/**
 * The job graph: Kafka log records → keyed by file → detection → hits topic.
 *
 * <pre>
 * input topic ──KafkaSource──► LogRecord ──keyBy(file)──► DetectFunction ──► hits (OrganisationJson) ──KafkaSink──► hits topic
 *                                                              ├─ side output: sightings ──KafkaSink──► sightings topic
 *                                                              └─ side output: base matches ──► CorrelateFunction ──► hits, sightings
 * </pre>
 * Keying by file keeps a file's lines in order on one subtask, which IIS needs (a line is read with
 * the {@code #Fields} before it), and spreads files over the parallel subtasks.
 */
public final class HuntJob
{
    private HuntJob() {}

    /** Adds the job to {@code env}; the caller executes it. */
    // The connector takes Kafka's deprecated OffsetResetStrategy; it has no overload for its replacement yet.
    @SuppressWarnings("deprecation")
    public static void define(StreamExecutionEnvironment env, JobSettings settings)
    {
        requireNonNull(env, "env is null");
        requireNonNull(settings, "settings is null");
        if (settings.checkpointMillis() > 0) {
            env.enableCheckpointing(settings.checkpointMillis());
        }
        KafkaSourceBuilder<LogRecord> source = KafkaSource.<LogRecord>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.inputTopic())
                .setGroupId(settings.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new LogRecordDeserializer());
        if (settings.bounded()) {
            source.setBounded(OffsetsInitializer.latest());
        }
        DataStream<LogRecord> records = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "log records");
        SingleOutputStreamOperator<OrganisationJson> detected = records
                .keyBy(LogRecord::fileKey)
                .process(new DetectFunction(settings.detection()))
                .name("detect");
        SingleOutputStreamOperator<OrganisationJson> correlated = detected.getSideOutput(DetectFunction.BASE_MATCHES)
                .keyBy(match -> CorrelateFunction.KEY)
                .process(new CorrelateFunction(settings.detection()))
                .name("correlate")
                .setParallelism(1);
        detected.union(correlated).sinkTo(sink(settings, settings.hitsTopic(), "-hits")).name("hits");
        detected.getSideOutput(DetectFunction.SIGHTINGS).union(correlated.getSideOutput(DetectFunction.SIGHTINGS))
                .sinkTo(sink(settings, settings.sightingsTopic(), "-sightings")).name("sightings");
    }

    private static KafkaSink<OrganisationJson> sink(JobSettings settings, String topic, String transactionalSuffix)
    {
        return KafkaSink.<OrganisationJson>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(new OrganisationJsonSerializer(topic))
                .setDeliveryGuarantee(settings.guarantee())
                // Each sink needs transactional ids of its own.
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + transactionalSuffix)
                // The sink asks for an hour; brokers refuse more than transaction.max.timeout.ms, 15 minutes by default.
                .setProperty("transaction.timeout.ms", "900000")
                .build();
    }
}
