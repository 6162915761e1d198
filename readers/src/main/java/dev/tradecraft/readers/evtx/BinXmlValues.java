package dev.tradecraft.readers.evtx;

import java.time.Instant;

/**
 * The value types of Binary XML substitutions and how each is shown as text. The text forms are
 * those of evtx_dump, so JSON written here reads the same as JSON the analyst already has:
 * integers in decimal, {@code HexInt32}/{@code HexInt64}/{@code SizeT} as lower-case {@code 0x…},
 * binary as upper-case hex, GUIDs upper case without braces, SIDs as {@code S-1-…}, FILETIME and
 * SYSTEMTIME as ISO-8601 UTC with microseconds, arrays with their items joined by commas.
 * Nothing here throws on a wrong size: a value too short for its type is shown as hex.
 */
final class BinXmlValues
{
    static final int NULL = 0x00;
    static final int STRING = 0x01;
    static final int ANSI_STRING = 0x02;
    static final int INT8 = 0x03;
    static final int UINT8 = 0x04;
    static final int INT16 = 0x05;
    static final int UINT16 = 0x06;
    static final int INT32 = 0x07;
    static final int UINT32 = 0x08;
    static final int INT64 = 0x09;
    static final int UINT64 = 0x0a;
    static final int REAL32 = 0x0b;
    static final int REAL64 = 0x0c;
    static final int BOOL = 0x0d;
    static final int BINARY = 0x0e;
    static final int GUID = 0x0f;
    static final int SIZE_T = 0x10;
    static final int FILETIME = 0x11;
    static final int SYSTEMTIME = 0x12;
    static final int SID = 0x13;
    static final int HEX_INT32 = 0x14;
    static final int HEX_INT64 = 0x15;
    static final int EVT_HANDLE = 0x20;
    static final int BIN_XML = 0x21;
    static final int EVT_XML = 0x23;
    static final int ARRAY = 0x80;

    // 1601-01-01 to 1970-01-01 in 100 ns ticks.
    private static final long FILETIME_EPOCH_TICKS = 116_444_736_000_000_000L;
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    // Data1, Data2 and Data3 are little-endian integers, Data4 eight bytes in order; -1 is a dash.
    private static final int[] GUID_ORDER = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private BinXmlValues() {}

    /** Bytes per item of a fixed-size type, 0 for types of variable size. */
    static int itemSize(int type)
    {
        return switch (type) {
            case INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, REAL32, BOOL, HEX_INT32 -> 4;
            case INT64, UINT64, REAL64, FILETIME, HEX_INT64 -> 8;
            case GUID, SYSTEMTIME -> 16;
            default -> 0;
        };
    }

    /** True for the types evtx_dump writes as JSON numbers or booleans (single values only). */
    static boolean isJsonScalar(int type)
    {
        return switch (type) {
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, BOOL -> true;
            default -> false;
        };
    }

    /** True when the value shows as no text: null, zero bytes, or a string that starts with NUL. */
    static boolean isEmpty(byte[] data, int type, int offset, int length)
    {
        if (type == NULL || length <= 0) {
            return true;
        }
        if (type == STRING) {
            return length < 2 || (data[offset] == 0 && data[offset + 1] == 0);
        }
        if (type == ANSI_STRING) {
            return data[offset] == 0;
        }
        return false;
    }

    /** Appends the value's text. */
    static void appendText(StringBuilder out, byte[] data, int type, int offset, int length)
    {
        if (length <= 0 || type == NULL) {
            return;
        }
        if ((type & ARRAY) != 0) {
            appendArray(out, data, type & ~ARRAY, offset, length);
            return;
        }
        switch (type) {
            case STRING -> appendUtf16(out, data, offset, length, true);
            case ANSI_STRING -> appendAnsi(out, data, offset, length);
            case BINARY, EVT_HANDLE, EVT_XML, BIN_XML -> appendHex(out, data, offset, length);
            case SIZE_T -> {
                if (length == 4) {
                    appendHexNumber(out, LittleEndian.u32(data, offset));
                }
                else if (length == 8) {
                    appendHexNumber(out, LittleEndian.i64(data, offset));
                }
                else {
                    appendHex(out, data, offset, length);
                }
            }
            case SID -> appendSid(out, data, offset, length);
            default -> {
                int size = itemSize(type);
                if (size == 0 || length < size) {
                    appendHex(out, data, offset, length);
                }
                else {
                    appendItem(out, data, type, offset);
                }
            }
        }
    }

