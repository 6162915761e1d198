package dev.tradecraft.flink.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.LogFormat;

class TestLogRecordCodec
{
    @Test
    void testLineRecordRoundTrip()
    {
        LogRecord record = new LogRecord("contoso", "sp-wfe01", "weblogs/contoso/sp-wfe01/u_ex250718.log", LogFormat.IIS_W3C,
                SourcePosition.Unit.LINE, 1042, "2025-07-18 18:06:14 10.0.0.5 POST /_layouts/15/ToolPane.aspx DisplayMode=Edit 443 - 107.191.58.76 Mozilla/5.0 - 200 0 0 120");
        assertEquals(record, LogRecordCodec.decode(consumed(LogRecordCodec.encode("logs", record))));
    }

    @Test
    void testRecordPositionAndNonAsciiTextRoundTrip()
    {
        LogRecord record = new LogRecord("gemeente-dijkhaven", "dc01", "events/gemeente-dijkhaven/dc01/sysmon.json", LogFormat.WINDOWS_JSON,
                SourcePosition.Unit.RECORD, 7, "{\"Event\":{\"EventData\":{\"User\":\"DIJKHAVEN\\\\jöran\"}}}");
        ProducerRecord<byte[], byte[]> produced = LogRecordCodec.encode("logs", record);
        assertEquals(record.fileKey(), new String(produced.key(), StandardCharsets.UTF_8));
        assertEquals(record, LogRecordCodec.decode(consumed(produced)));
    }

    @Test
    void testMissingHeaderNamesItAndWhere()
    {
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("logs", 3, 17L, null, "line".getBytes(StandardCharsets.UTF_8));
        consumed.headers().add(LogRecordCodec.ORGANISATION, "contoso".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogRecordCodec.decode(consumed));
        assertTrue(e.getMessage().startsWith("logs-3@17: header tc-host is missing"), e.getMessage());
    }

    @Test
    void testLineAndRecordHeadersTogetherAreRefused()
    {
        LogRecord record = new LogRecord("contoso", "web01", "a.log", LogFormat.IIS_W3C, SourcePosition.Unit.LINE, 1, "x");
        ConsumerRecord<byte[], byte[]> consumed = consumed(LogRecordCodec.encode("logs", record));
        consumed.headers().add(LogRecordCodec.RECORD, "1".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogRecordCodec.decode(consumed));
        assertTrue(e.getMessage().contains("exactly one of the headers"), e.getMessage());
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> produced)
    {
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(produced.topic(), 0, 0L, produced.key(), produced.value());
        for (Header header : produced.headers()) {
            consumed.headers().add(header);
        }
        return consumed;
    }
}
