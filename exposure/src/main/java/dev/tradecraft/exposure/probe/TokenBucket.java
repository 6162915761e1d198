package dev.tradecraft.exposure.probe;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket that holds one token, shared by all workers: requests start at least
 * {@code 1/rate} apart, whatever the number of threads, and an idle spell saves up no burst.
 * A caller reserves its slot under the lock and sleeps outside it, so waiting callers queue in
 * order without holding each other up.
 */
final class TokenBucket
{
    interface Sleeper
    {
        void sleep(long nanos)
                throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private boolean started;
    // System.nanoTime() value at which the next token is available; compared by subtraction.
    private long nextFree;

    TokenBucket(double perSecond)
    {
        this(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    TokenBucket(double perSecond, LongSupplier clock, Sleeper sleeper)
    {
        checkArgument(perSecond > 0 && Double.isFinite(perSecond), "perSecond must be positive: %s", perSecond);
        this.intervalNanos = (long) Math.ceil(1_000_000_000d / perSecond);
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    /** Waits for a token; returns how long it waited, in nanoseconds. */
    long acquire()
            throws InterruptedException
    {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long slot = !started || nextFree - now < 0 ? now : nextFree;
            started = true;
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return wait;
    }
}
