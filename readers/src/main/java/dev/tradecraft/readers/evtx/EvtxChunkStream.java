package dev.tradecraft.readers.evtx;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Reads an EVTX file front to back, one chunk at a time, so memory stays flat however large the
 * file: the header, then every 64 KiB chunk until the input ends. The header's chunk count is
 * not trusted (a dirty file's header lags behind its chunks); a last chunk cut short is returned
 * with the bytes that were there and reported as {@code TRUNCATED}, as is a file that ends on a
 * chunk boundary before the count the header gives.
 */
final class EvtxChunkStream
{
    private final InputStream input;
    private final String displayName;
    private final ProblemSink problems;
    private final EvtxFileHeader header;
    private long nextIndex;
    private long nextOffset = EvtxFileHeader.SIZE;
    private boolean ended;
    private long chunksLeft = Long.MAX_VALUE;

    /**
     * Reads the header.
     *
     * @throws EvtxFormatException when the input does not start with an EVTX header
     */
    EvtxChunkStream(InputStream input, String displayName, ProblemSink problems) throws IOException
    {
        this(input, displayName, problems, true);
    }

    /**
     * @param reportHeader whether to report what is wrong with the file header (a part of a file
     *        read by one of several workers leaves that to the part that starts the file)
     */
    EvtxChunkStream(InputStream input, String displayName, ProblemSink problems, boolean reportHeader) throws IOException
    {
        this.input = requireNonNull(input, "input is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.problems = requireNonNull(problems, "problems is null");
        byte[] block = new byte[EvtxFileHeader.SIZE];
        int read = input.readNBytes(block, 0, block.length);
        if (!EvtxFileHeader.hasMagic(block, read)) {
            throw new EvtxFormatException("not an EVTX file: it does not start with the ElfFile signature");
        }
        if (read < 128) {
            throw new EvtxFormatException("EVTX file ends inside its header, after " + read + " bytes");
        }
        header = EvtxFileHeader.parse(block);
        if (!header.checksumValid() && reportHeader) {
            report(0, ProblemKind.BAD_CHECKSUM, "file header checksum does not match; chunks read anyway");
        }
        if (read < block.length) {
            if (reportHeader) {
                report(read, ProblemKind.TRUNCATED, "file ends inside its 4096-byte header; no chunks");
            }
            ended = true;
        }
    }

    /**
     * Limits the stream to the chunks {@code [first, first + count)}, skipping to the first without
     * reading what lies before it: one part of a large file for one worker. The end of the file is
     * only reported by the part that reaches it.
     */
    void restrict(long first, long count) throws IOException
    {
        if (first < 0 || count < 1) {
            throw new IllegalArgumentException("chunks " + first + " + " + count);
        }
        if (first > 0 && !ended) {
            try {
                input.skipNBytes(first * EvtxChunk.SIZE);
            }
            catch (EOFException e) {
                ended = true;
            }
            nextIndex = first;
            nextOffset = EvtxFileHeader.SIZE + first * EvtxChunk.SIZE;
        }
        chunksLeft = count;
    }

    /** Whether the header counts the chunk: an all-zero chunk it counts is damage, one past its count is unused space. */
    boolean expected(EvtxChunk chunk)
    {
        return chunk.index() < header.chunkCount();
    }

    /** The next chunk read into {@code buffer} (65,536 bytes or more), or null at the end of the input. */
    EvtxChunk next(byte[] buffer) throws IOException
    {
        if (ended || chunksLeft == 0) {
            return null;
        }
        chunksLeft--;
        int read = input.readNBytes(buffer, 0, EvtxChunk.SIZE);
        if (read < EvtxChunk.SIZE) {
            ended = true;
            if (read == 0) {
                // The count may lag behind the chunks written, never run ahead of them: fewer means cut short.
                if (nextIndex < header.chunkCount()) {
                    report(nextOffset, ProblemKind.TRUNCATED, "file ends after " + nextIndex + (nextIndex == 1 ? " chunk" : " chunks")
                            + "; its header counts " + header.chunkCount());
                }
                return null;
            }
            report(nextOffset + read, ProblemKind.TRUNCATED, "file ends " + read + " bytes into chunk " + nextIndex
                    + "; the records in the part that is there are read");
            Arrays.fill(buffer, read, EvtxChunk.SIZE, (byte) 0);
        }
        EvtxChunk chunk = new EvtxChunk(buffer, read, nextIndex, nextOffset);
        nextIndex++;
        nextOffset += EvtxChunk.SIZE;
        return chunk;
    }

    private void report(long offset, ProblemKind kind, String message)
    {
        problems.report(new ReadProblem(SourcePosition.offset(displayName, offset), kind, message));
    }
}
