package dev.tradecraft.scenarios.evtx;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a Windows XML Event Log ({@code .evtx}, format 3.1): a 4,096-byte file header, then
 * 65,536-byte chunks of event records, each record a template instance in binary XML. Records go
 * to disk a chunk at a time; the file header, which counts the chunks, is written on close. A file
 * without records holds one empty chunk.
 *
 * <p>Record numbers count from 1 in each file; record ids are the caller's and must rise.
 */
public final class EvtxFileWriter implements Closeable
{
    static final int FILE_HEADER_SIZE = 4_096;
    private static final byte[] MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CHUNKS = 0xFFFF;

    private final Path file;
    private final FileChannel channel;
    private final EvtxChunk chunk = new EvtxChunk();
    private long records;
    private long lastId;
    private int chunks;
    private boolean closed;

    public EvtxFileWriter(Path file) throws IOException
    {
        this.file = requireNonNull(file, "file is null");
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * Appends one record.
     *
     * @param recordId the event record id, above the previous record's
     * @param writtenTime when the record was written, a FILETIME (see {@link EvtxValue#fileTimeOfMicros})
     * @param template the template the record instantiates
     * @param values one value per substitution index of the template
     */
    public void write(long recordId, long writtenTime, EvtxTemplate template, List<EvtxValue> values) throws IOException
    {
        checkState(!closed, "writer is closed");
        requireNonNull(template, "template is null");
        requireNonNull(values, "values is null");
        checkArgument(records == 0 || Long.compareUnsigned(recordId, lastId) > 0, "record ids must rise: %s after %s", recordId, lastId);
        template.check(values);
        long number = records + 1;
        if (!chunk.append(number, recordId, writtenTime, template, values)) {
            checkArgument(!chunk.isEmpty(), "record %s does not fit in one chunk", recordId);
            flushChunk();
            checkArgument(chunk.append(number, recordId, writtenTime, template, values), "record %s does not fit in one chunk", recordId);
        }
        records = number;
        lastId = recordId;
    }

    /** Records written so far. */
    public long records()
    {
        return records;
    }

    /** Writes the last chunk and the file header, and closes the file. */
    @Override
    public void close() throws IOException
    {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel out = channel) {
            // An empty log still has one chunk, as Windows writes it; libevtx calls a file without any corrupt.
            if (!chunk.isEmpty() || chunks == 0) {
                flushChunk();
            }
            writeFully(out, ByteBuffer.wrap(fileHeader()), 0);
        }
    }

    private void flushChunk() throws IOException
    {
        if (chunks == MAX_CHUNKS) {
            throw new IOException("more than " + MAX_CHUNKS + " chunks for one file: " + file);
        }
        writeFully(channel, ByteBuffer.wrap(chunk.finish()), FILE_HEADER_SIZE + (long) chunks * EvtxChunk.SIZE);
        chunks++;
        chunk.reset();
    }

    private byte[] fileHeader()
    {
        byte[] header = new byte[FILE_HEADER_SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC);
        buffer.putLong(8, 0); // first chunk number
        buffer.putLong(16, Math.max(chunks - 1, 0)); // last chunk number
        buffer.putLong(24, records == 0 ? 1 : lastId + 1); // next record id
        buffer.putInt(32, 128); // header size
        buffer.putShort(36, (short) 1); // minor version
        buffer.putShort(38, (short) 3); // major version
        buffer.putShort(40, (short) FILE_HEADER_SIZE); // where the chunks start
        buffer.putShort(42, (short) chunks);
        buffer.putInt(120, 0); // flags: neither dirty nor full
        buffer.putInt(124, EvtxChunk.crc(header, 0, 120));
        return header;
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes, long position) throws IOException
    {
        long at = position;
        while (bytes.hasRemaining()) {
            at += out.write(bytes, at);
        }
    }
}
