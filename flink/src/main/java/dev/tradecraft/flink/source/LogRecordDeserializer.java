package dev.tradecraft.flink.source;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns input-topic records into {@link LogRecord}s. A record without the headers
 * {@link LogRecordCodec} asks for is skipped, counted ({@code tradecraftBadInputRecords}) and
 * logged: one bad producer must not stop the hunt of everyone else's logs, and a record that fails
 * would fail again on every restart.
 */
public final class LogRecordDeserializer implements KafkaRecordDeserializationSchema<LogRecord>
{
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogRecordDeserializer.class);

    private transient Counter badRecords;

    @Override
    public void open(DeserializationSchema.InitializationContext context)
    {
        badRecords = context.getMetricGroup().counter("tradecraftBadInputRecords");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> consumed, Collector<LogRecord> out)
    {
        LogRecord record;
        try {
            record = LogRecordCodec.decode(consumed);
        }
        catch (IllegalArgumentException e) {
            if (badRecords != null) {
                badRecords.inc();
            }
            LOG.warn("input record skipped: {}", e.getMessage());
            return;
        }
        out.collect(record);
    }

    @Override
    public TypeInformation<LogRecord> getProducedType()
    {
        return TypeInformation.of(LogRecord.class);
    }
}
