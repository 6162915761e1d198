package dev.tradecraft.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class TestHuntJobMain
{
    @Test
    void testDefaultsAreAnExactlyOnceStreamingJobWithBuiltInContent()
    {
        JobSettings settings = HuntJobMain.parse(new String[] {"--bootstrap-servers", "kafka1:9092"});
        assertEquals("tradecraft-logs", settings.inputTopic());
        assertEquals("tradecraft-hits", settings.hitsTopic());
        assertEquals(DeliveryGuarantee.EXACTLY_ONCE, settings.guarantee());
        assertEquals(10_000, settings.checkpointMillis());
        assertFalse(settings.bounded());
        assertEquals(List.of(), settings.detection().ruleDirs());
    }

    @Test
    void testRulesAndIocsRepeat()
    {
        JobSettings settings = HuntJobMain.parse(new String[] {"--bootstrap-servers", "k:9092", "--rules", "/rules/a", "--rules", "/rules/b",
                "--iocs", "/iocs.csv", "--bounded", "true", "--guarantee", "at-least-once", "--checkpoint-ms", "0"});
        assertEquals(List.of("/rules/a", "/rules/b"), settings.detection().ruleDirs());
        assertEquals(List.of("/iocs.csv"), settings.detection().iocFiles());
        assertTrue(settings.bounded());
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, settings.guarantee());
    }

    @Test
    void testUnknownOptionSaysTheKnownOnes()
    {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HuntJobMain.parse(new String[] {"--bootstrap-servers", "k:9092", "--topic", "x"}));
        assertTrue(e.getMessage().startsWith("unknown option --topic; known: bootstrap-servers, bounded,"), e.getMessage());
    }

    @Test
    void testExactlyOnceWithoutCheckpointsIsRefused()
    {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HuntJobMain.parse(new String[] {"--bootstrap-servers", "k:9092", "--checkpoint-ms", "0"}));
        assertTrue(e.getMessage().contains("checkpointMillis must be positive"), e.getMessage());
    }

    @Test
    void testBootstrapServersAreRequired()
    {
        assertThrows(IllegalArgumentException.class, () -> HuntJobMain.parse(new String[] {"--input-topic", "logs"}));
    }
}
