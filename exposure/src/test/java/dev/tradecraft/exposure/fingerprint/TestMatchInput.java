package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

public class TestMatchInput
{
    @Test
    public void testShortTextIsKept()
    {
        String text = "Microsoft-IIS/10.0";
        assertSame(text, new MatchInput(text).text());
    }

    @Test
    public void testLongTextIsCutAtTheLastLineBreakBeforeTheLimit()
    {
        String text = "a".repeat(10) + "\n" + "b".repeat(MatchInput.MAX_CHARS);
        assertEquals("a".repeat(10), new MatchInput(text).text());
    }

    @Test
    public void testLongSingleLineIsCutAtTheLimit()
    {
        assertEquals(MatchInput.MAX_CHARS, new MatchInput("x".repeat(MatchInput.MAX_CHARS + 1)).text().length());
        assertEquals(MatchInput.MAX_CHARS, new MatchInput("\n" + "x".repeat(MatchInput.MAX_CHARS)).text().length());
    }

    @Test
    public void testFoldLowerCasesAsciiAndMapsLookAlikes()
    {
        assertEquals("openssh_9.6 ssh kk ii é ß", MatchInput.fold("OpenSSH_9.6 \u017FSH K\u212A \u0130\u0131 é ß"));
        String lower = "already lower";
        assertSame(lower, MatchInput.fold(lower));
    }

    @Test
    public void testFoldedKeepsLength()
    {
        MatchInput input = new MatchInput("Ab\u017F\u212AÉ");
        assertEquals(input.text().length(), input.folded().length());
        assertEquals("absk\u00C9", input.folded());
    }
}
