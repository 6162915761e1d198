package dev.tradecraft.flink.source;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.LogFormat;

/**
 * How a {@link LogRecord} travels on the input topic. The value is the text in UTF-8, untouched, so
 * other producers (Fluent Bit, Vector, Kafka Connect) can write it; where it came from travels in
 * headers:
 * <ul>
 * <li>{@value #ORGANISATION}, {@value #HOST}, {@value #FILE}: who and which file;</li>
 * <li>{@value #FORMAT}: {@code iis_w3c} or {@code windows_json};</li>
 * <li>{@value #LINE} or {@value #RECORD}: the 1-based position, as decimal text.</li>
 * </ul>
 * The key is {@link LogRecord#fileKey()}, so all records of a file land in one partition, in order:
 * an IIS line means nothing without the {@code #Fields} line before it.
 */
public final class LogRecordCodec
{
    public static final String ORGANISATION = "tc-organisation";
    public static final String HOST = "tc-host";
    public static final String FILE = "tc-file";
    public static final String FORMAT = "tc-format";
    public static final String LINE = "tc-line";
    public static final String RECORD = "tc-record";

    private LogRecordCodec() {}

    public static ProducerRecord<byte[], byte[]> encode(String topic, LogRecord record)
    {
        requireNonNull(topic, "topic is null");
        requireNonNull(record, "record is null");
        Headers headers = new RecordHeaders();
        headers.add(ORGANISATION, utf8(record.organisation()));
        headers.add(HOST, utf8(record.host()));
        headers.add(FILE, utf8(record.file()));
        headers.add(FORMAT, utf8(record.format().name().toLowerCase(Locale.ROOT)));
        String positionHeader = record.unit() == SourcePosition.Unit.LINE ? LINE : RECORD;
        headers.add(positionHeader, utf8(Long.toString(record.index())));
        return new ProducerRecord<>(topic, null, utf8(record.fileKey()), utf8(record.text()), headers);
    }

    /**
     * Reads a record of the input topic.
     *
     * @throws IllegalArgumentException naming the topic, partition and offset when a header is missing or wrong
     */
    public static LogRecord decode(ConsumerRecord<byte[], byte[]> consumed)
    {
        requireNonNull(consumed, "consumed is null");
        try {
            Headers headers = consumed.headers();
            String organisation = required(headers, ORGANISATION);
            String host = required(headers, HOST);
            String file = required(headers, FILE);
            LogFormat format = format(required(headers, FORMAT));
            String line = optional(headers, LINE);
            String record = optional(headers, RECORD);
            if ((line == null) == (record == null)) {
                throw new IllegalArgumentException("exactly one of the headers " + LINE + " and " + RECORD + " must be present");
            }
            SourcePosition.Unit unit = line != null ? SourcePosition.Unit.LINE : SourcePosition.Unit.RECORD;
            long index = Long.parseLong(line != null ? line : record);
            byte[] value = consumed.value();
            String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
            return new LogRecord(organisation, host, file, format, unit, index, text);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(consumed.topic() + "-" + consumed.partition() + "@" + consumed.offset() + ": " + e.getMessage(), e);
        }
    }

    private static LogFormat format(String name)
    {
        for (LogFormat format : LogFormat.values()) {
            if (format != LogFormat.EVTX && format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("header " + FORMAT + " must be iis_w3c or windows_json: " + name);
    }

    private static String required(Headers headers, String name)
    {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return value;
    }

    private static String optional(Headers headers, String name)
    {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
