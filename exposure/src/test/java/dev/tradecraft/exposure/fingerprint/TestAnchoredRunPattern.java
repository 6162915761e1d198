package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class TestAnchoredRunPattern
{
    /** The engine alone, as the compiler would build it without the fast path. */
    private static CompiledPattern engineOf(String pattern)
    {
        return new Re2Pattern(com.google.re2j.Pattern.compile(RubyRegex.translate(pattern, RubyRegex.Target.RE2J).pattern(),
                com.google.re2j.Pattern.MULTILINE));
    }

    @Test
    public void testRequestGuidAndNumbersTakeTheFastPath() throws Exception
    {
        CompiledPattern guid = PatternCompiler.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", List.of());
        assertInstanceOf(AnchoredRunPattern.class, guid);
        assertTrue(guid.found("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21"));
        assertFalse(guid.found("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e2"));
        assertFalse(guid.found("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e211"));
        assertFalse(guid.found("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e2g"));
        assertEquals(List.of("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21"), List.of(guid.find("5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21")));
        CompiledPattern number = PatternCompiler.compile("^\\d+$", List.of());
        assertInstanceOf(AnchoredRunPattern.class, number);
        assertTrue(number.found("20"));
        assertFalse(number.found(""));
        assertNull(number.find("2 0"));
    }

    @Test
    public void testLinesAndNonAsciiGoToTheEngine() throws Exception
    {
        CompiledPattern number = PatternCompiler.compile("^\\d+$", List.of());
        // Multi-line, as Recog's Ruby reads ^ and $: a line of digits matches.
        assertTrue(number.found("abc\n123"));
        assertEquals(engineOf("^\\d+$").found("x\u0663y"), number.found("x\u0663y"));
    }

    @Test
    public void testPatternsWhereGreedyCouldBeWrongAreLeftToTheEngine() throws Exception
    {
        for (String pattern : List.of("^\\d+\\d$", "^a*a$", "^\\d+-?\\d+$", "^[a-z]+\\w$", "^.*x$", "^(a)b$", "^a|b$", "^a+?$", "^a++$", "^a{,3}$")) {
            CompiledPattern compiled = PatternCompiler.compile(pattern, List.of());
            assertFalse(compiled instanceof AnchoredRunPattern, pattern);
        }
        CompiledPattern caseless = PatternCompiler.compile("^\\d+$", List.of(PatternCompiler.Flag.REG_ICASE));
        assertFalse(caseless instanceof AnchoredRunPattern);
        assertEquals(Optional.empty(), AnchoredRunPattern.of("\\d+$", false, engineOf("\\d+$")));
    }

    /** Random patterns over a small alphabet, random texts: where the fast path is taken, it agrees with RE2/J on every text. */
    @Test
    public void testAgreesWithTheEngine() throws Exception
    {
        long seed = System.nanoTime();
        System.out.println("TestAnchoredRunPattern seed " + seed);
        Random random = new Random(seed);
        String[] atoms = {"a", "b", "-", "\\.", "\\d", "\\w", "\\s", "\\h", "\\D", "[ab]", "[^a]", "[0-9a-f]", "[a-c-]", ".", "x", "1", " "};
        String[] counts = {"", "", "?", "*", "+", "{2}", "{1,3}", "{2,}"};
        String alphabet = "ab-.x1 2fZ_c\t";
        int fast = 0;
        List<String> disagreements = new ArrayList<>();
        for (int p = 0; p < 3000; p++) {
            StringBuilder pattern = new StringBuilder("^");
            int items = 1 + random.nextInt(4);
            for (int i = 0; i < items; i++) {
                pattern.append(atoms[random.nextInt(atoms.length)]).append(counts[random.nextInt(counts.length)]);
            }
            pattern.append('$');
            CompiledPattern compiled = PatternCompiler.compile(pattern.toString(), List.of());
            if (!(compiled instanceof AnchoredRunPattern)) {
                continue;
            }
            fast++;
            CompiledPattern engine = engineOf(pattern.toString());
            for (int t = 0; t < 40; t++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(8);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (compiled.found(text.toString()) != engine.found(text.toString())) {
                    disagreements.add(pattern + " on '" + text + "'");
                }
            }
        }
        assertTrue(fast > 500, "too few patterns took the fast path: " + fast + " (seed " + seed + ")");
        assertEquals(List.of(), disagreements, "seed " + seed);
    }
}
