package dev.tradecraft.exposure.probe;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

import dev.tradecraft.exposure.scan.Banner;

/**
 * What a probe found: a banner for every target that answered HTTP and a failure for every other,
 * both in scope order.
 *
 * @param banners one per target reached
 * @param failures one per target not reached
 * @param requestsSent HTTP requests started
 * @param elapsed wall time of the whole probe
 */
public record ProbeResult(List<Banner> banners, List<ProbeFailure> failures, int requestsSent, Duration elapsed)
{
    public ProbeResult
    {
        banners = List.copyOf(requireNonNull(banners, "banners is null"));
        failures = List.copyOf(requireNonNull(failures, "failures is null"));
        checkArgument(requestsSent >= 0, "requestsSent is negative: %s", requestsSent);
        requireNonNull(elapsed, "elapsed is null");
    }
}
