package dev.tradecraft.exposure.scan;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The banners of one scan file in batches, for reading on one thread and decoding on many. For
 * one-record-per-line JSON (the usual layout of Shodan, Censys, ZGrab2 and masscan exports) a
 * batch holds raw lines and the JSON is decoded only when {@link Batch#banners} is called, on
 * whatever thread calls it; other layouts are decoded while they are read.
 *
 * <pre>{@code
 * try (BannerBatches batches = ScanReaders.openBatches(path, name, problems::add)) {
 *     Optional<BannerBatches.Batch> batch;
 *     while ((batch = batches.next()).isPresent()) {
 *         pool.submit(() -> analyse(batch.get().banners(problems::add)));
 *     }
 * }
 * }</pre>
 */
public interface BannerBatches extends Closeable
{
    /** Reads the next batch, in file order; empty at the end of the input. */
    Optional<Batch> next() throws IOException;

    ScanFormat format();

    /** Consecutive records of the file. */
    interface Batch
    {
        /**
         * The batch's banners in file order. Problems met while decoding go to {@code problems} (those
         * met while reading, to the consumer the file was opened with); safe on any thread, once.
         */
        List<Banner> banners(Consumer<ScanProblem> problems);

        /** Records (lines, or banners already decoded) in the batch: a measure of work, for progress. */
        int size();
    }
}
