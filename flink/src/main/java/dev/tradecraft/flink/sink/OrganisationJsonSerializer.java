package dev.tradecraft.flink.sink;

import static dev.tradecraft.core.Checks.checkNotBlank;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes an {@link OrganisationJson} to its topic: key the organisation, value the JSON line, both UTF-8. */
public final class OrganisationJsonSerializer implements KafkaRecordSerializationSchema<OrganisationJson>
{
    private static final long serialVersionUID = 1L;

    private final String topic;

    public OrganisationJsonSerializer(String topic)
    {
        this.topic = checkNotBlank(topic, "topic");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(OrganisationJson hit, KafkaSinkContext context, Long timestamp)
    {
        return new ProducerRecord<>(topic, hit.organisation().getBytes(StandardCharsets.UTF_8), hit.json().getBytes(StandardCharsets.UTF_8));
    }
}
