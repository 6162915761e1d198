package dev.tradecraft.sigma.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tradecraft.sigma.value.CaseFolding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The automaton against the obvious reference, {@code startsWith} of every literal at every position
 * (with every character outside ASCII alike, as the automaton compares them), on random literal sets and texts over a small alphabet (so overlaps, shared prefixes and suffixes
 * of other literals are frequent). A failure prints the seed; rerun with -Dtradecraft.seed=N.
 */
class TestLiteralAutomaton
{
    // Includes characters that fold into ASCII (Kelvin sign, long s, dotted capital I) and a non-ASCII letter with case.
    private static final String TEXT_ALPHABET = "abcABC\\.-\u212A\u017Fk s\u0130iéÉ";
    private static final String LITERAL_ALPHABET = "abc\\.-ksié";

    @Test
    void testFindsEveryOccurrenceOfEveryLiteral()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestLiteralAutomaton seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            boolean foldText = random.nextBoolean();
            List<String> literals = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                literals.add(randomText(random, foldText ? LITERAL_ALPHABET : TEXT_ALPHABET, 1 + random.nextInt(4)));
            }
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                ids[i] = 100 + i;
            }
            LiteralAutomaton automaton = LiteralAutomaton.build(literals, ids, foldText);
            for (int t = 0; t < 10; t++) {
                String text = randomText(random, TEXT_ALPHABET, random.nextInt(30));
                assertEquals(reference(literals, ids, text, foldText), found(automaton, text),
                        "seed " + seed + ", literals " + literals + ", fold " + foldText + ", text '" + text + "'");
            }
        }
    }

    @Test
    void testReportsOverlappingAndNestedLiterals()
    {
        LiteralAutomaton automaton = LiteralAutomaton.build(List.of("he", "she", "his", "hers"), new int[] {0, 1, 2, 3}, false);
        // "ushers": she ends at 3 and he ends at 3, hers at 5.
        assertEquals(List.of(1, 0, 3), found(automaton, "ushers"));
        assertEquals(List.of(), found(automaton, "USHERS"));
    }

    @Test
    void testFoldsTextCaseAsSigmaDoes()
    {
        LiteralAutomaton automaton = LiteralAutomaton.build(List.of("\\system32\\", "kelvin"), new int[] {7, 8}, true);
        assertEquals(List.of(7), found(automaton, "C:\\Windows\\SYSTEM32\\cmd.exe"));
        assertEquals(List.of(8), found(automaton, "\u212Aelvin"));
    }

    @Test
    void testTreatsCharactersOutsideAsciiAlikeSoItNeverMissesOne()
    {
        LiteralAutomaton automaton = LiteralAutomaton.build(List.of("a\u2013b"), new int[] {1}, true);
        assertEquals(List.of(1), found(automaton, "xA\u2013B"));
        // Another dash in the same place is reported too; callers verify.
        assertEquals(List.of(1), found(automaton, "a\u2014b"));
        assertEquals(List.of(), found(automaton, "a-b"));
    }

    @Test
    void testRejectsEmptyLiteralsAndMismatchedIds()
    {
        assertThrows(IllegalArgumentException.class, () -> LiteralAutomaton.build(List.of(""), new int[] {0}, false));
        assertThrows(IllegalArgumentException.class, () -> LiteralAutomaton.build(List.of("a", "b"), new int[] {0}, false));
    }

    private static List<Integer> found(LiteralAutomaton automaton, String text)
    {
        List<Integer> hits = new ArrayList<>();
        automaton.scan(text, (id, end) -> hits.add(id));
        return hits;
    }

    /** Ids in text order (by end position), and for one end position in the automaton's order: longest literal first, then build order. */
    private static List<Integer> reference(List<String> literals, int[] ids, String text, boolean foldText)
    {
        String compared = classes(text, foldText);
        List<String> searched = new ArrayList<>();
        for (String literal : literals) {
            searched.add(classes(literal, false));
        }
        List<Integer> hits = new ArrayList<>();
        for (int end = 1; end <= compared.length(); end++) {
            List<int[]> atEnd = new ArrayList<>();
            for (int l = 0; l < searched.size(); l++) {
                String literal = searched.get(l);
                if (literal.length() <= end && compared.startsWith(literal, end - literal.length())) {
                    atEnd.add(new int[] {literal.length(), l});
                }
            }
            atEnd.sort((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0]) : Integer.compare(a[1], b[1]));
            for (int[] hit : atEnd) {
                hits.add(ids[hit[1]]);
            }
        }
        return hits;
    }

    /** The text as the automaton compares it: folded if asked, and every character outside ASCII alike. */
    private static String classes(String text, boolean fold)
    {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = fold ? CaseFolding.fold(chars[i]) : chars[i];
            chars[i] = c < 128 ? c : '\uFFFF';
        }
        return new String(chars);
    }

    private static String randomText(Random random, String alphabet, int length)
    {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