    /** The value's text as a new string. */
    static String text(byte[] data, int type, int offset, int length)
    {
        if (type == STRING) {
            return utf16(data, offset, length);
        }
        StringBuilder out = new StringBuilder(24);
        appendText(out, data, type, offset, length);
        return out.toString();
    }

    /** A UTF-16LE string, cut at its first NUL as Windows shows it. */
    static String utf16(byte[] data, int offset, int length)
    {
        int units = length >> 1;
        char[] chars = new char[units];
        int count = 0;
        for (int i = 0; i < units; i++) {
            int at = offset + (i << 1);
            char c = (char) ((data[at] & 0xff) | (data[at + 1] & 0xff) << 8);
            if (c == 0) {
                break;
            }
            chars[count++] = c;
        }
        return new String(chars, 0, count);
    }

    /** The instant of a FILETIME (100 ns ticks since 1601), or null when it is outside what Instant holds. */
    static Instant instant(long ticks)
    {
        long sinceEpoch = ticks - FILETIME_EPOCH_TICKS;
        if (ticks < 0) {
            // Unsigned values above Long.MAX_VALUE are far past any real log.
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * 100);
    }

    private static void appendItem(StringBuilder out, byte[] data, int type, int offset)
    {
        switch (type) {
            case INT8 -> out.append((int) data[offset]);
            case UINT8 -> out.append(data[offset] & 0xff);
            case INT16 -> out.append((int) (short) LittleEndian.u16(data, offset));
            case UINT16 -> out.append(LittleEndian.u16(data, offset));
            case INT32 -> out.append(LittleEndian.i32(data, offset));
            case UINT32 -> out.append(LittleEndian.u32(data, offset));
            case INT64 -> out.append(LittleEndian.i64(data, offset));
            case UINT64 -> out.append(Long.toUnsignedString(LittleEndian.i64(data, offset)));
            case REAL32 -> out.append(Float.intBitsToFloat(LittleEndian.i32(data, offset)));
            case REAL64 -> out.append(Double.longBitsToDouble(LittleEndian.i64(data, offset)));
            case BOOL -> out.append(LittleEndian.i32(data, offset) != 0);
            case GUID -> appendGuid(out, data, offset);
            case FILETIME -> appendFiletime(out, LittleEndian.i64(data, offset));
            case SYSTEMTIME -> appendSystemtime(out, data, offset);
            case HEX_INT32 -> appendHexNumber(out, LittleEndian.u32(data, offset));
            case HEX_INT64 -> appendHexNumber(out, LittleEndian.i64(data, offset));
            default -> appendHex(out, data, offset, itemSize(type));
        }
    }

    private static void appendArray(StringBuilder out, byte[] data, int type, int offset, int length)
    {
        if (type == STRING) {
            // NUL-terminated strings back to back; a trailing NUL ends the list, not an empty item.
            int end = offset + (length & ~1);
            int start = offset;
            boolean first = true;
            for (int at = offset; at < end; at += 2) {
                if (data[at] == 0 && data[at + 1] == 0) {
                    if (!first) {
                        out.append(',');
                    }
                    appendUtf16(out, data, start, at - start, false);
                    first = false;
                    start = at + 2;
                }
            }
            if (start < end) {
                if (!first) {
                    out.append(',');
                }
                appendUtf16(out, data, start, end - start, false);
            }
            return;
        }
        int size = itemSize(type);
        if (size == 0) {
            appendHex(out, data, offset, length);
            return;
        }
        for (int at = offset; at + size <= offset + length; at += size) {
            if (at > offset) {
                out.append(',');
            }
            appendItem(out, data, type, at);
        }
    }

    private static void appendUtf16(StringBuilder out, byte[] data, int offset, int length, boolean stopAtNul)
    {
        int end = offset + (length & ~1);
        for (int at = offset; at < end; at += 2) {
            char c = (char) ((data[at] & 0xff) | (data[at + 1] & 0xff) << 8);
            if (c == 0 && stopAtNul) {
                return;
            }
            out.append(c);
        }
    }

