package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fast path for the simplest patterns: anchored at both ends ({@code ^...$}), no groups, no
 * alternation, a sequence of characters and character classes each with a count, such as the
 * {@code ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...$} of a request GUID or the {@code ^\d+$} of a latency
 * header. Headers like these carry a new value in every banner, so no memo helps, and the general
 * engine's start-up per search costs more than the search.
 *
 * <p>The fast path is taken only where it is provably the same as the engine: every item whose
 * count may vary shares no character with any item that could consume the character after it (the
 * next item, and past it while the items between may match nothing). Then each item's greedy run is
 * the only run any match can use, and one left-to-right pass decides. Texts with characters beyond
 * ASCII or with line breaks (where {@code ^} and {@code $} mean line boundaries) go to the engine.
 */
final class AnchoredRunPattern
        implements CompiledPattern
{
    /** A set of ASCII characters as two 64-bit masks, with a count. */
    private record Item(long low, long high, int min, int max)
    {
        boolean contains(char c)
        {
            return c < 64 ? (low & (1L << c)) != 0 : (high & (1L << (c - 64))) != 0;
        }

        boolean overlaps(Item other)
        {
            return (low & other.low) != 0 || (high & other.high) != 0;
        }
    }

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final Item[] items;
    private final CompiledPattern engine;

    private AnchoredRunPattern(List<Item> items, CompiledPattern engine)
    {
        this.items = items.toArray(new Item[0]);
        this.engine = requireNonNull(engine, "engine is null");
    }

    /**
     * The fast path for a Ruby pattern, falling back on {@code engine} for texts it does not decide;
     * empty when the pattern is not simple enough (or is case-insensitive, or has groups).
     */
    static Optional<CompiledPattern> of(String pattern, boolean ignoreCase, CompiledPattern engine)
    {
        requireNonNull(pattern, "pattern is null");
        requireNonNull(engine, "engine is null");
        if (ignoreCase || engine.groupCount() != 0) {
            return Optional.empty();
        }
        List<Item> items = parse(pattern);
        if (items == null || !greedyIsExact(items)) {
            return Optional.empty();
        }
        return Optional.of(new AnchoredRunPattern(items, engine));
    }

    @Override
    public int groupCount()
    {
        return 0;
    }

    @Override
    public String[] find(String text)
    {
        return found(text) ? new String[] {text} : null;
    }

    @Override
    public boolean found(String text)
    {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128 || c == '\n' || c == '\r') {
                return engine.found(text);
            }
        }
        int position = 0;
        for (Item item : items) {
            int count = 0;
            while (count < item.max() && position < length && item.contains(text.charAt(position))) {
                position++;
                count++;
            }
            if (count < item.min()) {
                return false;
            }
        }
        return position == length;
    }

    @Override
    public String toString()
    {
        return "anchored-run, else " + engine;
    }

    /** Each varying item must not share a character with any item that may take the character after its run. */
    private static boolean greedyIsExact(List<Item> items)
    {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.min() == item.max()) {
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) {
                Item next = items.get(j);
                if (item.overlaps(next)) {
                    return false;
                }
                if (next.min() > 0) {
                    break;
                }
            }
        }
        return true;
    }

    /** The items of {@code ^...$}, or null when the pattern uses anything beyond characters, classes and counts. */
    private static List<Item> parse(String pattern)
    {
        int length = pattern.length();
        if (length < 2 || pattern.charAt(0) != '^' || pattern.charAt(length - 1) != '$' || pattern.charAt(length - 2) == '\\') {
            return null;
        }
        List<Item> items = new ArrayList<>();
        int[] at = {1};
        int end = length - 1;
        while (at[0] < end) {
            long[] set = atom(pattern, at, end);
            if (set == null) {
                return null;
            }
            int[] count = quantifier(pattern, at, end);
            if (count == null) {
                return null;
            }
            items.add(new Item(set[0], set[1], count[0], count[1]));
        }
        return items;
    }

    /** One character, escape, dot or class at {@code at[0]}, as {low, high} masks; null when unsupported. */
    private static long[] atom(String pattern, int[] at, int end)
    {
        char c = pattern.charAt(at[0]);
        if (c == '[') {
            return characterClass(pattern, at, end);
        }
        if (c == '\\') {
            if (at[0] + 1 >= end) {
                return null;
            }
            long[] set = escape(pattern.charAt(at[0] + 1));
            at[0] += 2;
            return set;
        }
        at[0]++;
        if (c == '.') {
            long[] all = range(0, 127);
            return remove(all, '\n');
        }
        if (c >= 128 || "^$|()?*+{}]".indexOf(c) >= 0) {
            return null;
        }
        return single(c);
    }

    /** {@code \d \w \s \h}, their negations, or an escaped punctuation character; null for anything else. */
    private static long[] escape(char c)
    {
        return switch (c) {
            case 'd' -> range('0', '9');
            case 'D' -> complement(range('0', '9'));
            case 'w' -> word();
            case 'W' -> complement(word());
            case 's' -> space();
            case 'S' -> complement(space());
            case 'h' -> hex();
            case 'H' -> complement(hex());
            default -> c < 128 && !Character.isLetterOrDigit(c) && c > ' ' ? single(c) : null;
        };
    }

    private static long[] characterClass(String pattern, int[] at, int end)
    {
        int i = at[0] + 1;
        boolean negated = i < end && pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        if (i >= end || pattern.charAt(i) == ']') {
            return null;
        }
        long[] set = {0, 0};
        while (i < end && pattern.charAt(i) != ']') {
            char c = pattern.charAt(i);
            long[] member;
            int next;
            if (c == '[' || c == '&' || c >= 128) {
                return null;
            }
            if (c == '\\') {
                if (i + 1 >= end) {
                    return null;
                }
                member = escape(pattern.charAt(i + 1));
                next = i + 2;
                if (member == null) {
                    return null;
                }
                // A range from an escape ([\d-x]) is refused rather than read the way some engine might.
                if (next < end && pattern.charAt(next) == '-' && next + 1 < end && pattern.charAt(next + 1) != ']') {
                    return null;
                }
            }
            else if (i + 2 < end && pattern.charAt(i + 1) == '-' && pattern.charAt(i + 2) != ']') {
                char last = pattern.charAt(i + 2);
                if (last == '\\' || last == '[' || last >= 128 || last < c) {
                    return null;
                }
                member = range(c, last);
                next = i + 3;
            }
            else {
                member = single(c);
                next = i + 1;
            }
            set[0] |= member[0];
            set[1] |= member[1];
            i = next;
        }
        if (i >= end) {
            return null;
        }
        at[0] = i + 1;
        return negated ? complement(set) : set;
    }

    /** {min, max} from {@code ? * + {n} {n,} {n,m}} at {@code at[0]}, or {1, 1}; null for lazy, possessive or odd counts. */
    private static int[] quantifier(String pattern, int[] at, int end)
    {
        if (at[0] >= end) {
            return new int[] {1, 1};
        }
        char c = pattern.charAt(at[0]);
        int[] count;
        switch (c) {
            case '?' -> {
                count = new int[] {0, 1};
                at[0]++;
            }
            case '*' -> {
                count = new int[] {0, UNBOUNDED};
                at[0]++;
            }
            case '+' -> {
                count = new int[] {1, UNBOUNDED};
                at[0]++;
            }
            case '{' -> {
                count = braces(pattern, at, end);
                if (count == null) {
                    return null;
                }
            }
            default -> {
                return new int[] {1, 1};
            }
        }
        if (at[0] < end && "?+*{".indexOf(pattern.charAt(at[0])) >= 0) {
            return null;
        }
        return count;
    }

    private static int[] braces(String pattern, int[] at, int end)
    {
        int close = pattern.indexOf('}', at[0]);
        if (close < 0 || close >= end) {
            return null;
        }
        String inside = pattern.substring(at[0] + 1, close);
        if (!inside.matches("\\d{1,4}(,\\d{0,4})?")) {
            return null;
        }
        int comma = inside.indexOf(',');
        int min = Integer.parseInt(comma < 0 ? inside : inside.substring(0, comma));
        int max = comma < 0 ? min : comma == inside.length() - 1 ? UNBOUNDED : Integer.parseInt(inside.substring(comma + 1));
        if (max < min || max == 0) {
            return null;
        }
        at[0] = close + 1;
        return new int[] {min, max};
    }

    private static long[] single(char c)
    {
        return range(c, c);
    }

    private static long[] range(int from, int to)
    {
        long[] set = {0, 0};
        for (int c = from; c <= to; c++) {
            if (c < 64) {
                set[0] |= 1L << c;
            }
            else {
                set[1] |= 1L << (c - 64);
            }
        }
        return set;
    }

    private static long[] complement(long[] set)
    {
        // Within ASCII: texts beyond it never reach this matcher.
        return new long[] {~set[0], ~set[1]};
    }

    private static long[] remove(long[] set, char c)
    {
        long[] without = single(c);
        return new long[] {set[0] & ~without[0], set[1] & ~without[1]};
    }

    private static long[] word()
    {
        long[] set = range('a', 'z');
        long[] upper = range('A', 'Z');
        long[] digits = range('0', '9');
        long[] underscore = single('_');
        return new long[] {set[0] | upper[0] | digits[0] | underscore[0], set[1] | upper[1] | digits[1] | underscore[1]};
    }

    private static long[] space()
    {
        long[] set = {0, 0};
        for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B}) {
            long[] one = single(c);
            set[0] |= one[0];
            set[1] |= one[1];
        }
        return set;
    }

    private static long[] hex()
    {
        long[] digits = range('0', '9');
        long[] lower = range('a', 'f');
        long[] upper = range('A', 'F');
        return new long[] {digits[0] | lower[0] | upper[0], digits[1] | lower[1] | upper[1]};
    }
}
