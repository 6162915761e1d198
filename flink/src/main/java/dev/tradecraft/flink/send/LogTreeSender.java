package dev.tradecraft.flink.send;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.Producer;

import dev.tradecraft.flink.source.LogRecordCodec;
import dev.tradecraft.hunt.LogFile;

/**
 * Sends log files to the input topic, one record per line or JSON object ({@link FileRecords}),
 * for tests, benchmarks and moving existing logs to a cluster. The producer's own batching does the
 * rest; the caller closes it (which flushes).
 */
public final class LogTreeSender
{
    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public LogTreeSender(Producer<byte[], byte[]> producer, String topic)
    {
        this.producer = requireNonNull(producer, "producer is null");
        this.topic = checkNotBlank(topic, "topic");
    }

    /**
     * What was sent.
     *
     * @param files files sent
     * @param records records sent
     * @param skipped one line per file not sent, with the reason
     */
    public record Summary(int files, long records, List<String> skipped)
    {
        public Summary
        {
            skipped = List.copyOf(skipped);
        }
    }

    public Summary send(List<LogFile> files) throws IOException
    {
        requireNonNull(files, "files is null");
        int sentFiles = 0;
        long records = 0;
        List<String> skipped = new ArrayList<>();
        for (LogFile file : files) {
            FileRecords.Outcome outcome = FileRecords.cut(file, record -> producer.send(LogRecordCodec.encode(topic, record)));
            if (outcome.skipped().isPresent()) {
                skipped.add(file.displayName() + ": " + outcome.skipped().get());
            }
            else {
                sentFiles++;
                records += outcome.records();
            }
        }
        producer.flush();
        return new Summary(sentFiles, records, skipped);
    }
}
