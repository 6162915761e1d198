package dev.tradecraft.readers.iis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

public class TestLineReader
{
    @Test
    public void testLineEndsAndLastLineWithoutEnd()
            throws IOException
    {
        assertEquals(List.of("a", "", "b", "c\rd", "e"), lines(new StringReader("a\n\r\nb\r\nc\rd\ne")));
        assertEquals(List.of("a"), lines(new StringReader("a\n")));
        assertEquals(List.of(), lines(new StringReader("")));
    }

    @Test
    public void testLinesAcrossChunksAndCarriageReturnAtChunkEnd()
            throws IOException
    {
        // A reader that hands out a few characters at a time puts every line across chunk borders.
        String text = "first line\r\nsecond\r\n" + "x".repeat(70_000) + "\r\nlast";
        List<String> lines = lines(new TrickleReader(text, 3));
        assertEquals(List.of("first line", "second", "x".repeat(70_000), "last"), lines);
    }

    @Test
    public void testOverlongLineIsDroppedAndCounted()
            throws IOException
    {
        String text = "a\n" + "y".repeat(LineReader.MAX_LINE_CHARS + 1) + "\nb\n";
        LineReader reader = new LineReader(new StringReader(text));
        assertTrue(reader.next());
        assertTrue(reader.next());
        assertTrue(reader.overlong());
        assertEquals(LineReader.MAX_LINE_CHARS + 1, reader.overlongChars());
        assertEquals(2, reader.lineNumber());
        assertTrue(reader.next());
        assertFalse(reader.overlong());
        assertEquals("b", new String(reader.buffer(), reader.start(), reader.length()));
        assertEquals(3, reader.lineNumber());
        assertFalse(reader.next());
    }

    @Test
    public void testLineOfExactlyTheLimitIsKept()
            throws IOException
    {
        String line = "z".repeat(LineReader.MAX_LINE_CHARS);
        List<String> lines = lines(new StringReader(line + "\r\nend"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).equals(line), "the line at the limit, without its CR, is kept whole");
        assertEquals("end", lines.get(1));
    }

    private static List<String> lines(Reader in)
            throws IOException
    {
        LineReader reader = new LineReader(in);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(new String(reader.buffer(), reader.start(), reader.length()));
        }
        return lines;
    }

    /** Returns at most {@code step} characters per read, like a slow stream. */
    private static final class TrickleReader extends Reader
    {
        private final String text;
        private final int step;
        private int position;

        TrickleReader(String text, int step)
        {
            this.text = text;
            this.step = step;
        }

        @Override
        public int read(char[] buffer, int offset, int length)
        {
            if (position == text.length()) {
                return -1;
            }
            int count = Math.min(Math.min(length, step), text.length() - position);
            text.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close()
        {
        }
    }
}
