package dev.tradecraft.sigma.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Sigma string escaping (sigma.md §1.3) and whole-value wildcard matching. */
class TestWildcards
{
    private static final PatternPart ANY = Wildcard.ANY_RUN;
    private static final PatternPart ONE = Wildcard.ONE_CHAR;

    private static PatternPart text(String text)
    {
        return new Literal(text);
    }

    private static List<PatternPart> parts(String sigma)
    {
        return StringPattern.parse(sigma).parts();
    }

    private static boolean matches(String sigma, String value)
    {
        return WildcardMatcher.of(StringPattern.parse(sigma)).matches(value);
    }

    @Test
    void testBackslashBeforeOrdinaryCharacterIsLiteral()
    {
        assertEquals(List.of(text("C:\\Windows\\System32")), parts("C:\\Windows\\System32"));
    }

    @Test
    void testEscapedWildcardsAreLiteral()
    {
        assertEquals(List.of(text("a*b?c")), parts("a\\*b\\?c"));
    }

    @Test
    void testDoubleBackslashBeforeWildcardIsBackslashThenWildcard()
    {
        assertEquals(List.of(text("a\\"), ANY), parts("a\\\\*"));
    }

    @Test
    void testTripleBackslashBeforeStarIsBackslashThenLiteralStar()
    {
        assertEquals(List.of(text("a\\*")), parts("a\\\\\\*"));
    }

    @Test
    void testDoubleBackslashIsOneBackslash()
    {
        assertEquals(List.of(text("a\\b")), parts("a\\\\b"));
    }

    @Test
    void testThreeOrFourBackslashesAreTwo()
    {
        assertEquals(List.of(text("a\\\\b")), parts("a\\\\\\b"));
        assertEquals(List.of(text("a\\\\b")), parts("a\\\\\\\\b"));
    }

    @Test
    void testTrailingLoneBackslashIsLiteral()
    {
        assertEquals(List.of(text("C:\\")), parts("C:\\"));
        assertEquals(List.of(ANY, text("\\")), parts("*\\"));
    }

    @Test
    void testUnescapedWildcards()
    {
        assertEquals(List.of(ANY, text("\\spinstall"), ONE, text(".aspx")), parts("*\\spinstall?.aspx"));
        assertEquals(List.of(ANY), parts("***"));
        assertEquals(List.of(), parts(""));
    }

    @Test
    void testToStringRoundTrips()
    {
        for (String sigma : List.of("C:\\Windows\\", "a\\\\*", "a\\*b\\?", "*\\spinstall?.aspx", "x\\\\\\*y", "\\\\\\\\", "plain")) {
            StringPattern pattern = StringPattern.parse(sigma);
            assertEquals(pattern, StringPattern.parse(pattern.toString()), sigma + " -> " + pattern);
        }
    }

    @Test
    void testPlainValueIsWholeValueCaseInsensitive()
    {
        assertTrue(matches("cmd.exe", "CMD.EXE"));
        assertFalse(matches("cmd.exe", "xcmd.exe"));
        assertFalse(matches("cmd.exe", "cmd.exe "));
        assertTrue(matches("", ""));
        assertFalse(matches("", "x"));
    }

    @Test
    void testStarMatchesAnyRunIncludingEmpty()
    {
        assertTrue(matches("*\\cmd.exe", "C:\\Windows\\cmd.exe"));
        assertTrue(matches("*\\cmd.exe", "\\cmd.exe"));
        assertTrue(matches("a*b*c", "abc"));
        assertTrue(matches("a*b*c", "aXXbYYc"));
        assertFalse(matches("a*b*c", "aXXcYYb"));
        assertTrue(matches("*", ""));
        assertTrue(matches("ab*ab", "abab"));
        assertFalse(matches("ab*ab", "aba"));
    }

    @Test
    void testQuestionMarkMatchesExactlyOneCharacter()
    {
        assertTrue(matches("*\\spinstall?.aspx", "C:\\x\\spinstall0.aspx"));
        assertFalse(matches("*\\spinstall?.aspx", "C:\\x\\spinstall.aspx"));
        assertFalse(matches("*\\spinstall?.aspx", "C:\\x\\spinstall10.aspx"));
        assertTrue(matches("*?a*", "ba"));
        assertFalse(matches("*?a*", "a"));
    }

    @Test
    void testEscapedWildcardMatchesOnlyItself()
    {
        assertTrue(matches("a\\*b", "a*b"));
        assertFalse(matches("a\\*b", "axb"));
        assertTrue(matches("what\\?", "WHAT?"));
        assertFalse(matches("what\\?", "whatx"));
    }

    @Test
    void testCasedPatternIsCaseSensitive()
    {
        WildcardMatcher cased = WildcardMatcher.of(StringPattern.parse("*Invoke-*").withCased(true));
        assertTrue(cased.matches("x Invoke-Expression"));
        assertFalse(cased.matches("x invoke-expression"));
    }

    @Test
    void testCaseFoldingBeyondAscii()
    {
        assertTrue(matches("ÉCOLE*", "école primaire"));
        assertTrue(matches("straße", "STRAßE"));
    }

    @Test
    void testLongHostileValueStaysFast()
    {
        String value = "a".repeat(200_000);
        long start = System.nanoTime();
        assertFalse(matches("*a*a*a*a*a*a*a*a*b", value));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }
}
