package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.fingerprint.PatternCompiler.Flag;
import dev.tradecraft.exposure.fingerprint.PatternCompiler.PatternException;

/**
 * Ruby's meaning of Recog patterns and flags, in both engines. Each case runs through RE2/J and,
 * with a back-reference that forces it, through java.util.regex, so the two agree.
 */
public class TestPatternCompiler
{
    @Test
    public void testEngineChoice()
            throws Exception
    {
        assertTrue(PatternCompiler.compile("^nginx/([\\d.]+)$", List.of()) instanceof Re2Pattern);
        assertTrue(PatternCompiler.compile("^(\\w+) \\1$", List.of()) instanceof BoundedJavaPattern);
        assertTrue(PatternCompiler.compile("^a(?=b)", List.of()) instanceof BoundedJavaPattern);
        // RE2/J refuses repetition counts above 1000; java.util.regex takes them.
        assertTrue(PatternCompiler.compile("^a{1,2000}$", List.of()) instanceof BoundedJavaPattern);
    }

    @Test
    public void testIgnoreCaseFlags()
            throws Exception
    {
        for (Flag flag : List.of(Flag.REG_ICASE, Flag.IGNORECASE)) {
            assertBoth("^openssh_(\\S+)", List.of(flag), "OpenSSH_9.6", "9.6");
        }
        assertNoMatchBoth("^openssh_(\\S+)", List.of(), "OpenSSH_9.6");
    }

    @Test
    public void testDotMatchesNewlineOnlyWithADotFlag()
            throws Exception
    {
        for (Flag flag : List.of(Flag.REG_DOT_NEWLINE, Flag.REG_MULTILINE, Flag.REG_LINE_ANY_CRLF)) {
            assertBoth("^Login:(.*)ready$", List.of(flag), "Login:\r\nready", "\r\n");
        }
        assertNoMatchBoth("^Login:(.*)ready$", List.of(), "Login:\r\nready");
    }

    @Test
    public void testInlineRubyMultilineIsDotAll()
            throws Exception
    {
        assertBoth("(?m:a(.)b)", List.of(), "a\nb", "\n");
        assertBoth("(?im:A(.)B)", List.of(), "a\nb", "\n");
    }

    @Test
    public void testLineAnchorsMatchAtEveryLine()
            throws Exception
    {
        assertBoth("^Server: (\\S+)$", List.of(), "Date: x\nServer: Acme\nX: y", "Acme");
        // Only \n ends a line, as in Ruby: "\r" stays part of the line.
        assertNoMatchBoth("^(a)$", List.of(), "a\r\nb");
        assertBoth("^(a\\r)$", List.of(), "a\r\nb", "a\r");
    }

    @Test
    public void testTextAnchors()
            throws Exception
    {
        assertNoMatchBoth("\\A(b)", List.of(), "a\nb");
        assertBoth("(b)\\Z", List.of(), "a\nb\n", "b");
        assertBoth("(b)\\Z", List.of(), "a\nb", "b");
        assertNoMatchBoth("(a)\\Z", List.of(), "a\nb\n");
    }

    @Test
    public void testRubyEscapes()
            throws Exception
    {
        assertBoth("^id=(\\h+)$", List.of(), "id=00ff3A", "00ff3A");
        assertBoth("^a(\\s)b$", List.of(), "a\u000Bb", "\u000B");
        assertBoth("^a(\\v)b$", List.of(), "a\u000Bb", "\u000B");
        assertNoMatchBoth("^a\\vb$", List.of(), "a\nb");
        assertBoth("^(\\x04)\\x84$", List.of(), "\u0004\u0084", "\u0004");
    }

    @Test
    public void testOptionalGroupThatTookNoPartIsNull()
            throws Exception
    {
        CompiledPattern pattern = PatternCompiler.compile("^nginx(?:/([\\d.]+))?$", List.of());
        assertArrayEquals(new String[] {"nginx", null}, pattern.find("nginx"));
        assertEquals(1, pattern.groupCount());
    }

    @Test
    public void testUncompilablePatternNamesBothEngines()
    {
        PatternException e = assertThrows(PatternException.class, () -> PatternCompiler.compile("^(abc", List.of()));
        assertTrue(e.getMessage().contains("RE2/J"), e.getMessage());
        assertTrue(e.getMessage().contains("java.util.regex"), e.getMessage());
        assertThrows(PatternException.class, () -> PatternCompiler.compile("(?(1)a)", List.of()));
    }

    /** The pattern matches with the expected group 1, alone in RE2/J and with a back-reference appended in java.util.regex. */
    private static void assertBoth(String pattern, List<Flag> flags, String text, String group)
            throws Exception
    {
        CompiledPattern re2 = PatternCompiler.compile(pattern, flags);
        assertTrue(re2 instanceof Re2Pattern, pattern);
        String[] groups = re2.find(text);
        assertNotNull(groups, "RE2/J: " + pattern);
        assertEquals(group, groups[1], "RE2/J: " + pattern);
        CompiledPattern java = PatternCompiler.compile(forceJava(pattern), flags);
        assertTrue(java instanceof BoundedJavaPattern, pattern);
        String[] javaGroups = java.find(text);
        assertNotNull(javaGroups, "java.util.regex: " + pattern);
        assertEquals(group, javaGroups[1], "java.util.regex: " + pattern);
    }

    private static void assertNoMatchBoth(String pattern, List<Flag> flags, String text)
            throws Exception
    {
        assertNull(PatternCompiler.compile(pattern, flags).find(text), "RE2/J: " + pattern);
        assertNull(PatternCompiler.compile(forceJava(pattern), flags).find(text), "java.util.regex: " + pattern);
    }

    /** Appends an empty back-reference to group 1, which changes no match but RE2/J cannot run. */
    private static String forceJava(String pattern)
    {
        return "(?:" + pattern + ")(?:\\1){0}";
    }
}
