package dev.tradecraft.sigma.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The facts that let a regular expression be ruled out without running it must never rule out a
 * value RE2/J would match: checked on examples from SigmaHQ rules and on random expressions over a
 * small grammar with random texts (seed printed; rerun with -Dtradecraft.seed=N).
 */
class TestRegexFacts
{
    @Test
    void testRequiredLiterals()
    {
        assertEquals(List.of("\\spinstall"), RegexFacts.requiredLiterals("\\\\SpInstall[0-9]?\\.aspx"));
        assertEquals(List.of("ab"), RegexFacts.requiredLiterals("ab+cd"));
        assertEquals(List.of("yz"), RegexFacts.requiredLiterals("x(a|b)yz"));
        assertEquals(List.of("ipfs.io/"), RegexFacts.requiredLiterals("^ipfs\\.io/.*$"));
        assertEquals(List.of("-o"), RegexFacts.requiredLiterals("\\s-O\\s"));
        // Optional or counted characters are not required; a top-level alternation requires a literal of each branch.
        assertEquals(List.of("ab"), RegexFacts.requiredLiterals("abc?d"));
        assertEquals(List.of("abc", "def"), RegexFacts.requiredLiterals("abc|def"));
        assertEquals(List.of(), RegexFacts.requiredLiterals("[a-z]+\\d{3}"));
        // Escapes it does not read stop it; what came before stays required.
        assertEquals(List.of("abc"), RegexFacts.requiredLiterals("abc\\x41def"));
        assertEquals(List.of(), RegexFacts.requiredLiterals("\\Qa|b\\E"));
    }

    @Test
    void testRequiredLiteralsThroughSmallClasses()
    {
        // SigmaHQ's Raspberry Robin rule: the dot and the quote or space after it are the strongest run.
        assertEquals(List.of(". ", ".\"", ".'"), RegexFacts.requiredLiterals("\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ \"']{1}"));
        assertEquals(List.of("rundll32"), RegexFacts.requiredLiterals("[Rr][Uu][Nn][Dd][Ll][Ll]32(?:\\.[Ee][Xx][Ee])? \\S+?\\w:\\S+?:"));
        assertEquals(List.of("abce", "abde"), RegexFacts.requiredLiterals("ab[cd]e"));
        // A class of more than four characters, or a negated one, is no required position.
        assertEquals(List.of("x"), RegexFacts.requiredLiterals("x[a-f]y"));
        assertEquals(List.of("ab"), RegexFacts.requiredLiterals("ab[^c]"));
        // Alternation: a literal from every branch, or nothing when a branch requires nothing.
        assertEquals(List.of("abc", "def"), RegexFacts.requiredLiterals("abc|def"));
        assertEquals(List.of(), RegexFacts.requiredLiterals("abc|"));
        assertEquals(List.of("programdata", "appdata%", "\\appdata\\"), RegexFacts.requiredLiterals(
                "(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%|\\\\[Aa]pp[Dd]ata\\\\(?:[Ll]ocal(?:[Ll]ow)?|[Rr]oaming))\\\\[^\\\\]{1,256}$"));
        // Every required set, so a check can demand all of them.
        assertEquals(List.of(List.of("-"), List.of("<")), RegexFacts.requiredLiteralSets("\\s-\\s*<"));
        assertEquals(List.of(List.of("\""), List.of("{"), List.of("-f")), RegexFacts.requiredLiteralSets("\"(?:\\{\\d\\})+\"\\s*-f"));
        assertEquals(List.of(List.of("abc", "def")), RegexFacts.requiredLiteralSets("abc|def"));
        // An optional group requires nothing.
        assertEquals(List.of("x"), RegexFacts.requiredLiterals("x(ab|cd)?y"));
    }

    @Test
    void testMinimumLength()
    {
        assertEquals(1000, RegexFacts.minimumLength(".{1000,}"));
        assertEquals(200, RegexFacts.minimumLength("(.){200,}"));
        assertEquals(100, RegexFacts.minimumLength("[^/]{100,}$"));
        assertEquals(4, RegexFacts.minimumLength("\\s-O\\s"));
        assertEquals(3, RegexFacts.minimumLength("a(b|cd)e"));
        assertEquals(2, RegexFacts.minimumLength("abc|de"));
        assertEquals(4, RegexFacts.minimumLength("(?i)\\$\\{`?e`?n"));
        assertEquals(3, RegexFacts.minimumLength("(?P<x>ab)c"));
        // What it cannot read counts as 0: never rules anything out.
        assertEquals(0, RegexFacts.minimumLength("\\x41"));
        assertEquals(0, RegexFacts.minimumLength("(abc"));
        assertEquals(0, RegexFacts.minimumLength("a)"));
        // Hostile nesting gives up instead of overflowing the stack.
        String nested = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertEquals(0, RegexFacts.minimumLength(nested));
        assertEquals(List.of(), RegexFacts.requiredLiterals(nested));
        assertEquals(3, RegexFacts.minimumLength("(".repeat(20) + "abc" + ")".repeat(20)));
    }

