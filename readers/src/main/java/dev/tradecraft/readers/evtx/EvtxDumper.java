package dev.tradecraft.readers.evtx;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

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

    /** What a dump did. */
    public record Summary(long chunks, long records, long skipped)
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

    /**
     * @param pool decodes chunks; null decodes on the calling thread
     * @param threads the pool's threads: chunks in flight are a few per thread
     * @param recordsWritten counts records as their output is written, for a progress display
     */
    public EvtxDumper(Format format, ExecutorService pool, int threads, AtomicLong recordsWritten)
    {
        this.recordsWritten = requireNonNull(recordsWritten, "recordsWritten is null");
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
        // What the stream finds while reading a chunk (a file cut short) travels with that chunk's
        // output, so that it is reported after the problems of the chunks still in flight before it.
        List<ReadProblem> streamProblems = new ArrayList<>();
        EvtxChunkStream chunks = new EvtxChunkStream(input, displayName, streamProblems::add);
        // Without a pool each chunk is done before the next is read, so one buffer serves them all.
        byte[] buffer = pool == null ? new byte[EvtxChunk.SIZE] : null;
        ArrayDeque<Future<ChunkOutput>> inFlight = new ArrayDeque<>();
        long chunkCount = 0;
        long records = 0;
        long skipped = 0;
        while (true) {
            EvtxChunk chunk = chunks.next(buffer != null ? buffer : new byte[EvtxChunk.SIZE]);
            if (chunk == null) {
                break;
            }
            chunkCount++;
            boolean expected = chunks.expected(chunk);
            List<ReadProblem> found = new ArrayList<>(streamProblems);
            streamProblems.clear();
            if (pool == null) {
                ChunkOutput output = render(chunk, expected, displayName, found);
                records += output.records;
                skipped += output.skipped;
                output.writeTo(out, problems, recordsWritten);
                continue;
            }
            inFlight.add(pool.submit(() -> render(chunk, expected, displayName, found)));
            if (inFlight.size() >= window) {
                ChunkOutput output = take(inFlight.poll());
                records += output.records;
                skipped += output.skipped;
                output.writeTo(out, problems, recordsWritten);
            }
        }
        while (!inFlight.isEmpty()) {
            ChunkOutput output = take(inFlight.poll());
            records += output.records;
            skipped += output.skipped;
            output.writeTo(out, problems, recordsWritten);
        }
        streamProblems.forEach(problems::report);
        out.flush();
        return new Summary(chunkCount, records, skipped);
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
        return new ChunkOutput(text.toByteArray(), problems, records, decoder.skipped() - before);
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

    private record ChunkOutput(byte[] bytes, List<ReadProblem> problems, long records, long skipped)
    {
        void writeTo(OutputStream out, ProblemSink sink, AtomicLong written) throws IOException
        {
            problems.forEach(sink::report);
            out.write(bytes);
            written.addAndGet(records);
        }
    }
}
