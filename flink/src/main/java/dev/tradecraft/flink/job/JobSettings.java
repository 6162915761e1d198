package dev.tradecraft.flink.job;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import org.apache.flink.connector.base.DeliveryGuarantee;

import dev.tradecraft.flink.detect.DetectionSources;

/**
 * What one run of the hunt job reads, writes and guarantees.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port,…}
 * @param inputTopic topic of log records ({@code dev.tradecraft.flink.source.LogRecordCodec})
 * @param hitsTopic topic the hits are written to, as hit JSON keyed by organisation
 * @param sightingsTopic topic the sightings are written to, as sighting JSON keyed by organisation
 * @param groupId consumer group, under which the source commits its offsets on checkpoints
 * @param bounded read up to the input's end offsets at start, then finish (a batch over what was sent); otherwise run until cancelled
 * @param guarantee {@code EXACTLY_ONCE} needs checkpointing and writes hits in Kafka transactions
 * @param transactionalIdPrefix unique per job on the cluster, for exactly-once
 * @param checkpointMillis checkpoint interval; 0 for none
 * @param detection the rules and indicators
 */
public record JobSettings(String bootstrapServers, String inputTopic, String hitsTopic, String sightingsTopic, String groupId, boolean bounded, DeliveryGuarantee guarantee,
        String transactionalIdPrefix, long checkpointMillis, DetectionSources detection) implements Serializable
{
    private static final long serialVersionUID = 1L;

    public JobSettings
    {
        checkNotBlank(bootstrapServers, "bootstrapServers");
        checkNotBlank(inputTopic, "inputTopic");
        checkNotBlank(hitsTopic, "hitsTopic");
        checkNotBlank(sightingsTopic, "sightingsTopic");
        checkArgument(!sightingsTopic.equals(hitsTopic), "hits and sightings need topics of their own: %s", hitsTopic);
        checkNotBlank(groupId, "groupId");
        requireNonNull(guarantee, "guarantee is null");
        checkNotBlank(transactionalIdPrefix, "transactionalIdPrefix");
        checkArgument(checkpointMillis >= 0, "checkpointMillis is negative: %s", checkpointMillis);
        checkArgument(guarantee != DeliveryGuarantee.EXACTLY_ONCE || checkpointMillis > 0,
                "exactly-once delivery commits hits on checkpoints: checkpointMillis must be positive");
        requireNonNull(detection, "detection is null");
    }
}