    @Test
    void testRequiredClassRun()
    {
        // SigmaHQ's SNAKE installer rule: 64 hex digits in a row, or the regex cannot match.
        ClassRun hex = RegexFacts.requiredClassRun("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false).orElseThrow();
        assertEquals(64, hex.length());
        assertTrue(hex.foundIn("x " + "0123456789abcdef".repeat(4) + " y"));
        assertTrue(!hex.foundIn("C:\\Windows\\System32\\cmd.exe /c " + "0123456789abcdef".repeat(3)));
        assertEquals(8, RegexFacts.requiredClassRun("id=\\d{8,}", false).orElseThrow().length());
        // Optional, negated, too short or under a top-level alternation: nothing required.
        assertEquals(Optional.empty(), RegexFacts.requiredClassRun("[a-f]{0,64}", false));
        assertEquals(Optional.empty(), RegexFacts.requiredClassRun("[^a-f]{64}", false));
        assertEquals(Optional.empty(), RegexFacts.requiredClassRun("[a-f]{3}", false));
        assertEquals(Optional.empty(), RegexFacts.requiredClassRun("[a-f]{8}|x", false));
        assertEquals(Optional.empty(), RegexFacts.requiredClassRun("[+-\\\\]{8}", false));
        // Case-insensitive: both cases of each letter, and characters outside ASCII (RE2's Kelvin sign for k).
        ClassRun folded = RegexFacts.requiredClassRun("(?i)[a-k]{4}", false).orElseThrow();
        assertTrue(folded.foundIn("ABC\u212A"));
        assertTrue(RegexFacts.requiredClassRun("[a-k]{4}", true).orElseThrow().foundIn("ABCD"));
    }

    @Test
    void testGroupDepthAndExpandedSize()
    {
        assertEquals(0, RegexFacts.groupDepth("abc"));
        assertEquals(2, RegexFacts.groupDepth("a(b(c)d)[(((]\\("));
        assertEquals(1_000_000_000L, RegexFacts.expandedSize("((a{1000}){1000}){1000}"));
        assertEquals(2000, RegexFacts.expandedSize("a{1000}b{1000}"));
        assertEquals(201, RegexFacts.expandedSize("(.){200,}"));
        // Loops compile to a loop, not copies; a brace that is not a count is a literal.
        assertEquals(3, RegexFacts.expandedSize("a*b+c?"));
        assertEquals(3, RegexFacts.expandedSize("a{b"));
        assertTrue(RegexFacts.expandedSize("x{99999999999}") > 1_000_000_000L);
    }

    @Test
    void testNeverRulesOutAMatchOnRandomExpressions()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestRegexFacts seed=" + seed);
        Random random = new Random(seed);
        List<String> atoms = List.of("a", "b", "A", "\\.", ".", "[ab]", "[aB.]", "[a-c]", "[^a]", "[a-k]", "[\\w.]", "\\s", "\\d", "(a|bb)", "(?:ab)", "(?i)b", "^", "$", "\\b", "é", "(a|)");
        List<String> quantifiers = List.of("", "", "", "*", "+", "?", "{1}", "{2}", "{1,3}", "{0,2}", "+?", "{4}", "{4,6}", "{5,}");
        int checked = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder expression = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                String atom = atoms.get(random.nextInt(atoms.size()));
                expression.append(atom);
                if (!atom.equals("^") && !atom.equals("$") && !atom.equals("\\b") && !atom.startsWith("(?i)")) {
                    expression.append(quantifiers.get(random.nextInt(quantifiers.size())));
                }
            }
            if (random.nextInt(5) == 0) {
                expression.append('|').append(atoms.get(random.nextInt(atoms.size())));
            }
            String regex = expression.toString();
            boolean ignoreCase = random.nextBoolean();
            List<String> literals = RegexFacts.requiredLiterals(regex);
            List<List<String>> sets = RegexFacts.requiredLiteralSets(regex);
            Optional<ClassRun> classRun = RegexFacts.requiredClassRun(regex, ignoreCase);
            int minimum = RegexFacts.minimumLength(regex);
            Pattern pattern = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            for (int t = 0; t < 20; t++) {
                String text = randomText(random, "abAB. 1é\u212A\n", random.nextInt(12));
                Matcher matcher = pattern.matcher(text);
                if (!matcher.find()) {
                    continue;
                }
                checked++;
                assertTrue(text.length() >= minimum, "seed " + seed + ": /" + regex + "/ matched '" + text + "' shorter than " + minimum);
                classRun.ifPresent(run -> assertTrue(run.foundIn(text),
                        "seed " + seed + ": /" + regex + "/ matched '" + text + "' without a run of " + run.length()));
                String folded = WildcardMatcher.fold(text);
                for (List<String> set : sets) {
                    assertTrue(set.stream().anyMatch(folded::contains), "seed " + seed + ": /" + regex + "/ matched '" + text + "' without any of " + set);
                }
                assertTrue(literals.isEmpty() || literals.stream().anyMatch(folded::contains),
                        "seed " + seed + ": /" + regex + "/ matched '" + text + "' without any of " + literals);
            }
        }
        assertTrue(checked > 1_000, "too few matching texts to say anything: " + checked);
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
