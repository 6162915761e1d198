package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Lines found eight bytes at a time equal lines found one byte at a time, whatever the bytes and however the stream delivers them. */
public class TestLineSource
{
    // Newline, its neighbours and bytes whose high bit trips naive word tricks.
    private static final byte[] BYTES = {'\n', '\r', 0x0B, 0x09, 0x0A ^ (byte) 0x80, (byte) 0x8A, (byte) 0xFF, 0x00, 0x01, 'a', '{', '}'};

    @Test
    public void testSplitsLikeAByteByByteSearch() throws IOException
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestLineSource seed " + seed);
        Random random = new Random(seed);
        for (int iteration = 0; iteration < 500; iteration++) {
            byte[] content = new byte[random.nextInt(400)];
            int newlineEvery = 1 + random.nextInt(60);
            for (int i = 0; i < content.length; i++) {
                content[i] = random.nextInt(newlineEvery) == 0 ? (byte) '\n' : BYTES[random.nextInt(BYTES.length)];
            }
            int maxLine = 16 + random.nextInt(200);
            List<String> expected = naive(content, maxLine);
            List<String> actual = new ArrayList<>();
            LineSource lines = new LineSource(new TrickleStream(content, random), new ProblemReporter("t", problem -> {}), maxLine);
            while (lines.next()) {
                actual.add(lines.number() + ":" + Arrays.toString(Arrays.copyOfRange(lines.buffer(), lines.start(), lines.end())) + ":" + lines.terminated());
            }
            assertEquals(expected, actual, "seed " + seed + ", iteration " + iteration);
        }
    }

    /** Lines split at '\n', a CR before it dropped, over-long lines left out but counted. */
    private static List<String> naive(byte[] content, int maxLine)
    {
        List<String> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i <= content.length; i++) {
            boolean end = i == content.length;
            if (!end && content[i] != '\n') {
                continue;
            }
            if (end && start == content.length) {
                break;
            }
            number++;
            int stop = !end && i > start && content[i - 1] == '\r' ? i - 1 : i;
            if (i - start <= maxLine) {
                lines.add(number + ":" + Arrays.toString(Arrays.copyOfRange(content, start, stop)) + ":" + !end);
            }
            start = i + 1;
        }
        return lines;
    }

    /** Delivers a few bytes per read, as a network or gzip stream may. */
    private static final class TrickleStream extends InputStream
    {
        private final byte[] content;
        private final Random random;
        private int position;

        TrickleStream(byte[] content, Random random)
        {
            this.content = content;
            this.random = random;
        }

        @Override
        public int read()
        {
            return position < content.length ? content[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length)
        {
            if (position >= content.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(37)), content.length - position);
            System.arraycopy(content, position, into, offset, count);
            position += count;
            return count;
        }
    }
}
