package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class TestRequiredLiteral
{
    private static final Path RECOG = Paths.get("../shared/corpus/recog/xml");

    @Test
    public void testTakesTheLongestTopLevelRun()
    {
        assertEquals("Microsoft-IIS/", literal("^Microsoft-IIS/(\\d+)$"));
        assertEquals(" Server", literal("^([^ ]+) Server"));
        assertEquals(" ESMTP Postfix ", literal("^([^ ]{1,512}) ESMTP Postfix \\(?([\\d.]+)\\)?$"));
    }

    @Test
    public void testEscapedPunctuationIsLiteral()
    {
        assertEquals("Apache/2.2.11", literal("^Apache\\/2\\.2\\.11.*\\(Fedora\\)"));
        assertEquals("\r\nLogin:", literal("^(?:\\r|\\n)*\\r\\nLogin:$"));
    }

    @Test
    public void testOptionalCharactersLeaveTheRun()
    {
        assertEquals("ab", literal("abc?"));
        assertEquals("ab", literal("abc*"));
        assertEquals("ab", literal("abc{0,2}"));
        assertEquals("ab", literal("abc{,2}"));
        assertEquals("abc", literal("abc+"));
        assertEquals("abc", literal("abc{2}"));
        assertEquals("ab", literal("ab\\.?x"));
    }

    @Test
    public void testGroupsClassesAndClassEscapesEndTheRun()
    {
        assertEquals("bar", literal("(foo)bar"));
        assertEquals("defg", literal("[abc]defg"));
        assertEquals("xyz", literal("a\\dxyz"));
        assertEquals("end", literal("(?:a|b(c))end"));
        assertEquals("tail", literal("[a[b]c]tail"));
        assertEquals("after", literal("\\x{41}after"));
    }

    @Test
    public void testLiteralBraceStaysInTheRun()
    {
        assertEquals("a{b}c", literal("a{b}c"));
    }

    @Test
    public void testNoLiteralForAlternationOrExtendedMode()
    {
        assertSame(RequiredLiteral.NONE, RequiredLiteral.of("^foo|^bar", false));
        assertSame(RequiredLiteral.NONE, RequiredLiteral.of("(?x) foo bar", false));
        assertSame(RequiredLiteral.NONE, RequiredLiteral.of("^.*$", false));
        assertSame(RequiredLiteral.NONE, RequiredLiteral.of("unbalanced)", false));
    }

    @Test
    public void testNonAsciiCharactersNeverEnterALiteral()
    {
        assertEquals(" povoleno se k tomuto MySQL serveru p", literal("^Stroj '[^']+' nemá povoleno se k tomuto MySQL serveru připojit$"));
    }

    @Test
    public void testCaseInsensitivePatternsCompareFoldedText()
    {
        RequiredLiteral flagged = RequiredLiteral.of("^OpenSSH_([\\w.]+)", true);
        assertTrue(flagged.folded());
        assertEquals("openssh_", flagged.literal());
        RequiredLiteral inline = RequiredLiteral.of("^(?i)Cisco Systems", false);
        assertTrue(inline.folded());
        assertTrue(inline.mayMatch(new MatchInput("CISCO SYSTEMS")));
        assertFalse(inline.mayMatch(new MatchInput("Juniper")));
    }

    @Test
    public void testFoldingCoversNonAsciiCharactersThatMatchAsciiLetters()
    {
        // Long s and the Kelvin sign match s and k case-insensitively in both engines.
        RecogFingerprint fingerprint = single("(?i)^ssh-kex$");
        String text = "\u017Fsh-\u212Aex";
        assertTrue(fingerprint.patternFinds(text));
        assertTrue(fingerprint.requiredLiteral().mayMatch(new MatchInput(text)));
        assertTrue(fingerprint.match(text).isPresent());
    }

    @Test
    public void testCaseSensitiveLiteralRulesOutOtherCase()
    {
        RequiredLiteral literal = RequiredLiteral.of("^Apache", false);
        assertFalse(literal.folded());
        assertFalse(literal.mayMatch(new MatchInput("APACHE")));
        assertTrue(literal.mayMatch(new MatchInput("x\nApache")));
    }

    /**
     * The check is only an optimisation if it never says "cannot match" where the pattern matches:
     * every example of every corpus database against every fingerprint of the same database.
     */
    @Test
    public void testNeverRulesOutACorpusMatch()
    {
        assumeTrue(Files.isDirectory(RECOG), "Recog corpus absent at " + RECOG.toAbsolutePath() + "; skipping");
        RecogDatabases databases = RecogDatabases.load(RECOG);
        long pairs = 0;
        long ruledOut = 0;
        int withLiteral = 0;
        int fingerprints = 0;
        List<String> unsound = new ArrayList<>();
        for (RecogDatabase database : databases.all()) {
            for (RecogFingerprint fingerprint : database.fingerprints()) {
                fingerprints++;
                withLiteral += fingerprint.requiredLiteral() == RequiredLiteral.NONE ? 0 : 1;
            }
            for (String text : exampleTexts(database)) {
                MatchInput input = new MatchInput(text);
                for (RecogFingerprint fingerprint : database.fingerprints()) {
                    pairs++;
                    if (!fingerprint.requiredLiteral().mayMatch(input)) {
                        ruledOut++;
                        if (fingerprint.patternFinds(text)) {
                            unsound.add(fingerprint.position() + " literal '" + fingerprint.requiredLiteral() + "' ruled out " + RecogVerifier.quote(text));
                        }
                    }
                }
            }
        }
        System.out.printf("required literals: %d of %d fingerprints have one; %d of %d example/fingerprint pairs ruled out without running the pattern%n",
                withLiteral, fingerprints, ruledOut, pairs);
        assertEquals(List.of(), unsound);
    }

    /** Corpus examples changed at random (case, look-alike letters, cuts, insertions) must not be ruled out wrongly either. */
    @Test
    public void testNeverRulesOutAMatchOfMutatedExamples()
    {
        assumeTrue(Files.isDirectory(RECOG), "Recog corpus absent at " + RECOG.toAbsolutePath() + "; skipping");
        long seed = System.nanoTime();
        System.out.println("TestRequiredLiteral seed " + seed);
        Random random = new Random(seed);
        RecogDatabases databases = RecogDatabases.load(RECOG);
        List<String> unsound = new ArrayList<>();
        for (RecogDatabase database : databases.all()) {
            List<String> texts = exampleTexts(database);
            for (int round = 0; round < 40 && !texts.isEmpty(); round++) {
                String text = mutate(texts.get(random.nextInt(texts.size())), random);
                MatchInput input = new MatchInput(text);
                for (RecogFingerprint fingerprint : database.fingerprints()) {
                    if (!fingerprint.requiredLiteral().mayMatch(input) && fingerprint.patternFinds(text)) {
                        unsound.add(fingerprint.position() + " ruled out " + RecogVerifier.quote(text));
                    }
                }
            }
        }
        assertEquals(List.of(), unsound, "seed " + seed);
    }

    private static String mutate(String text, Random random)
    {
        StringBuilder out = new StringBuilder(text);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            char c = out.charAt(at);
            switch (random.nextInt(5)) {
                case 0 -> out.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                case 1 -> out.setCharAt(at, c == 's' || c == 'S' ? '\u017F' : c == 'k' || c == 'K' ? '\u212A' : c == 'i' ? '\u0131' : c);
                case 2 -> out.insert(at, "\n");
                case 3 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(3)));
                default -> out.insert(at, (char) (' ' + random.nextInt(95)));
            }
        }
        return out.toString();
    }

    private static List<String> exampleTexts(RecogDatabase database)
    {
        List<String> texts = new ArrayList<>();
        for (RecogFingerprint fingerprint : database.fingerprints()) {
            for (RecogExample example : fingerprint.examples()) {
                if (example.skipped().isEmpty()) {
                    texts.add(example.text());
                }
            }
        }
        return texts;
    }

    private static String literal(String pattern)
    {
        return RequiredLiteral.of(pattern, false).literal();
    }

    private static RecogFingerprint single(String pattern)
    {
        String xml = "<fingerprints><fingerprint pattern=\"" + pattern + "\"><description>d</description>"
                + "<param pos=\"0\" name=\"service.product\" value=\"p\"/></fingerprint></fingerprints>";
        try {
            return RecogDatabase.load("single.xml", new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .fingerprints().get(0);
        }
        catch (FingerprintException e) {
            throw new AssertionError(e);
        }
    }
}
