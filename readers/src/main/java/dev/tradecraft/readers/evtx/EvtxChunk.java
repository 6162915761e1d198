package dev.tradecraft.readers.evtx;

import java.util.zip.CRC32;

/**
 * One 64 KiB chunk of an EVTX file as read, with its header fields and what checking them found.
 * Chunks are independent: every offset inside one (names, templates, records) is relative to its
 * start, so chunks can be decoded on different threads. A chunk cut short by the end of the file
 * keeps the bytes that were there ({@link #limit()} below {@link #SIZE}).
 */
final class EvtxChunk
{
    static final int SIZE = 65536;
    static final int HEADER_SIZE = 512;
    private static final byte[] MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    private final byte[] data;
    private final int limit;
    private final long index;
    private final long fileOffset;

    /**
     * @param data the chunk's bytes, owned by this chunk from now on
     * @param limit how many bytes of {@code data} were read
     * @param index position of the chunk in the file, from 0
     * @param fileOffset where the chunk starts in the file
     */
    EvtxChunk(byte[] data, int limit, long index, long fileOffset)
    {
        if (data.length < SIZE || limit < 0 || limit > SIZE) {
            throw new IllegalArgumentException("chunk buffer of " + data.length + " bytes, limit " + limit);
        }
        this.data = data;
        this.limit = limit;
        this.index = index;
        this.fileOffset = fileOffset;
    }

    byte[] data()
    {
        return data;
    }

    int limit()
    {
        return limit;
    }

    long index()
    {
        return index;
    }

    long fileOffset()
    {
        return fileOffset;
    }

    boolean hasMagic()
    {
        if (limit < HEADER_SIZE) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    boolean allZero()
    {
        for (int i = 0; i < limit; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }


    /** Where the records end by the header, or -1 when that offset cannot be right. */
    int freeSpaceOffset()
    {
        long offset = LittleEndian.u32(data, 48);
        return offset >= HEADER_SIZE && offset <= SIZE ? (int) offset : -1;
    }

    /**
     * Where to stop looking for records: the free space offset when it is plausible, whether or not
     * the signature survived, else the end of what was read. Past that offset lie leftovers of the
     * chunk's earlier records (129 of the 202 corpus files have some), which are not in the log.
     */
    int recordsEnd()
    {
        int free = limit >= HEADER_SIZE ? freeSpaceOffset() : -1;
        return free < 0 ? limit : Math.min(free, limit);
    }

    /** CRC32 of header bytes 0–119 and 128–511, as stored at 124. */
    boolean headerChecksumValid()
    {
        CRC32 crc = new CRC32();
        crc.update(data, 0, 120);
        crc.update(data, 128, HEADER_SIZE - 128);
        return crc.getValue() == LittleEndian.u32(data, 124);
    }

    /** CRC32 of the records, from the end of the header to the free space offset, as stored at 52. */
    boolean recordsChecksumValid()
    {
        int free = freeSpaceOffset();
        if (free < 0 || free > limit) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(data, HEADER_SIZE, free - HEADER_SIZE);
        return crc.getValue() == LittleEndian.u32(data, 52);
    }
}
