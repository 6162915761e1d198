package dev.tradecraft.readers.evtx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.zip.CRC32;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.readers.ReadProblem;

/**
 * Builds and reads EVTX files in memory for the damage tests: corpus files, files of several chunks
 * put together from them (every chunk is self-contained, so one header and N chunks is a valid
 * file), the fields of the file header, chunk headers and records, and the checksums that cover them.
 */
final class EvtxTestFiles
{
    static final int HEADER = EvtxFileHeader.SIZE;
    static final int CHUNK = EvtxChunk.SIZE;
    static final String NAME = "damaged.evtx";
    private static final Origin ORIGIN = new Origin("contoso", "dc01");
    private static final int RECORD_SIGNATURE = 0x2a2a;

    private EvtxTestFiles() {}

    /** What {@link EvtxReader} made of a file. */
    record Read(List<Event> events, List<ReadProblem> problems, long skipped)
    {
    }

    /** What {@link EvtxDumper} made of a file. */
    record Dump(String text, List<ReadProblem> problems, EvtxDumper.Summary summary)
    {
        /** The records of a JSONL dump, one line each. */
        List<String> lines()
        {
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    /** The corpus file whose name starts with {@code prefix}. */
    static byte[] corpus(String prefix) throws IOException
    {
        for (Path path : TestEvtxCorpus.evtxFiles()) {
            if (path.getFileName().toString().startsWith(prefix)) {
                return Files.readAllBytes(path);
            }
        }
        throw new IllegalArgumentException("no corpus file starts with " + prefix);
    }

    /** Every corpus file's bytes, in name order. */
    static List<byte[]> corpus() throws IOException
    {
        List<byte[]> files = new ArrayList<>();
        for (Path path : TestEvtxCorpus.evtxFiles()) {
            files.add(Files.readAllBytes(path));
        }
        return files;
    }

    static int chunkStart(int index)
    {
        return HEADER + index * CHUNK;
    }

    /** The first chunk of each file after the first file's header, with the chunk count and header checksum made right. */
    static byte[] assemble(byte[]... files)
    {
        byte[] out = new byte[HEADER + files.length * CHUNK];
        System.arraycopy(files[0], 0, out, 0, HEADER);
        for (int i = 0; i < files.length; i++) {
            System.arraycopy(files[i], HEADER, out, chunkStart(i), CHUNK);
        }
        putU16(out, 42, files.length);
        putU32(out, 16, files.length - 1);
        fixFileHeader(out);
        return out;
    }

    static void fixFileHeader(byte[] file)
    {
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        putU32(file, 124, crc.getValue());
    }

    /** Makes the records checksum and then the header checksum of chunk {@code index} match its bytes. */
    static void fixChunk(byte[] file, int index)
    {
        int start = chunkStart(index);
        long free = u32(file, start + 48);
        if (free >= EvtxChunk.HEADER_SIZE && free <= CHUNK && start + free <= file.length) {
            CRC32 records = new CRC32();
            records.update(file, start + EvtxChunk.HEADER_SIZE, (int) free - EvtxChunk.HEADER_SIZE);
            putU32(file, start + 52, records.getValue());
        }
        fixChunkHeader(file, index);
    }

    /** Makes the header checksum of chunk {@code index} match, whatever its records checksum says. */
    static void fixChunkHeader(byte[] file, int index)
    {
        int start = chunkStart(index);
        if (start + EvtxChunk.HEADER_SIZE <= file.length) {
            CRC32 header = new CRC32();
            header.update(file, start, 120);
            header.update(file, start + 128, EvtxChunk.HEADER_SIZE - 128);
            putU32(file, start + 124, header.getValue());
        }
    }

    /** Offsets in the file of the records of chunk {@code index}, walked by their sizes up to the free space offset. */
    static List<Integer> records(byte[] file, int index)
    {
        int start = chunkStart(index);
        List<Integer> records = new ArrayList<>();
        if (start + EvtxChunk.HEADER_SIZE > file.length) {
            return records;
        }
        long free = Math.min(u32(file, start + 48), CHUNK);
        int at = start + EvtxChunk.HEADER_SIZE;
        while (at + 28 <= Math.min(start + free, file.length) && u32(file, at) == RECORD_SIGNATURE) {
            long size = u32(file, at + 4);
            if (size < 28 || at + size > file.length) {
                break;
            }
            records.add(at);
            at += (int) size;
        }
        return records;
    }

    /**
     * Writes a record at the free space offset of chunk {@code index} and moves that offset past it;
     * {@code binXmlAt} gets the chunk offset where the Binary XML will start. Checksums are made right.
     *
     * @return the record's offset in the file
     */
    static int appendRecord(byte[] file, int index, long recordId, IntFunction<byte[]> binXmlAt)
    {
        int start = chunkStart(index);
        int at = (int) u32(file, start + 48);
        byte[] xml = binXmlAt.apply(at + 24);
        int size = 24 + xml.length + 4;
        byte[] record = new byte[size];
        putU32(record, 0, RECORD_SIGNATURE);
        putU32(record, 4, size);
        putU32(record, 8, recordId);
        // The first record's written time: a real one, so the damage is all in the Binary XML.
        System.arraycopy(file, start + EvtxChunk.HEADER_SIZE + 16, record, 16, 8);
        System.arraycopy(xml, 0, record, 24, xml.length);
        putU32(record, size - 4, size);
        return place(file, index, record);
    }

    /** Writes a copy of the record at file offset {@code record} at the free space offset of chunk {@code index}. */
    static int appendCopy(byte[] file, int index, int record)
    {
        return place(file, index, Arrays.copyOfRange(file, record, record + (int) u32(file, record + 4)));
    }

    private static int place(byte[] file, int index, byte[] record)
    {
        int start = chunkStart(index);
        int at = (int) u32(file, start + 48);
        System.arraycopy(record, 0, file, start + at, record.length);
        putU32(file, start + 44, at);
        putU32(file, start + 48, at + record.length);
        fixChunk(file, index);
        return start + at;
    }

    /** The file read by one reader per run of {@code partChunks} chunks, as a hunt's workers share a large log. */
    static Read readInParts(byte[] file, long partChunks) throws IOException
    {
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        long skipped = 0;
        long chunks = Math.max(0, ((long) file.length - HEADER + CHUNK - 1) / CHUNK);
        for (long first = 0; first == 0 || first < chunks; first += partChunks) {
            long count = first + partChunks >= chunks ? Long.MAX_VALUE : partChunks;
            try (EvtxReader reader = EvtxReader.chunks(new ByteArrayInputStream(file), NAME, ORIGIN, problems::add, first, count)) {
                while (reader.advance()) {
                    events.add(reader.current());
                }
                skipped += reader.linesOrRecordsSkipped();
            }
        }
        return new Read(events, problems, skipped);
    }

    static Read read(byte[] file) throws IOException
    {
        List<Event> events = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        try (EvtxReader reader = new EvtxReader(new ByteArrayInputStream(file), NAME, ORIGIN, problems::add)) {
            while (reader.advance()) {
                events.add(reader.current());
            }
            return new Read(events, problems, reader.linesOrRecordsSkipped());
        }
    }

    /** Dumps on the calling thread when {@code pool} is null, else on the pool's {@code threads}. */
    static Dump dump(byte[] file, EvtxDumper.Format format, ExecutorService pool, int threads) throws IOException
    {
        List<ReadProblem> problems = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvtxDumper.Summary summary = new EvtxDumper(format, pool, threads, new AtomicLong())
                .dump(new ByteArrayInputStream(file), NAME, out, problems::add);
        return new Dump(out.toString(StandardCharsets.UTF_8), problems, summary);
    }

    static List<String> jsonl(byte[] file) throws IOException
    {
        return dump(file, EvtxDumper.Format.JSONL, null, 1).lines();
    }

    static byte[] copy(byte[] file)
    {
        return Arrays.copyOf(file, file.length);
    }

    static long u32(byte[] data, int offset)
    {
        return LittleEndian.u32(data, offset);
    }

    static void putU32(byte[] data, int offset, long value)
    {
        for (int i = 0; i < 4; i++) {
            data[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static void putU16(byte[] data, int offset, int value)
    {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }
}
