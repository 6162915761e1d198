package dev.tradecraft.sigma.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Checks the wildcard matcher (both entry points: raw values, and values folded once) against a plain reference, an anchored RE2/J expression built from
 * the pattern, on random patterns and values over a small alphabet (so matches are frequent).
 * A failure prints the seed; rerun with -Dtradecraft.seed=N to reproduce.
 */
class TestWildcardMatcherRandom
{
    private static final String PATTERN_ALPHABET = "abAB\\*?-é";
    private static final String VALUE_ALPHABET = "abAB\\*?-éÉ";
    private static final int ROUNDS = 20_000;

    @Test
    void testMatcherAgreesWithRegexReference()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestWildcardMatcherRandom seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            String sigma = randomText(random, PATTERN_ALPHABET, 8);
            boolean cased = random.nextInt(4) == 0;
            StringPattern pattern = StringPattern.parse(sigma).withCased(cased);
            WildcardMatcher matcher = WildcardMatcher.of(pattern);
            Pattern reference = reference(pattern);
            for (int v = 0; v < 5; v++) {
                String value = randomText(random, VALUE_ALPHABET, 10);
                boolean expected = reference.matcher(value).matches();
                assertEquals(expected, matcher.matches(value),
                        "seed=" + seed + " pattern=" + sigma + " cased=" + cased + " value=" + value);
                String prepared = cased ? value : WildcardMatcher.fold(value);
                assertEquals(expected, matcher.matchesPrepared(prepared),
                        "prepared: seed=" + seed + " pattern=" + sigma + " cased=" + cased + " value=" + value);
            }
            assertEquals(pattern, StringPattern.parse(pattern.toString()).withCased(cased), "seed=" + seed + " round trip of " + sigma);
        }
    }

    private static Pattern reference(StringPattern pattern)
    {
        StringBuilder regex = new StringBuilder(pattern.cased() ? "(?s)" : "(?si)");
        for (PatternPart part : pattern.parts()) {
            if (part == Wildcard.ANY_RUN) {
                regex.append(".*");
            }
            else if (part == Wildcard.ONE_CHAR) {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(((Literal) part).text()));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String randomText(Random random, String alphabet, int maxLength)
    {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
