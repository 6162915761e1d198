package dev.tradecraft.exposure.vuln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Version parsing and order. The random test compares the order with a reference built from
 * {@link BigInteger} lists and checks antisymmetry, transitivity and agreement with equals and
 * hashCode. Run with {@code -Dtests.seed=N} to repeat a failure.
 */
public class TestVersion
{
    private static final int ITERATIONS = 2000;

    @Test
    public void testParsesSharePointForms()
    {
        Version header = Version.parse("16.0.0.10417");
        assertEquals(4, header.size());
        assertEquals(10417, header.component(3));
        assertEquals(0, header.component(2));
        Version build = Version.parse("16.0.10417.20037");
        assertEquals(10417, build.component(2));
        assertEquals(20037, build.component(3));
        assertEquals("15.0.4569.1000", Version.parse("15.0.4569.1000").text());
    }

    @Test
    public void testKeepsOriginalTextWithoutSurroundingBlanks()
    {
        assertEquals("15.01.2242.010", Version.parse(" 15.01.2242.010 ").text());
        assertEquals("15.01.2242.010", Version.parse("15.01.2242.010").toString());
    }

    @Test
    public void testLeadingZerosCompareNumerically()
    {
        assertEquals(0, Version.parse("15.01.2242.010").compareTo(Version.parse("15.1.2242.10")));
        assertEquals(Version.parse("15.01.2242.010"), Version.parse("15.1.2242.10"));
    }

    @Test
    public void testComparesComponentsAsNumbersNotText()
    {
        assertTrue(Version.parse("16.0.5513.1001").compareTo(Version.parse("16.0.10417.20037")) < 0);
        assertTrue(Version.parse("16.0.10417.20027").isBefore(Version.parse("16.0.10417.20037")));
        assertFalse(Version.parse("16.0.10417.20037").isBefore(Version.parse("16.0.10417.20037")));
        assertTrue(Version.parse("16.0.18526.20508").compareTo(Version.parse("16.0.18526.20424")) > 0);
    }

    @Test
    public void testMissingComponentsCountAsZero()
    {
        assertEquals(0, Version.parse("16.0").compareTo(Version.parse("16.0.0.0")));
        assertEquals(Version.parse("16.0").hashCode(), Version.parse("16.0.0.0").hashCode());
        assertTrue(Version.parse("16.0").isBefore(Version.parse("16.0.0.1")));
        assertEquals(0, Version.parse("16.0").component(7));
    }

    @Test
    public void testRejectsWhatIsNotADottedNumber()
    {
        for (String text : List.of("", " ", "2019 CU5", "16..0", "16.0.", ".16", "-1", "1.2.3a", "10.2.9-h1", "16,0", "publication", "*",
                "1234567890123456789", "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17", "１６.0")) {
            assertEquals(Optional.empty(), Version.tryParse(text), text);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse("2019 CU5"));
        assertEquals("version is not a dotted number: '2019 CU5'", e.getMessage());
    }

    @Test
    public void testAcceptsTheLargestComponentAndSixteenComponents()
    {
        assertEquals(999999999999999999L, Version.parse("999999999999999999").component(0));
        assertEquals(16, Version.parse("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16").size());
    }

    @Test
    public void testRandomVersionsOrderLikeTheReference()
    {
        long seed = seed();
        Random random = new Random(seed);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            String a = randomText(random);
            String b = randomText(random);
            String c = randomText(random);
            try {
                check(a, b, c);
            }
            catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", iteration " + iteration + ", versions " + a + " / " + b + " / " + c + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(String a, String b, String c)
    {
        Version va = Version.parse(a);
        Version vb = Version.parse(b);
        Version vc = Version.parse(c);
        assertEquals(a, va.text());
        assertEquals(Integer.signum(reference(a, b)), Integer.signum(va.compareTo(vb)), "order against the reference");
        assertEquals(Integer.signum(va.compareTo(vb)), -Integer.signum(vb.compareTo(va)), "antisymmetry");
        if (va.compareTo(vb) <= 0 && vb.compareTo(vc) <= 0) {
            assertTrue(va.compareTo(vc) <= 0, "transitivity");
        }
        if (va.compareTo(vb) == 0) {
            assertEquals(va, vb);
            assertEquals(va.hashCode(), vb.hashCode());
        }
        else {
            assertNotEquals(va, vb);
        }
    }

    /** Compares as lists of unbounded integers, padding the shorter with zeros. */
    private static int reference(String a, String b)
    {
        List<BigInteger> left = numbers(a);
        List<BigInteger> right = numbers(b);
        int size = Math.max(left.size(), right.size());
        for (int i = 0; i < size; i++) {
            BigInteger x = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger y = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int order = x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<BigInteger> numbers(String text)
    {
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : text.split("\\.")) {
            numbers.add(new BigInteger(part));
        }
        return numbers;
    }

    /** Short versions over few values, so equal and nearly equal pairs are common; sometimes zero padding and leading zeros. */
    private static String randomText(Random random)
    {
        int size = 1 + random.nextInt(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append('.');
            }
            int kind = random.nextInt(10);
            if (kind < 4) {
                text.append(random.nextInt(3));
            }
            else if (kind < 6) {
                text.append('0').append(random.nextInt(3));
            }
            else if (kind < 9) {
                text.append(16 + random.nextInt(3));
            }
            else {
                text.append((random.nextLong() & Long.MAX_VALUE) % 1_000_000_000_000_000_000L);
            }
        }
        return text.toString();
    }

    private static long seed()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestVersion seed: " + seed);
        return seed;
    }
}
