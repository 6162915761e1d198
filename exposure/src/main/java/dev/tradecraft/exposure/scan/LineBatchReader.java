package dev.tradecraft.exposure.scan;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Cuts a one-record-per-line JSON file into batches of raw lines. The reading thread only finds
 * line breaks and copies bytes; parsing, the expensive part, happens in {@link Batch#banners} with
 * a fresh record decoder per batch, so batches decode independently and in any thread.
 */
final class LineBatchReader implements BannerBatches
{
    static final int MAX_LINES = 2048;
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ScanInput input;
    private final ScanFormat format;
    private final ProblemReporter problems;
    private final LineSource lines;
    private final JsonFactory factory;
    private final Function<ProblemReporter, JsonRecordDecoder> decoders;
    private final int maxLines;
    private boolean ended;
    // Batches of a file are alike in size: starting each at the last one's size spares regrowing it.
    private int lastBytes = 64 * 1024;

    LineBatchReader(ScanInput input, ScanFormat format, ProblemReporter problems, JsonFactory factory, Function<ProblemReporter, JsonRecordDecoder> decoders,
            int maxLines)
    {
        checkArgument(maxLines > 0, "maxLines must be positive: %s", maxLines);
        this.maxLines = maxLines;
        this.input = requireNonNull(input, "input is null");
        this.format = requireNonNull(format, "format is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.lines = new LineSource(input.content(), problems);
        this.factory = requireNonNull(factory, "factory is null");
        this.decoders = requireNonNull(decoders, "decoders is null");
    }

    @Override
    public Optional<Batch> next() throws IOException
    {
        if (ended) {
            return Optional.empty();
        }
        byte[] bytes = new byte[lastBytes];
        int used = 0;
        int[] bounds = new int[maxLines + 1];
        long[] numbers = new long[maxLines];
        int count = 0;
        boolean lastUnterminated = false;
        boolean lastCut = false;
        while (count < maxLines && used < MAX_BYTES && lines.next()) {
            int length = lines.end() - lines.start();
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
            }
            System.arraycopy(lines.buffer(), lines.start(), bytes, used, length);
            used += length;
            numbers[count] = lines.number();
            bounds[++count] = used;
            lastUnterminated = !lines.terminated();
            lastCut = lastUnterminated && input.damaged();
        }
        if (count < maxLines && used < MAX_BYTES) {
            ended = true;
            Optional<ScanProblem> damage = input.damage(problems.at(Math.max(1, lines.number())));
            if (damage.isPresent()) {
                problems.report(damage.get());
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        lastBytes = Math.max(lastBytes, Math.min(used + used / 8, MAX_BYTES + MAX_BYTES / 8));
        return Optional.of(new LineBatch(bytes, bounds, numbers, count, lastUnterminated, lastCut));
    }

    @Override
    public ScanFormat format()
    {
        return format;
    }

    @Override
    public void close() throws IOException
    {
        input.close();
    }

    private final class LineBatch implements Batch
    {
        private final byte[] bytes;
        private final int[] bounds;
        private final long[] numbers;
        private final int count;
        private final boolean lastUnterminated;
        private final boolean lastCut;

        LineBatch(byte[] bytes, int[] bounds, long[] numbers, int count, boolean lastUnterminated, boolean lastCut)
        {
            this.lastUnterminated = lastUnterminated;
            this.bytes = bytes;
            this.bounds = bounds;
            this.numbers = numbers;
            this.count = count;
            this.lastCut = lastCut;
        }

        @Override
        public List<Banner> banners(Consumer<ScanProblem> sink)
        {
            ProblemReporter reporter = new ProblemReporter(problems.displayName(), sink);
            JsonLineDecoder decoder = new JsonLineDecoder(factory, decoders.apply(reporter), reporter);
            List<Banner> out = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    boolean last = i == count - 1;
                    decoder.decode(bytes, bounds[i], bounds[i + 1], numbers[i], lastUnterminated && last, lastCut && last, out);
                }
            }
            catch (IOException e) {
                // The bytes are in memory: only a decoder bug, not the file, can fail here.
                throw new UncheckedIOException("decoding " + problems.displayName() + " near line " + numbers[0], e);
            }
            return out;
        }

        @Override
        public int size()
        {
            return count;
        }
    }
}