    private static void appendAnsi(StringBuilder out, byte[] data, int offset, int length)
    {
        // Code page unknown: Latin-1 keeps every byte as one character.
        for (int at = offset; at < offset + length && data[at] != 0; at++) {
            out.append((char) (data[at] & 0xff));
        }
    }

    private static void appendHex(StringBuilder out, byte[] data, int offset, int length)
    {
        for (int at = offset; at < offset + length; at++) {
            out.append(HEX_UPPER[(data[at] >> 4) & 0xf]).append(HEX_UPPER[data[at] & 0xf]);
        }
    }

    private static void appendHexNumber(StringBuilder out, long value)
    {
        out.append("0x");
        int shift = 60;
        while (shift > 0 && ((value >>> shift) & 0xf) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.append(HEX_LOWER[(int) ((value >>> shift) & 0xf)]);
        }
    }

    private static void appendGuid(StringBuilder out, byte[] data, int offset)
    {
        for (int index : GUID_ORDER) {
            if (index < 0) {
                out.append('-');
            }
            else {
                int b = data[offset + index];
                out.append(HEX_UPPER[(b >> 4) & 0xf]).append(HEX_UPPER[b & 0xf]);
            }
        }
    }

    private static void appendSid(StringBuilder out, byte[] data, int offset, int length)
    {
        if (length < 8) {
            appendHex(out, data, offset, length);
            return;
        }
        int revision = data[offset] & 0xff;
        int count = data[offset + 1] & 0xff;
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (data[offset + i] & 0xff);
        }
        out.append("S-").append(revision).append('-').append(authority);
        for (int i = 0; i < count && offset + 8 + i * 4 + 4 <= offset + length; i++) {
            out.append('-').append(LittleEndian.u32(data, offset + 8 + i * 4));
        }
    }

    private static void appendFiletime(StringBuilder out, long ticks)
    {
        if (ticks < 0) {
            appendHexNumber(out, ticks);
            return;
        }
        long sinceEpoch = ticks - FILETIME_EPOCH_TICKS;
        long seconds = Math.floorDiv(sinceEpoch, 10_000_000L);
        long micros = Math.floorMod(sinceEpoch, 10_000_000L) / 10;
        appendDateTime(out, seconds, micros);
    }

    private static void appendSystemtime(StringBuilder out, byte[] data, int offset)
    {
        appendDigits(out, LittleEndian.u16(data, offset), 4);
        out.append('-');
        appendDigits(out, LittleEndian.u16(data, offset + 2), 2);
        out.append('-');
        appendDigits(out, LittleEndian.u16(data, offset + 6), 2);
        out.append('T');
        appendDigits(out, LittleEndian.u16(data, offset + 8), 2);
        out.append(':');
        appendDigits(out, LittleEndian.u16(data, offset + 10), 2);
        out.append(':');
        appendDigits(out, LittleEndian.u16(data, offset + 12), 2);
        out.append('.');
        appendDigits(out, LittleEndian.u16(data, offset + 14) * 1000L, 6);
        out.append('Z');
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} without allocating: FILETIME is on every record. */
    static void appendDateTime(StringBuilder out, long epochSeconds, long micros)
    {
        long days = Math.floorDiv(epochSeconds, 86_400L);
        long secondOfDay = Math.floorMod(epochSeconds, 86_400L);
        // Civil date from a day count (proleptic Gregorian), era by era of 400 years.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        appendDigits(out, year, 4);
        out.append('-');
        appendDigits(out, month, 2);
        out.append('-');
        appendDigits(out, day, 2);
        out.append('T');
        appendDigits(out, secondOfDay / 3600, 2);
        out.append(':');
        appendDigits(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        appendDigits(out, secondOfDay % 60, 2);
        out.append('.');
        appendDigits(out, micros, 6);
        out.append('Z');
    }

    private static void appendDigits(StringBuilder out, long value, int width)
    {
        if (value < 0) {
            out.append(value);
            return;
        }
        long limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
        }
        while (limit > 1 && value < limit) {
            out.append('0');
            limit /= 10;
        }
        out.append(value);
    }
}
