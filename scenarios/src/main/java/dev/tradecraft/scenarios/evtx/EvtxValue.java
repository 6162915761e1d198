package dev.tradecraft.scenarios.evtx;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One substitution value of a template instance: its binary XML value type and the bytes a record
 * stores for it (little-endian, strings UTF-16LE without a terminator). Made only through the
 * factories, which check ranges, so every value fits the type it claims.
 */
public final class EvtxValue
{
    /** The binary XML value types this writer uses, with their type codes. */
    public enum Type
    {
        NULL(0x00),
        STRING(0x01),
        UINT8(0x04),
        UINT16(0x06),
        INT32(0x07),
        UINT32(0x08),
        INT64(0x09),
        UINT64(0x0a),
        BOOL(0x0d),
        GUID(0x0f),
        FILETIME(0x11),
        SID(0x13),
        HEX_INT64(0x15);

        private final int code;

        Type(int code)
        {
            this.code = code;
        }

        public int code()
        {
            return code;
        }
    }

    /** 100-nanosecond intervals from 1601-01-01 to 1970-01-01, the FILETIME epoch offset. */
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final EvtxValue NULL_VALUE = new EvtxValue(Type.NULL, new byte[0]);

    private final Type type;
    private final byte[] bytes;

    private EvtxValue(Type type, byte[] bytes)
    {
        this.type = requireNonNull(type, "type is null");
        // The value descriptor holds the size in 16 bits.
        checkArgument(bytes.length <= 0xFFFF, "a %s value is %s bytes, more than 65,535", type, bytes.length);
        this.bytes = bytes;
    }

    public static EvtxValue nul()
    {
        return NULL_VALUE;
    }

    public static EvtxValue string(String text)
    {
        return new EvtxValue(Type.STRING, requireNonNull(text, "text is null").getBytes(StandardCharsets.UTF_16LE));
    }

    public static EvtxValue uint8(int value)
    {
        checkArgument(value >= 0 && value <= 0xFF, "not an unsigned 8-bit value: %s", value);
        return new EvtxValue(Type.UINT8, littleEndian(value, 1));
    }

    public static EvtxValue uint16(int value)
    {
        checkArgument(value >= 0 && value <= 0xFFFF, "not an unsigned 16-bit value: %s", value);
        return new EvtxValue(Type.UINT16, littleEndian(value, 2));
    }

    public static EvtxValue int32(int value)
    {
        return new EvtxValue(Type.INT32, littleEndian(value, 4));
    }

    public static EvtxValue uint32(long value)
    {
        checkArgument(value >= 0 && value <= 0xFFFF_FFFFL, "not an unsigned 32-bit value: %s", value);
        return new EvtxValue(Type.UINT32, littleEndian(value, 4));
    }

    public static EvtxValue int64(long value)
    {
        return new EvtxValue(Type.INT64, littleEndian(value, 8));
    }

    /** {@code value}'s 64 bits read as unsigned. */
    public static EvtxValue uint64(long value)
    {
        return new EvtxValue(Type.UINT64, littleEndian(value, 8));
    }

    /** {@code value}'s 64 bits read as unsigned and shown in hexadecimal ({@code Keywords}). */
    public static EvtxValue hexInt64(long value)
    {
        return new EvtxValue(Type.HEX_INT64, littleEndian(value, 8));
    }

    /** A boolean, stored in 32 bits. */
    public static EvtxValue bool(boolean value)
    {
        return new EvtxValue(Type.BOOL, littleEndian(value ? 1 : 0, 4));
    }

    /** A GUID in the Windows layout: Data1, Data2 and Data3 little-endian, Data4 as written. */
    public static EvtxValue guid(UUID guid)
    {
        return new EvtxValue(Type.GUID, guidBytes(guid));
    }

    /** A FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    public static EvtxValue fileTime(long ticks)
    {
        return new EvtxValue(Type.FILETIME, littleEndian(ticks, 8));
    }

    /** The FILETIME of an instant given in epoch microseconds. */
    public static long fileTimeOfMicros(long epochMicros)
    {
        return Math.addExact(Math.multiplyExact(epochMicros, 10L), FILETIME_UNIX_EPOCH);
    }

    /**
     * A security identifier from its SDDL form ({@code S-1-5-18}): revision, sub-authority count,
     * the 48-bit identifier authority big-endian, then each sub-authority as a little-endian 32-bit value.
     */
    public static EvtxValue sid(String sddl)
    {
        requireNonNull(sddl, "sddl is null");
        String[] parts = sddl.split("-", -1);
        checkArgument(parts.length >= 3 && parts.length <= 18 && parts[0].equals("S"), "not a SID: %s", sddl);
        long revision = sidNumber(parts[1], 0xFF, sddl);
        long authority = sidNumber(parts[2], 0xFFFF_FFFF_FFFFL, sddl);
        int count = parts.length - 3;
        byte[] bytes = new byte[8 + 4 * count];
        bytes[0] = (byte) revision;
        bytes[1] = (byte) count;
        for (int i = 0; i < 6; i++) {
            bytes[2 + i] = (byte) (authority >>> (8 * (5 - i)));
        }
        for (int i = 0; i < count; i++) {
            long subAuthority = sidNumber(parts[3 + i], 0xFFFF_FFFFL, sddl);
            for (int b = 0; b < 4; b++) {
                bytes[8 + 4 * i + b] = (byte) (subAuthority >>> (8 * b));
            }
        }
        return new EvtxValue(Type.SID, bytes);
    }

    public Type type()
    {
        return type;
    }

    /** How many bytes the record stores. */
    public int size()
    {
        return bytes.length;
    }

    /** A copy of the stored bytes. */
    public byte[] bytes()
    {
        return bytes.clone();
    }

    void copyTo(byte[] target, int offset)
    {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    @Override
    public String toString()
    {
        return type + "[" + bytes.length + " bytes]";
    }

    static byte[] guidBytes(UUID guid)
    {
        requireNonNull(guid, "guid is null");
        long high = guid.getMostSignificantBits();
        long low = guid.getLeastSignificantBits();
        byte[] bytes = new byte[16];
        putLittleEndian(bytes, 0, high >>> 32, 4);
        putLittleEndian(bytes, 4, high >>> 16, 2);
        putLittleEndian(bytes, 6, high, 2);
        for (int i = 0; i < 8; i++) {
            bytes[8 + i] = (byte) (low >>> (8 * (7 - i)));
        }
        return bytes;
    }

    private static long sidNumber(String text, long max, String sddl)
    {
        checkArgument(!text.isEmpty() && text.length() <= 15 && text.chars().allMatch(c -> c >= '0' && c <= '9'), "not a SID: %s", sddl);
        long value = Long.parseLong(text);
        checkArgument(value <= max, "not a SID: %s", sddl);
        return value;
    }

    private static byte[] littleEndian(long value, int width)
    {
        byte[] bytes = new byte[width];
        putLittleEndian(bytes, 0, value, width);
        return bytes;
    }

    private static void putLittleEndian(byte[] target, int offset, long value, int width)
    {
        for (int i = 0; i < width; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
