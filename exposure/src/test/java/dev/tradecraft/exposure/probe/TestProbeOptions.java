package dev.tradecraft.exposure.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

public class TestProbeOptions
{
    @Test
    public void testDefaults()
    {
        ProbeOptions options = ProbeOptions.defaults();
        assertEquals(8, options.concurrency());
        assertEquals(10, options.requestsPerSecond());
        assertEquals(Duration.ofSeconds(5), options.connectTimeout());
        assertEquals(Duration.ofSeconds(10), options.readTimeout());
        assertEquals(64 * 1024, options.maxBodyBytes());
        assertFalse(options.trustAllCertificates(), "certificates are verified unless asked otherwise");
    }

    @Test
    public void testBoundsAreCheckedWithTheValue()
    {
        IllegalArgumentException concurrency = assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().concurrency(65).build());
        assertEquals("concurrency must be in [1,64]: 65", concurrency.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().concurrency(0).build());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().requestsPerSecond(0).build());
        assertEquals("requestsPerSecond must be positive: 0.0", rate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().requestsPerSecond(Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().readTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().connectTimeout(Duration.ofHours(1)).build());
        assertThrows(NullPointerException.class, () -> ProbeOptions.builder().connectTimeout(null).build());
        assertThrows(IllegalArgumentException.class, () -> ProbeOptions.builder().maxBodyBytes(-1).build());
        assertEquals(0, ProbeOptions.builder().maxBodyBytes(0).build().maxBodyBytes());
    }
}
