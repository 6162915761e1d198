package dev.tradecraft.sigma.modifier;

import dev.tradecraft.sigma.value.Literal;
import dev.tradecraft.sigma.value.PatternPart;
import dev.tradecraft.sigma.value.StringPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code windash}, as pySigma does it: a {@code -} or {@code /} that starts a flag (not preceded by a
 * word character, followed by one; Python's {@code \B[-/]\b}, judged inside each literal part) is
 * expanded into {@code -}, {@code /}, en dash, em dash and horizontal bar. Every combination of
 * the expanded positions is produced, so the count is 5^n; n is bounded.
 */
final class WindowsDash
{
    static final char[] DASHES = {'-', '/', '\u2013', '\u2014', '\u2015'};
    /** At most this many expandable dashes per value: 5^5 = 3125 variants. */
    static final int MAX_POSITIONS = 5;

    private WindowsDash() {}

    /** The variants, or null when the value has more than {@link #MAX_POSITIONS} flag dashes. */
    static List<StringPattern> expand(StringPattern pattern)
    {
        List<PatternPart> parts = pattern.parts();
        List<int[]> positions = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p) instanceof Literal literal) {
                String text = literal.text();
                for (int i = 0; i < text.length(); i++) {
                    if (isFlagDash(text, i)) {
                        positions.add(new int[] {p, i});
                    }
                }
            }
        }
        if (positions.size() > MAX_POSITIONS) {
            return null;
        }
        int variants = 1;
        for (int i = 0; i < positions.size(); i++) {
            variants *= DASHES.length;
        }
        List<StringPattern> result = new ArrayList<>(variants);
        for (int variant = 0; variant < variants; variant++) {
            List<PatternPart> expanded = new ArrayList<>(parts.size());
            for (int p = 0; p < parts.size(); p++) {
                PatternPart part = parts.get(p);
                if (!(part instanceof Literal literal)) {
                    expanded.add(part);
                    continue;
                }
                char[] chars = literal.text().toCharArray();
                int choice = variant;
                for (int[] position : positions) {
                    if (position[0] == p) {
                        chars[position[1]] = DASHES[choice % DASHES.length];
                    }
                    choice /= DASHES.length;
                }
                expanded.add(new Literal(new String(chars)));
            }
            result.add(new StringPattern(expanded, pattern.cased(), pattern.binary()));
        }
        return result;
    }

    static boolean isFlagDash(String text, int i)
    {
        char c = text.charAt(i);
        if (c != '-' && c != '/') {
            return false;
        }
        boolean wordBefore = i > 0 && isWord(text.charAt(i - 1));
        boolean wordAfter = i + 1 < text.length() && isWord(text.charAt(i + 1));
        return !wordBefore && wordAfter;
    }

    private static boolean isWord(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
