package dev.tradecraft.readers.evtx;

/**
 * Reads little-endian integers from a byte array. Callers check bounds first: every read here is
 * inside a range the caller has already compared against the buffer's limit.
 */
final class LittleEndian
{
    private LittleEndian() {}

    static int u8(byte[] data, int offset)
    {
        return data[offset] & 0xff;
    }

    static int u16(byte[] data, int offset)
    {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    static int i32(byte[] data, int offset)
    {
        return (data[offset] & 0xff)
                | (data[offset + 1] & 0xff) << 8
                | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    static long u32(byte[] data, int offset)
    {
        return i32(data, offset) & 0xffff_ffffL;
    }

    static long i64(byte[] data, int offset)
    {
        return (i32(data, offset) & 0xffff_ffffL) | (long) i32(data, offset + 4) << 32;
    }
}
