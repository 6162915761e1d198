package dev.tradecraft.readers.evtx;

import java.util.zip.CRC32;

/**
 * The 4,096-byte header of an EVTX file. Readers do not trust it: the chunk count and the dirty
 * flag only say what the writer last recorded, so chunks are found by reading on to the end.
 *
 * @param firstChunk number of the oldest chunk (a log that wrapped around starts mid-file)
 * @param lastChunk number of the newest chunk
 * @param nextRecordId the record id the writer would give next
 * @param majorVersion 3 on every Windows since Vista
 * @param minorVersion 1 or 2
 * @param chunkCount chunks the header claims
 * @param flags bit 0: dirty (not closed cleanly), bit 1: full
 * @param checksumValid whether the stored CRC32 of the first 120 bytes matches
 */
public record EvtxFileHeader(long firstChunk, long lastChunk, long nextRecordId, int majorVersion, int minorVersion,
        int chunkCount, long flags, boolean checksumValid)
{
    /** Size of the header block; the first chunk starts here. */
    public static final int SIZE = 4096;
    static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final int CHECKSUMMED = 120;

    public boolean dirty()
    {
        return (flags & 1) != 0;
    }

    public boolean full()
    {
        return (flags & 2) != 0;
    }

    /** True when {@code data} starts with the EVTX file signature. */
    static boolean hasMagic(byte[] data, int length)
    {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses a header; {@code data} holds at least 128 bytes that start with the signature. */
    static EvtxFileHeader parse(byte[] data)
    {
        CRC32 crc = new CRC32();
        crc.update(data, 0, CHECKSUMMED);
        boolean valid = crc.getValue() == LittleEndian.u32(data, 124);
        return new EvtxFileHeader(LittleEndian.i64(data, 8), LittleEndian.i64(data, 16), LittleEndian.i64(data, 24),
                LittleEndian.u16(data, 38), LittleEndian.u16(data, 36), LittleEndian.u16(data, 42),
                LittleEndian.u32(data, 120), valid);
    }
}
