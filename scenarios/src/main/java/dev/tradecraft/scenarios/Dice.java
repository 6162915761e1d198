package dev.tradecraft.scenarios;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of chance. Every decision draws from a {@code Dice} whose seed is
 * derived from the world seed and a fixed path of labels ({@link #derive}), so one organisation's
 * draws never shift another's and a change in one generator leaves the rest of the world as it was.
 * Floating point goes through {@link StrictMath} so the same seed gives the same bytes on every JVM.
 */
final class Dice
{
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SplittableRandom random;

    Dice(long seed)
    {
        this.random = new SplittableRandom(seed);
    }

    /** A seed for an independent stream: the world seed mixed with labels such as organisation, host and day. */
    static long derive(long seed, long... labels)
    {
        long mixed = mix(seed ^ 0x5DEECE66DL);
        for (long label : labels) {
            mixed = mix(mixed + 0x9E3779B97F4A7C15L + label);
        }
        return mixed;
    }

    static Dice of(long seed, long... labels)
    {
        return new Dice(derive(seed, labels));
    }

    // The SplitMix64 finaliser: a bijection with good avalanche, so nearby labels give unrelated seeds.
    private static long mix(long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int nextInt(int bound)
    {
        return random.nextInt(bound);
    }

    /** A uniform integer in {@code [low, high]}, both inclusive. */
    int between(int low, int high)
    {
        return low + random.nextInt(high - low + 1);
    }

    long between(long low, long high)
    {
        return low + random.nextLong(high - low + 1);
    }

    long nextLong()
    {
        return random.nextLong();
    }

    double nextDouble()
    {
        return random.nextDouble();
    }

    boolean chance(double probability)
    {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    String pick(String[] values)
    {
        return values[random.nextInt(values.length)];
    }

    /** An index drawn with the given relative weights; all weights non-negative, at least one positive. */
    int weighted(int[] weights)
    {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A log-normally distributed integer around {@code median}, clamped to {@code [min, max]}: the
     * shape of response times and sizes, a long right tail and nothing below zero.
     */
    int logNormal(int median, double sigma, int min, int max)
    {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double gaussian = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        double value = median * StrictMath.exp(sigma * gaussian);
        if (value < min) {
            return min;
        }
        if (value > max) {
            return max;
        }
        return (int) value;
    }

    /** Lower-case hexadecimal digits, as in GUIDs and hashes. */
    String hex(int digits)
    {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX_LOWER[random.nextInt(16)];
        }
        return new String(out);
    }

    String hexUpper(int digits)
    {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX_UPPER[random.nextInt(16)];
        }
        return new String(out);
    }

    /** Letters and digits as ASP.NET uses for compiled assembly names. */
    String alphanumeric(int length)
    {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
