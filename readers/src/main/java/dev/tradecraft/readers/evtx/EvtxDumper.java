package dev.tradecraft.readers.evtx;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Renders every record of an EVTX file as JSON (evtx_dump's shape, pretty or one per line) or XML.
 * Chunks decode independently, so they are handed to a thread pool as they are read; their output
 * is written in file order, and only a bounded window of chunks is in flight, so memory stays flat
 * whatever the file size. Problems are reported in file order too.
 */
public final class EvtxDumper
{
    public enum Format
    {
        /** evtx_dump {@code -o json}: one pretty-printed object per record. */
        JSON,
        /** One compact JSON object per line. */
        JSONL,
        /** The record's XML, each with its declaration. */
        XML
    }

    /**
     * What a dump did.
     *
     * @param files files given
     * @param filesRead files that were EVTX and could be opened
     * @param skipped damaged records and byte runs skipped
     */
    public record Summary(long files, long filesRead, long chunks, long records, long skipped)
    {
    }

    private final Format format;
    private final ExecutorService pool;
    private final int window;
    // One decoder per pool thread: names and templates are per chunk, tapes are reused.
    private final ThreadLocal<ChunkDecoder> decoders;
    // Output is built per thread in one growing buffer, then copied out at its final size.
    private final ThreadLocal<Utf8Sink> sinks = ThreadLocal.withInitial(() -> new Utf8Sink(64 * 1024));
    private final AtomicLong recordsWritten;
    private final AtomicLong bytesDone;

    /**
     * @param pool decodes chunks; null decodes on the calling thread
     * @param threads the pool's threads: chunks in flight are a few per thread
     * @param recordsWritten counts records as their output is written, for a progress display
     */
    public EvtxDumper(Format format, ExecutorService pool, int threads, AtomicLong recordsWritten)
    {
        this(format, pool, threads, recordsWritten, new AtomicLong());
    }

    /**
     * @param bytesDone counts the bytes of .evtx whose output is written, for an ETA
     */
    public EvtxDumper(Format format, ExecutorService pool, int threads, AtomicLong recordsWritten, AtomicLong bytesDone)
    {
        this.recordsWritten = requireNonNull(recordsWritten, "recordsWritten is null");
        this.bytesDone = requireNonNull(bytesDone, "bytesDone is null");
        this.format = requireNonNull(format, "format is null");
        this.pool = pool;
        this.window = Math.max(1, threads) * 4;
        this.decoders = ThreadLocal.withInitial(ChunkDecoder::new);
    }

    /**
     * Dumps one file.
     *
     * @throws EvtxFormatException when the input is not an EVTX file
     */
    public Summary dump(InputStream input, String displayName, OutputStream out, ProblemSink problems) throws IOException
    {
        Pipeline pipeline = new Pipeline(out, problems);
        pipeline.feed(input, displayName);
        pipeline.drain(0);
        out.flush();
        return pipeline.summary();
    }

    /**
     * Dumps files one after the other into one output, keeping chunks of the next files in flight
     * while the last chunks of a file are decoded: with many small files, all threads stay busy. A
     * file that cannot be opened or is not EVTX is reported ({@code IO_ERROR}, {@code UNKNOWN_FORMAT})
     * in its place and skipped.
     */
    public Summary dumpAll(List<Path> files, OutputStream out, ProblemSink problems) throws IOException
    {
        Pipeline pipeline = new Pipeline(out, problems);
        for (Path file : files) {
            String displayName = file.toString();
            try (InputStream input = Files.newInputStream(file)) {
                pipeline.feed(input, displayName);
            }
            catch (EvtxFormatException e) {
                pipeline.fail(new ReadProblem(SourcePosition.offset(displayName, 0), ProblemKind.UNKNOWN_FORMAT, e.getMessage()));
            }
            catch (IOException e) {
                pipeline.fail(new ReadProblem(SourcePosition.offset(displayName, 0), ProblemKind.IO_ERROR, "cannot read: " + e.getMessage()));
            }
        }
        pipeline.drain(0);
        out.flush();
        return pipeline.summary();
    }

    /** Chunks in flight, in file order, written out as they complete. */
    private final class Pipeline
    {
        private final OutputStream out;
        private final ProblemSink problems;
        private final ArrayDeque<Future<ChunkOutput>> inFlight = new ArrayDeque<>();
        // Without a pool each chunk is done before the next is read, so one buffer serves them all.
        private final byte[] buffer = pool == null ? new byte[EvtxChunk.SIZE] : null;
        private long files;
        private long filesRead;
        private long chunks;
        private long records;
        private long skipped;

        Pipeline(OutputStream out, ProblemSink problems)
        {
            this.out = out;
            this.problems = problems;
        }

        void feed(InputStream input, String displayName) throws IOException
        {
            files++;
            // What the stream finds while reading a chunk (a file cut short) travels with that chunk's
            // output, so that it is reported after the problems of the chunks still in flight before it.
            List<ReadProblem> streamProblems = new ArrayList<>();
            EvtxChunkStream stream = new EvtxChunkStream(input, displayName, streamProblems::add);
            filesRead++;
            while (true) {
                EvtxChunk chunk = stream.next(buffer != null ? buffer : new byte[EvtxChunk.SIZE]);
                if (chunk == null) {
                    break;
                }
                chunks++;
                boolean expected = stream.expected(chunk);
                List<ReadProblem> found = new ArrayList<>(streamProblems);
                streamProblems.clear();
                if (pool == null) {
                    write(render(chunk, expected, displayName, found));
                }
                else {
                    inFlight.add(pool.submit(() -> render(chunk, expected, displayName, found)));
                    drain(window);
                }
            }
            if (!streamProblems.isEmpty()) {
                ChunkOutput tail = new ChunkOutput(new byte[0], List.copyOf(streamProblems), 0, 0, 0);
                if (pool == null) {
                    write(tail);
                }
                else {
                    inFlight.add(CompletableFuture.completedFuture(tail));
                }
            }
        }

        /** A file that could not be read: its problem takes its place in the output's order. */
        void fail(ReadProblem problem) throws IOException
        {
            ChunkOutput failure = new ChunkOutput(new byte[0], List.of(problem), 0, 0, 0);
            if (pool == null) {
                write(failure);
            }
            else {
                inFlight.add(CompletableFuture.completedFuture(failure));
            }
        }

        /** Writes completed outputs from the head until at most {@code keep} are in flight. */
        void drain(int keep) throws IOException
        {
            while (inFlight.size() > keep) {
                write(take(inFlight.poll()));
            }
        }

        private void write(ChunkOutput output) throws IOException
        {
            records += output.records;
            skipped += output.skipped;
            output.writeTo(out, problems, recordsWritten);
            bytesDone.addAndGet(output.bytesRead);
        }

        Summary summary()
        {
            return new Summary(files, filesRead, chunks, records, skipped);
        }
    }

    /** Decodes a chunk; its problems are appended to {@code problems}, which holds those met reading it. */
    private ChunkOutput render(EvtxChunk chunk, boolean expected, String displayName, List<ReadProblem> problems)
    {
        ChunkDecoder decoder = decoders.get();
        long before = decoder.skipped();
        decoder.load(chunk, expected, displayName, problems::add);
        Utf8Sink text = sinks.get();
        text.clear();
        EvtxJsonWriter json = new EvtxJsonWriter(text, format == Format.JSON);
        EvtxXmlWriter xml = new EvtxXmlWriter(text);
        long records = 0;
        while (decoder.nextRecord()) {
            RecordXml record = new RecordXml(decoder.tape(), decoder.data());
            switch (format) {
                case JSON, JSONL -> {
                    json.write(record);
                    text.ascii('\n');
                }
                case XML -> xml.write(record);
            }
            records++;
        }
        return new ChunkOutput(text.toByteArray(), problems, records, decoder.skipped() - before, chunk.limit());
    }

    private static ChunkOutput take(Future<ChunkOutput> future) throws IOException
    {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("decoding a chunk failed", cause);
        }
    }

    private record ChunkOutput(byte[] bytes, List<ReadProblem> problems, long records, long skipped, long bytesRead)
    {
        void writeTo(OutputStream out, ProblemSink sink, AtomicLong written) throws IOException
        {
            problems.forEach(sink::report);
            out.write(bytes);
            written.addAndGet(records);
        }
    }
}
