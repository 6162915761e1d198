package dev.tradecraft.sigma.value;

/**
 * Sigma's case-insensitive comparison, one UTF-16 unit at a time: {@code toLowerCase(toUpperCase(c))},
 * the per-character rule {@link String#equalsIgnoreCase} uses. A table makes it one array read, because
 * matchers fold every character of every value they scan.
 */
public final class CaseFolding
{
    private static final char[] FOLDED = table();

    private CaseFolding() {}

    public static char fold(char c)
    {
        return FOLDED[c];
    }

    private static char[] table()
    {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
        return table;
    }
}
