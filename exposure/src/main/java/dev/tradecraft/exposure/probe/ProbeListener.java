package dev.tradecraft.exposure.probe;

import dev.tradecraft.exposure.scan.Banner;

/**
 * Progress of a probe, for a progress line or a log. Methods are called from the probe's worker
 * threads, concurrently, so implementations must be thread-safe and quick.
 */
public interface ProbeListener
{
    /** Listens to nothing. */
    ProbeListener NONE = new ProbeListener() {};

    /** Called once, before any request, with the number of targets. */
    default void planned(int targets) {}

    /** A target answered. */
    default void reached(Banner banner) {}

    /** A target did not answer usefully. */
    default void failed(ProbeFailure failure) {}
}
