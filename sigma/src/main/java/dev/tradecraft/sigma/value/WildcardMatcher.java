package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The run form of a {@link StringPattern}: matches whole values in time linear in the value length
 * times the pattern length, never exponential, because rules choose the pattern but attackers choose
 * the value.
 *
 * <p>The pattern is cut at every {@code *} into segments of literal characters and {@code ?}. The
 * first segment must match at the start, the last at the end, and the middle ones are found left to
 * right at their leftmost position: with only {@code *} between them, the leftmost placement never
 * loses a match, so no backtracking is needed.
 *
 * <p>Case-insensitive matching folds each UTF-16 unit with {@code toLowerCase(toUpperCase(c))}, the
 * per-character rule {@link String#equalsIgnoreCase} uses; no string is allocated per match.
 */
public final class WildcardMatcher
{
    private final boolean cased;
    private final boolean hasAnyRun;
    private final Segment prefix;
    private final Segment suffix;
    private final Segment[] middle;
    private final int minLength;

    private WildcardMatcher(boolean cased, boolean hasAnyRun, Segment prefix, Segment suffix, Segment[] middle)
    {
        this.cased = cased;
        this.hasAnyRun = hasAnyRun;
        this.prefix = prefix;
        this.suffix = suffix;
        this.middle = middle;
        int length = prefix.length() + (hasAnyRun ? suffix.length() : 0);
        for (Segment segment : middle) {
            length += segment.length();
        }
        this.minLength = length;
    }

    public static WildcardMatcher of(StringPattern pattern)
    {
        requireNonNull(pattern, "pattern is null");
        boolean cased = pattern.cased();
        List<Segment> segments = new ArrayList<>();
        SegmentBuilder current = new SegmentBuilder();
        for (PatternPart part : pattern.parts()) {
            if (part == Wildcard.ANY_RUN) {
                segments.add(current.build(cased));
                current = new SegmentBuilder();
            }
            else if (part == Wildcard.ONE_CHAR) {
                current.addAny();
            }
            else {
                String text = ((Literal) part).text();
                for (int i = 0; i < text.length(); i++) {
                    current.add(text.charAt(i));
                }
            }
        }
        segments.add(current.build(cased));
        if (segments.size() == 1) {
            return new WildcardMatcher(cased, false, segments.get(0), segments.get(0), new Segment[0]);
        }
        List<Segment> middle = new ArrayList<>();
        for (int i = 1; i < segments.size() - 1; i++) {
            if (segments.get(i).length() > 0) {
                middle.add(segments.get(i));
            }
        }
        return new WildcardMatcher(cased, true, segments.get(0), segments.get(segments.size() - 1), middle.toArray(new Segment[0]));
    }

    public boolean cased()
    {
        return cased;
    }

    /** Matches a raw value, folding its characters on the fly when case-insensitive. */
    public boolean matches(String value)
    {
        int length = value.length();
        if (length < minLength) {
            return false;
        }
        if (!hasAnyRun) {
            return length == prefix.length() && prefix.matchesAt(value, 0, cased);
        }
        if (!prefix.matchesAt(value, 0, cased)) {
            return false;
        }
        int end = length - suffix.length();
        if (!suffix.matchesAt(value, end, cased)) {
            return false;
        }
        int position = prefix.length();
        for (Segment segment : middle) {
            int found = segment.find(value, position, end, cased);
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return true;
    }

    /**
     * Matches a value that is already {@link #fold folded} when this matcher is case-insensitive
     * (and raw when it is cased): characters compare directly, so literal segments use the JDK's
     * intrinsic {@code startsWith}/{@code indexOf}. Evaluators fold each field once per event and
     * reuse it for every pattern.
     */
    public boolean matchesPrepared(String value)
    {
        int length = value.length();
        if (length < minLength) {
            return false;
        }
        if (!hasAnyRun) {
            return length == prefix.length() && prefix.matchesExactlyAt(value, 0);
        }
        int end = length - suffix.length();
        if (prefix.length() > 0 && !prefix.matchesExactlyAt(value, 0)) {
            return false;
        }
        if (suffix.length() > 0 && !suffix.matchesExactlyAt(value, end)) {
            return false;
        }
        int position = prefix.length();
        for (Segment segment : middle) {
            int found = segment.findExactly(value, position, end);
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return true;
    }

    /**
     * The longest run of literal characters every matching value contains, folded; empty when the
     * pattern has none (such as {@code *} or {@code ???}). A literal search for it can rule the
     * pattern out before it is matched.
     */
    public String longestLiteral()
    {
        String best = prefix.longestRun();
        for (Segment segment : middle) {
            best = longer(best, segment.longestRun());
        }
        best = longer(best, suffix.longestRun());
        return cased ? fold(best) : best;
    }

    private static String longer(String first, String second)
    {
        return second.length() > first.length() ? second : first;
    }

    /** The value with every character folded as case-insensitive matching compares it. */
    public static String fold(String value)
    {
        int length = value.length();
        int i = 0;
        while (i < length && fold(value.charAt(i)) == value.charAt(i)) {
            i++;
        }
        if (i == length) {
            return value;
        }
        char[] chars = value.toCharArray();
        for (; i < length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** Folds one character for case-insensitive comparison; ASCII takes the short path. */
    static char fold(char c)
    {
        return CaseFolding.fold(c);
    }

    /** Literal characters and single-character wildcards between two {@code *}. */
    private static final class Segment
    {
        private final char[] chars;
        // The same characters as a String, for the JDK's intrinsic search; null when the segment has '?'.
        private final String text;
        // null when the segment has no '?'
        private final boolean[] anyChar;

        Segment(char[] chars, boolean[] anyChar)
        {
            this.chars = chars;
            this.anyChar = anyChar;
            this.text = anyChar == null ? new String(chars) : null;
        }

        int length()
        {
            return chars.length;
        }

        String longestRun()
        {
            if (anyChar == null) {
                return text;
            }
            int bestStart = 0;
            int bestLength = 0;
            int start = 0;
            for (int i = 0; i <= chars.length; i++) {
                if (i == chars.length || anyChar[i]) {
                    if (i - start > bestLength) {
                        bestStart = start;
                        bestLength = i - start;
                    }
                    start = i + 1;
                }
            }
            return new String(chars, bestStart, bestLength);
        }

        boolean matchesAt(String value, int offset, boolean cased)
        {
            for (int i = 0; i < chars.length; i++) {
                if (anyChar != null && anyChar[i]) {
                    continue;
                }
                char c = value.charAt(offset + i);
                if (c != chars[i] && (cased || fold(c) != chars[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Leftmost start in [from, end - length] where this segment matches, or -1. */
        int find(String value, int from, int end, boolean cased)
        {
            int last = end - chars.length;
            for (int start = from; start <= last; start++) {
                if (matchesAt(value, start, cased)) {
                    return start;
                }
            }
            return -1;
        }

        boolean matchesExactlyAt(String value, int offset)
        {
            if (text != null) {
                return value.startsWith(text, offset);
            }
            for (int i = 0; i < chars.length; i++) {
                if (!anyChar[i] && value.charAt(offset + i) != chars[i]) {
                    return false;
                }
            }
            return true;
        }

        int findExactly(String value, int from, int end)
        {
            int last = end - chars.length;
            if (text != null) {
                int found = value.indexOf(text, from);
                return found <= last ? found : -1;
            }
            for (int start = from; start <= last; start++) {
                if (matchesExactlyAt(value, start)) {
                    return start;
                }
            }
            return -1;
        }
    }

    private static final class SegmentBuilder
    {
        private final StringBuilder chars = new StringBuilder();
        private final List<Integer> anyPositions = new ArrayList<>();

        void add(char c)
        {
            chars.append(c);
        }

        void addAny()
        {
            anyPositions.add(chars.length());
            chars.append('\0');
        }

        Segment build(boolean cased)
        {
            char[] result = new char[chars.length()];
            for (int i = 0; i < result.length; i++) {
                char c = chars.charAt(i);
                result[i] = cased ? c : fold(c);
            }
            boolean[] any = null;
            if (!anyPositions.isEmpty()) {
                any = new boolean[result.length];
                for (int position : anyPositions) {
                    any[position] = true;
                }
            }
            return new Segment(result, any);
        }
    }
}
