package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The lines of a byte stream, handed out in place: {@link #buffer()} from {@link #start()} to
 * {@link #end()}, without the line break (LF or CRLF), valid until the next call. No line is
 * decoded to characters here; JSON parsers read the bytes directly.
 *
 * <p>A line longer than {@value #MAX_LINE_BYTES} bytes is reported and skipped without being
 * held, so one runaway record cannot exhaust memory.
 */
final class LineSource
{
    static final int MAX_LINE_BYTES = 32 * 1024 * 1024;
    private static final int INITIAL_BYTES = 256 * 1024;

    private final InputStream in;
    private final ProblemReporter problems;
    private final int maxLineBytes;
    private byte[] buffer = new byte[INITIAL_BYTES];
    private int position;
    private int limit;
    private boolean eof;
    private int lineStart;
    private int lineEnd;
    private long number;
    private boolean terminated;

    LineSource(InputStream in, ProblemReporter problems)
    {
        this(in, problems, MAX_LINE_BYTES);
    }

    LineSource(InputStream in, ProblemReporter problems, int maxLineBytes)
    {
        this.in = requireNonNull(in, "in is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException
    {
        int searchFrom = position;
        while (true) {
            int newline = indexOfNewline(searchFrom, limit);
            if (newline >= 0 && newline - position > maxLineBytes) {
                number++;
                reportLongLine();
                position = newline + 1;
                searchFrom = position;
                continue;
            }
            if (newline >= 0) {
                setLine(newline, true);
                position = newline + 1;
                return true;
            }
            if (eof) {
                if (limit - position > maxLineBytes) {
                    number++;
                    reportLongLine();
                    position = limit;
                    return false;
                }
                if (position < limit) {
                    setLine(limit, false);
                    position = limit;
                    return true;
                }
                return false;
            }
            if (limit - position > maxLineBytes) {
                skipLongLine();
                searchFrom = position;
                continue;
            }
            searchFrom = limit - position;
            compactAndGrow();
            searchFrom += position;
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
            }
            else {
                limit += read;
            }
        }
    }

    byte[] buffer()
    {
        return buffer;
    }

    int start()
    {
        return lineStart;
    }

    int end()
    {
        return lineEnd;
    }

    /** 1-based number of the current line. */
    long number()
    {
        return number;
    }

    /** False when the current line is the last and no line break ends it. */
    boolean terminated()
    {
        return terminated;
    }

    private void setLine(int end, boolean withBreak)
    {
        number++;
        lineStart = position;
        lineEnd = withBreak && end > position && buffer[end - 1] == '\r' ? end - 1 : end;
        terminated = withBreak;
    }

    /**
     * The first '\n' in {@code buffer[from, to)}, or -1. Eight bytes at a time: in a word XOR-ed with
     * eight newlines, {@code (x - 0x01..) & ~x & 0x80..} flags every zero byte, and the lowest flag
     * is always a real one (a borrow only runs upwards), so the first newline is exact. Every byte
     * of a scan file passes through here.
     */
    private int indexOfNewline(int from, int to)
    {
        byte[] bytes = buffer;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) WORDS.get(bytes, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Moves the unread bytes to the front and makes room for more, growing up to the line limit. */
    private void compactAndGrow()
    {
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unread);
            position = 0;
            limit = unread;
        }
        if (limit == buffer.length) {
            byte[] larger = new byte[(int) Math.min((long) buffer.length * 2, (long) maxLineBytes + INITIAL_BYTES)];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
        }
    }

    private void reportLongLine()
    {
        problems.skip(number, ScanProblem.RECORD_TOO_LARGE, "line is longer than " + describeBytes(maxLineBytes) + "; skipped");
    }

    static String describeBytes(int bytes)
    {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes + " bytes";
    }

    /** Reports the over-long line that starts at {@code position} and drops it through its line break. */
    private void skipLongLine() throws IOException
    {
        number++;
        reportLongLine();
        position = 0;
        limit = 0;
        while (true) {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                eof = true;
                return;
            }
            int newline = indexOfNewline(0, read);
            if (newline >= 0) {
                position = newline + 1;
                limit = read;
                return;
            }
        }
    }
}
