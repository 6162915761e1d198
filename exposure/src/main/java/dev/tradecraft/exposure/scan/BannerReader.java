package dev.tradecraft.exposure.scan;

import java.io.Closeable;
import java.io.IOException;

/**
 * A cursor over the banners of one scan file, one per service. Broken records do not end it: they
 * are reported to the consumer given to {@link ScanReaders#open}, counted, and skipped.
 *
 * <pre>{@code
 * try (BannerReader reader = ScanReaders.open(path, name, problems::add)) {
 *     while (reader.advance()) {
 *         Banner banner = reader.current();
 *     }
 * }
 * }</pre>
 */
public interface BannerReader extends Closeable
{
    /** Moves to the next banner; returns false at the end of the input. */
    boolean advance() throws IOException;

    /** The banner {@link #advance()} moved to; fails when there is none. */
    Banner current();

    ScanFormat format();

    /** How many records (lines, hosts, objects) or services were skipped so far. */
    long skipped();
}
