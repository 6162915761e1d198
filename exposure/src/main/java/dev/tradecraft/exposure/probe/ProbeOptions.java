package dev.tradecraft.exposure.probe;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How hard and how long to probe.
 *
 * @param concurrency targets probed at once, in [1,64]; each holds at most one connection
 * @param requestsPerSecond requests started per second across all workers (a token bucket that
 *        holds one token, so no burst ever exceeds the rate)
 * @param connectTimeout how long the TCP connection may take
 * @param readTimeout how long everything after the connection may take for one request: TLS
 *        handshake, sending the request and receiving the whole answer. It is a deadline, not an
 *        idle timeout, so a peer that trickles bytes is cut off all the same
 * @param maxBodyBytes how much of a response body is kept, in [0,16 MiB]; the rest is not read
 * @param trustAllCertificates accept any certificate for any name. For lab servers with
 *        self-signed certificates only: it makes the probe blind to interception. By default
 *        certificates are verified against the JDK trust store and the target's name
 */
public record ProbeOptions(int concurrency, double requestsPerSecond, Duration connectTimeout, Duration readTimeout,
        int maxBodyBytes, boolean trustAllCertificates)
{
    public static final int MAX_CONCURRENCY = 64;
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public ProbeOptions
    {
        checkArgument(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, "concurrency must be in [1,%s]: %s", MAX_CONCURRENCY, concurrency);
        checkArgument(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond), "requestsPerSecond must be positive: %s", requestsPerSecond);
        checkTimeout(connectTimeout, "connectTimeout");
        checkTimeout(readTimeout, "readTimeout");
        checkArgument(maxBodyBytes >= 0 && maxBodyBytes <= MAX_BODY_BYTES, "maxBodyBytes must be in [0,%s]: %s", MAX_BODY_BYTES, maxBodyBytes);
    }

    private static void checkTimeout(Duration timeout, String name)
    {
        requireNonNull(timeout, name + " is null");
        checkArgument(timeout.toMillis() >= 1 && timeout.compareTo(MAX_TIMEOUT) <= 0, "%s must be in [1 ms,10 min]: %s", name, timeout);
    }

    /** 8 at once, 10 requests a second, 5 s to connect, 10 s per answer, 64 KiB of body, certificates verified. */
    public static ProbeOptions defaults()
    {
        return builder().build();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public static final class Builder
    {
        private int concurrency = 8;
        private double requestsPerSecond = 10;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxBodyBytes = 64 * 1024;
        private boolean trustAllCertificates;

        private Builder() {}

        public Builder concurrency(int concurrency)
        {
            this.concurrency = concurrency;
            return this;
        }

        public Builder requestsPerSecond(double requestsPerSecond)
        {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout)
        {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout)
        {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes)
        {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder trustAllCertificates(boolean trustAllCertificates)
        {
            this.trustAllCertificates = trustAllCertificates;
            return this;
        }

        public ProbeOptions build()
        {
            return new ProbeOptions(concurrency, requestsPerSecond, connectTimeout, readTimeout, maxBodyBytes, trustAllCertificates);
        }
    }
}
