package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.fingerprint.RubyRegex.Target;
import dev.tradecraft.exposure.fingerprint.RubyRegex.Translation;

public class TestRubyRegex
{
    @Test
    public void testPlainPatternIsUnchanged()
    {
        assertEquals("^Apache\\/2\\.2\\.11.*\\(Fedora\\)", re2("^Apache\\/2\\.2\\.11.*\\(Fedora\\)"));
        assertFalse(RubyRegex.translate("^nginx/([\\d.]+)$", Target.RE2J).needsBacktracking());
    }

    @Test
    public void testRubyMultilineOptionIsDotAll()
    {
        assertEquals("(?s)^a.b", re2("(?m)^a.b"));
        assertEquals("(?is:x.y)", re2("(?im:x.y)"));
        assertEquals("(?i-s:x)", re2("(?i-m:x)"));
    }

    @Test
    public void testCharacterSetOptionsAreDropped()
    {
        assertEquals("(?:x)", re2("(?u:x)"));
        assertEquals("x", re2("(?a)x"));
    }

    @Test
    public void testHexDigitEscape()
    {
        assertEquals("[0-9A-Fa-f]+", re2("\\h+"));
        assertEquals("[^0-9A-Fa-f]", re2("\\H"));
        assertEquals("[0-9A-Fa-f:]", re2("[\\h:]"));
    }

    @Test
    public void testWhiteSpaceIncludesVerticalTab()
    {
        assertEquals("[\\t\\n\\x0B\\f\\r ]", re2("\\s"));
        assertEquals("[^\\t\\n\\x0B\\f\\r ]", re2("\\S"));
        assertEquals("[\\t\\n\\x0B\\f\\r a]", re2("[\\sa]"));
    }

    @Test
    public void testCharacterEscapes()
    {
        assertEquals("\\x{b}", re2("\\v"));
        assertEquals("\\x{1b}", re2("\\e"));
        assertEquals("\\x{a}", re2("\\xA"));
        assertEquals("\\x{84}", re2("\\x84"));
        assertEquals("\\x{e9}", re2("\\u00e9"));
        assertEquals("\\x{1f600}", re2("\\u{1F600}"));
        assertEquals("\\x{0}\\x{8}", re2("\\0\\010"));
    }

    @Test
    public void testEndOfTextBeforeFinalNewline()
    {
        assertEquals("a(?:\\n?\\z)", re2("a\\Z"));
        assertEquals("a\\Z", java("a\\Z"));
    }

    @Test
    public void testBraces()
    {
        assertEquals("a{0,3}", re2("a{,3}"));
        assertEquals("a{2,}", re2("a{2,}"));
        assertEquals("\\{foo}", re2("{foo}"));
        assertEquals("x\\{", re2("x{"));
    }

    @Test
    public void testNamedGroupsMakePlainGroupsNonCapturing()
    {
        assertEquals("(?:a)(?<ver>\\d+)(?:b)", re2("(a)(?<ver>\\d+)(b)"));
        assertEquals("(?<ver>x)", re2("(?'ver'x)"));
    }

    @Test
    public void testCommentsAreRemoved()
    {
        assertEquals("ab", re2("a(?#note)b"));
    }

    @Test
    public void testPosixClassesForJava()
    {
        assertEquals("[[:alpha:]_]", re2("[[:alpha:]_]"));
        assertEquals("[\\p{Alpha}_]", java("[[:alpha:]_]"));
        assertEquals("[\\P{Digit}]", java("[[:^digit:]]"));
        assertEquals("[\\w]", java("[[:word:]]"));
    }

    @Test
    public void testLeadingBracketInClassIsAMember()
    {
        assertEquals("[\\]a]", re2("[]a]"));
    }

    @Test
    public void testConstructsRe2CannotRunNeedBacktracking()
    {
        assertTrue(needsBacktracking("(a)\\1"));
        assertTrue(needsBacktracking("(?<n>a)\\k<n>"));
        assertTrue(needsBacktracking("a(?=b)"));
        assertTrue(needsBacktracking("a(?!b)"));
        assertTrue(needsBacktracking("(?<=a)b"));
        assertTrue(needsBacktracking("(?<!a)b"));
        assertTrue(needsBacktracking("(?>a+)b"));
        assertTrue(needsBacktracking("a*+b"));
        assertTrue(needsBacktracking("a{2}+b"));
        assertTrue(needsBacktracking("\\Ga"));
        assertTrue(needsBacktracking("(?x) a b"));
    }

    @Test
    public void testConstructsRe2ReadsDifferentlyNeedBacktracking()
    {
        assertTrue(needsBacktracking("[a-z&&[^aeiou]]"));
        assertTrue(needsBacktracking("[a[0-9]]"));
    }

    @Test
    public void testEscapedPlusAfterQuantifierIsNotPossessive()
    {
        assertFalse(needsBacktracking("a*\\+"));
        assertFalse(needsBacktracking("a+?b"));
    }

    @Test
    public void testConstructsNeitherEngineRunsAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> re2("(?<n>a)\\g<n>"));
        assertThrows(IllegalArgumentException.class, () -> re2("(?(1)a|b)"));
        assertThrows(IllegalArgumentException.class, () -> re2("(?U)a"));
        assertThrows(IllegalArgumentException.class, () -> re2("a\\"));
        assertThrows(IllegalArgumentException.class, () -> re2("[abc"));
        assertThrows(IllegalArgumentException.class, () -> re2("\\xZZ"));
        assertThrows(IllegalArgumentException.class, () -> re2("[\\H]"));
    }

    private static String re2(String pattern)
    {
        return RubyRegex.translate(pattern, Target.RE2J).pattern();
    }

    private static String java(String pattern)
    {
        return RubyRegex.translate(pattern, Target.JAVA).pattern();
    }

    private static boolean needsBacktracking(String pattern)
    {
        Translation translation = RubyRegex.translate(pattern, Target.RE2J);
        return translation.needsBacktracking();
    }
}
