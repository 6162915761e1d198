package dev.tradecraft.exposure.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

public class TestTokenBucket
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    public void testCallersAreSpacedByTheInterval()
            throws InterruptedException
    {
        FakeTime time = new FakeTime(Long.MAX_VALUE - 2 * SECOND);
        TokenBucket bucket = new TokenBucket(4, time::now, time::sleep);
        // Callers arriving together queue one interval apart; this clock also wraps past Long.MAX_VALUE.
        assertEquals(0, bucket.acquire());
        assertEquals(SECOND / 4, bucket.acquire());
        assertEquals(2 * SECOND / 4, bucket.acquire());
        assertEquals(List.of(SECOND / 4, 2 * SECOND / 4), time.sleeps);
    }

    @Test
    public void testIdleTimeSavesUpNoBurst()
            throws InterruptedException
    {
        FakeTime time = new FakeTime(0);
        TokenBucket bucket = new TokenBucket(2, time::now, time::sleep);
        assertEquals(0, bucket.acquire());
        time.now += 10 * SECOND;
        assertEquals(0, bucket.acquire());
        assertEquals(SECOND / 2, bucket.acquire(), "ten idle seconds buy one token, not twenty");
    }

    @Test
    public void testCallerWaitsOnlyForTheRestOfTheInterval()
            throws InterruptedException
    {
        FakeTime time = new FakeTime(0);
        TokenBucket bucket = new TokenBucket(1, time::now, time::sleep);
        bucket.acquire();
        time.now += SECOND / 4;
        assertEquals(3 * SECOND / 4, bucket.acquire());
    }

    @Test
    public void testRateMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN));
    }

    /** A clock that only moves when told to; sleeping records the wait without moving it. */
    private static final class FakeTime
    {
        private long now;
        private final List<Long> sleeps = new ArrayList<>();

        FakeTime(long start)
        {
            this.now = start;
        }

        long now()
        {
            return now;
        }

        void sleep(long nanos)
        {
            sleeps.add(nanos);
        }
    }
}
