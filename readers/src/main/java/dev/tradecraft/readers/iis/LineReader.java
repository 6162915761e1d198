package dev.tradecraft.readers.iis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits text into lines without a String per line and with a bound on line length, so one
 * gigantic line cannot exhaust memory. A line ends at {@code \n}; a {@code \r} before it is dropped.
 *
 * <p>The current line is a view ({@link #buffer()}, {@link #start()}, {@link #length()}) valid until
 * the next call to {@link #next()}. A line that lies within one read chunk is not copied at all.
 */
final class LineReader
{
    static final int MAX_LINE_CHARS = 1024 * 1024;
    private static final int CHUNK_CHARS = 64 * 1024;

    private final Reader in;
    private final char[] chunk = new char[CHUNK_CHARS];
    private int position;
    private int limit;
    private char[] spill = new char[256];
    private int spillLength;

    private char[] lineBuffer;
    private int lineStart;
    private int lineLength;
    private long lineNumber;
    private long overlongChars;

    LineReader(Reader in)
    {
        this.in = requireNonNull(in, "in is null");
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException
    {
        spillLength = 0;
        overlongChars = 0;
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!started) {
                    return false;
                }
                setLine(spill, 0, spillLength);
                return true;
            }
            int newline = indexOfNewline();
            if (newline >= 0) {
                if (!started) {
                    setLine(chunk, position, newline - position);
                }
                else {
                    append(position, newline - position);
                    setLine(spill, 0, spillLength);
                }
                position = newline + 1;
                return true;
            }
            append(position, limit - position);
            started = true;
            position = limit;
        }
    }

    char[] buffer()
    {
        return lineBuffer;
    }

    int start()
    {
        return lineStart;
    }

    /** Length of the line without its terminator; 0 for an overlong line. */
    int length()
    {
        return lineLength;
    }

    /** 1-based physical line number. */
    long lineNumber()
    {
        return lineNumber;
    }

    /** True when the line was longer than {@link #MAX_LINE_CHARS}; its text was dropped. */
    boolean overlong()
    {
        return overlongChars > 0;
    }

    long overlongChars()
    {
        return overlongChars;
    }

    private void setLine(char[] buffer, int start, int length)
    {
        lineNumber++;
        if (overlongChars > 0) {
            lineBuffer = buffer;
            lineStart = start;
            lineLength = 0;
            return;
        }
        if (length > 0 && buffer[start + length - 1] == '\r') {
            length--;
        }
        if (length > MAX_LINE_CHARS) {
            overlongChars = length;
            length = 0;
        }
        lineBuffer = buffer;
        lineStart = start;
        lineLength = length;
    }

    private int indexOfNewline()
    {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int count)
    {
        if (overlongChars > 0) {
            overlongChars += count;
            return;
        }
        // One more than the limit, for the '\r' that setLine drops.
        if (spillLength + count > MAX_LINE_CHARS + 1) {
            overlongChars = (long) spillLength + count;
            spillLength = 0;
            return;
        }
        if (spillLength + count > spill.length) {
            spill = Arrays.copyOf(spill, Math.min(MAX_LINE_CHARS + 1, Math.max(spill.length * 2, spillLength + count)));
        }
        System.arraycopy(chunk, from, spill, spillLength, count);
        spillLength += count;
    }

    private boolean fill() throws IOException
    {
        int count;
        do {
            count = in.read(chunk, 0, chunk.length);
        }
        while (count == 0);
        if (count < 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
