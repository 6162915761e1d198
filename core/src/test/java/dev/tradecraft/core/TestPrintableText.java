package dev.tradecraft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

public class TestPrintableText
{
    @Test
    public void testCleanShortTextIsKept()
    {
        String text = "banner 'nginx/1.24.0' at line 7 — ünïcode kept";
        assertSame(text, PrintableText.of(text, 300));
    }

    @Test
    public void testControlsAndLineSeparatorsBecomeQuestionMarks()
    {
        assertEquals("a?b?c?d?e", PrintableText.of("a\nb\u001bc\u0085d\u2028e", 300));
    }

    @Test
    public void testLongTextIsCutOutsideSurrogatePairs()
    {
        assertEquals("abc...", PrintableText.of("abcdef", 3));
        // The cut would fall between the halves of an emoji: it falls before it.
        assertEquals("ab...", PrintableText.of("ab\uD83D\uDE00def", 3));
    }

    /** Whatever the input: one line, within the bound plus the ellipsis, and no lone high surrogate at the cut. */
    @Test
    public void testAnyTextBecomesOneBoundedLine()
    {
        long seed = System.nanoTime();
        System.out.println("TestPrintableText seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append((char) random.nextInt(0x3000));
            }
            int bound = 1 + random.nextInt(30);
            String out = PrintableText.of(text.toString(), bound);
            assertTrue(out.length() <= bound + 3, "seed " + seed);
            assertTrue(out.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029 || (c >= 0x7f && c <= 0x9f)), "seed " + seed);
        }
    }
}
