package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class TestBinXmlValues
{
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    public void testScalars()
    {
        assertEquals("-5", text(BinXmlValues.INT8, (byte) -5));
        assertEquals("251", text(BinXmlValues.UINT8, (byte) -5));
        assertEquals("-2", text(BinXmlValues.INT16, le(2, -2)));
        assertEquals("65534", text(BinXmlValues.UINT16, le(2, -2)));
        assertEquals("-7", text(BinXmlValues.INT32, le(4, -7)));
        assertEquals("4294967289", text(BinXmlValues.UINT32, le(4, -7)));
        assertEquals("-9", text(BinXmlValues.INT64, le(8, -9)));
        assertEquals("18446744073709551607", text(BinXmlValues.UINT64, le(8, -9)));
        assertEquals("0x58c3c", text(BinXmlValues.HEX_INT64, le(8, 0x58c3c)));
        assertEquals("0x8000000000000000", text(BinXmlValues.HEX_INT64, le(8, Long.MIN_VALUE)));
        assertEquals("0x0", text(BinXmlValues.HEX_INT32, le(4, 0)));
        assertEquals("0x10", text(BinXmlValues.SIZE_T, le(4, 16)));
        assertEquals("0x10", text(BinXmlValues.SIZE_T, le(8, 16)));
        assertEquals("true", text(BinXmlValues.BOOL, le(4, 2)));
        assertEquals("false", text(BinXmlValues.BOOL, le(4, 0)));
        assertEquals("1.5", text(BinXmlValues.REAL64, le(8, Double.doubleToLongBits(1.5))));
        assertEquals("0AFF", text(BinXmlValues.BINARY, (byte) 0x0a, (byte) 0xff));
    }

    @Test
    public void testStringsStopAtNulAndKeepEverythingElse()
    {
        assertEquals("cmd.exe ", text(BinXmlValues.STRING, utf16("cmd.exe \0junk")));
        assertEquals("<script>\u00e9\ud83d\ude00", text(BinXmlValues.STRING, utf16("<script>\u00e9\ud83d\ude00")));
        assertTrue(BinXmlValues.isEmpty(utf16("\0x"), BinXmlValues.STRING, 0, 4));
        assertFalse(BinXmlValues.isEmpty(utf16(" "), BinXmlValues.STRING, 0, 2));
        assertEquals("a,b,", text(BinXmlValues.STRING | BinXmlValues.ARRAY, utf16("a\0b\0\0")));
        assertEquals("1,2", text(BinXmlValues.UINT16 | BinXmlValues.ARRAY, (byte) 1, (byte) 0, (byte) 2, (byte) 0, (byte) 9));
    }

    @Test
    public void testGuidSidAndTimes()
    {
        byte[] guid = {0x5f, 0x38, 0x70, 0x57, 0x2a, (byte) 0xc2, (byte) 0xe0, 0x43, (byte) 0xbf, 0x4c, 0x06, (byte) 0xf5, 0x69, (byte) 0x8f, (byte) 0xfb, (byte) 0xd9};
        assertEquals("5770385F-C22A-43E0-BF4C-06F5698FFBD9", text(BinXmlValues.GUID, guid));
        byte[] sid = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0};
        assertEquals("S-1-5-32-544", text(BinXmlValues.SID, sid));
        // A SID claiming more sub-authorities than it holds shows the ones that are there.
        byte[] shortSid = {1, 5, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0};
        assertEquals("S-1-5-18", text(BinXmlValues.SID, shortSid));
        long ticks = 134_087_028_101_653_245L;
        assertEquals("2025-11-27T07:40:10.165324Z", text(BinXmlValues.FILETIME, le(8, ticks)));
        assertEquals(Instant.parse("2025-11-27T07:40:10.1653245Z"), BinXmlValues.instant(ticks));
        byte[] systemtime = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 2025).putShort((short) 7).putShort((short) 5).putShort((short) 18)
                .putShort((short) 18).putShort((short) 6).putShort((short) 14).putShort((short) 123).array();
        assertEquals("2025-07-18T18:06:14.123000Z", text(BinXmlValues.SYSTEMTIME, systemtime));
    }

    @Test
    public void testShortValuesShowAsHexInsteadOfFailing()
    {
        assertEquals("0102", text(BinXmlValues.UINT32, (byte) 1, (byte) 2));
        assertEquals("01", text(BinXmlValues.GUID, (byte) 1));
        assertEquals("", text(BinXmlValues.UINT32));
    }

    /** The allocation-free calendar arithmetic agrees with java.time over the whole FILETIME range Instant holds. */
    @Test
    public void testDateTimeMatchesJavaTime()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestBinXmlValues seed " + seed + " (-Dtradecraft.seed to repeat)");
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            long micros = Math.floorMod(random.nextLong(), 1_000_000L);
            if (i < 10) {
                seconds = new long[] {0, -1, 86_399, 86_400, -86_400, 951_782_400, 253_402_300_799L, -11_644_473_600L, 4_107_542_400L, 1_709_164_800}[i];
            }
            Instant instant = Instant.ofEpochSecond(seconds, micros * 1000);
            if (instant.atZone(ZoneOffset.UTC).getYear() < 1 || instant.atZone(ZoneOffset.UTC).getYear() > 9999) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            BinXmlValues.appendDateTime(out, seconds, micros);
            assertEquals(MICROS.format(instant), out.toString(), "seed " + seed + " seconds " + seconds);
        }
    }

    private static String text(int type, byte... bytes)
    {
        return BinXmlValues.text(bytes, type, 0, bytes.length);
    }

    private static byte[] le(int size, long value)
    {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private static byte[] utf16(String text)
    {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}
