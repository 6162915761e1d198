package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A run of literal text that every match of a pattern contains, taken from the pattern's top level:
 * outside groups and character classes, with no top-level alternation, and without characters a
 * following {@code ?}, {@code *} or {@code {0,n}} makes optional. Looking for it with
 * {@code indexOf} before running the pattern rules out most fingerprints of a database for the
 * cost of a string search, which matters when every banner of a scan meets hundreds of patterns.
 *
 * <p>The check may only say "cannot match" when the engine would say so too. Case-insensitive
 * patterns therefore compare lower-cased ASCII literals against {@link MatchInput#folded()}, and
 * non-ASCII characters never enter a literal.
 */
final class RequiredLiteral
{
    static final RequiredLiteral NONE = new RequiredLiteral("", false);

    // Any option group that mentions i (even to turn it off) makes the check case-insensitive, and
    // extended mode (x) makes white space in the pattern meaningless, so no literal is taken at all.
    private static final Pattern IGNORE_CASE_OPTION = Pattern.compile("\\(\\?[imxadu-]*i[imxadu-]*[:)]");
    private static final Pattern EXTENDED_OPTION = Pattern.compile("\\(\\?[imxadu-]*x[imxadu-]*[:)]");

    private final String literal;
    private final boolean folded;

    private RequiredLiteral(String literal, boolean folded)
    {
        this.literal = requireNonNull(literal, "literal is null");
        this.folded = folded;
    }

    /** The longest required literal of a Ruby pattern, or {@link #NONE} when none can be proven. */
    static RequiredLiteral of(String pattern, boolean caseInsensitive)
    {
        requireNonNull(pattern, "pattern is null");
        if (EXTENDED_OPTION.matcher(pattern).find()) {
            return NONE;
        }
        boolean fold = caseInsensitive || IGNORE_CASE_OPTION.matcher(pattern).find();
        String longest = longestRun(pattern, fold);
        return longest == null || longest.isEmpty() ? NONE : new RequiredLiteral(longest, fold);
    }

    /** False only when the text cannot match the pattern. */
    boolean mayMatch(MatchInput input)
    {
        if (literal.isEmpty()) {
            return true;
        }
        String haystack = folded ? input.folded() : input.text();
        return haystack.indexOf(literal) >= 0;
    }

    String literal()
    {
        return literal;
    }

    boolean folded()
    {
        return folded;
    }

    /** @return the longest run, or null when the pattern's shape rules out any (alternation, unbalanced) */
    private static String longestRun(String pattern, boolean fold)
    {
        String longest = "";
        StringBuilder run = new StringBuilder();
        boolean lastWasLiteral = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int literal = -1;
            int next = i + 1;
            boolean optionalLast = false;
            boolean endsRun = true;
            switch (c) {
                case '|', ')' -> {
                    return null;
                }
                case '(' -> next = skipGroup(pattern, i);
                case '[' -> next = skipClass(pattern, i);
                case '*', '?' -> {
                    optionalLast = true;
                    next = skipQuantifierSuffix(pattern, i + 1);
                }
                case '+' -> next = skipQuantifierSuffix(pattern, i + 1);
                case '{' -> {
                    int close = pattern.indexOf('}', i);
                    int min = close < 0 ? -1 : repetitionMinimum(pattern.substring(i + 1, close));
                    if (min < 0) {
                        literal = '{';
                        endsRun = false;
                    }
                    else {
                        optionalLast = min == 0;
                        next = skipQuantifierSuffix(pattern, close + 1);
                    }
                }
                case '\\' -> {
                    if (i + 1 >= pattern.length()) {
                        return null;
                    }
                    literal = escapedLiteral(pattern, i);
                    next = skipEscape(pattern, i);
                    endsRun = literal < 0 || literal >= 0x80;
                }
                case '.', '^', '$' -> {
                    // Any character or an anchor: the run ends here.
                }
                default -> {
                    literal = c;
                    endsRun = c >= 0x80;
                }
            }
            if (next < 0) {
                return null;
            }
            if (endsRun) {
                if (optionalLast && lastWasLiteral) {
                    run.setLength(run.length() - 1);
                }
                if (run.length() > longest.length()) {
                    longest = run.toString();
                }
                run.setLength(0);
                lastWasLiteral = false;
            }
            else {
                run.append(fold ? toLowerAscii((char) literal) : (char) literal);
                lastWasLiteral = true;
            }
            i = next;
        }
        return run.length() > longest.length() ? run.toString() : longest;
    }

    private static char toLowerAscii(char c)
    {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The character an escape stands for, or -1 when it stands for a class, an anchor or a reference. */
    private static int escapedLiteral(String pattern, int backslash)
    {
        char c = pattern.charAt(backslash + 1);
        return switch (c) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'v' -> 0x0B;
            case 'a' -> 0x07;
            case 'e' -> 0x1B;
            case 'x' -> hexValue(pattern, backslash + 2);
            default -> c < 0x80 && !Character.isLetterOrDigit(c) ? c : -1;
        };
    }

    /** The value of the one or two hex digits at {@code start}, or -1 when there are none. */
    private static int hexValue(String pattern, int start)
    {
        int value = 0;
        int digits = 0;
        for (int j = start; j < pattern.length() && digits < 2 && Character.digit(pattern.charAt(j), 16) >= 0; j++) {
            value = value * 16 + Character.digit(pattern.charAt(j), 16);
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    /** Index after an escape, including its argument ({@code \xHH}, {@code \p{..}}, {@code \k<..>}, Unicode escapes). */
    private static int skipEscape(String pattern, int backslash)
    {
        char c = pattern.charAt(backslash + 1);
        int i = backslash + 2;
        switch (c) {
            case 'x' -> {
                int digits = 0;
                while (i < pattern.length() && digits < 2 && Character.digit(pattern.charAt(i), 16) >= 0) {
                    i++;
                    digits++;
                }
            }
            case 'u' -> {
                if (i < pattern.length() && pattern.charAt(i) == '{') {
                    int close = pattern.indexOf('}', i);
                    return close < 0 ? -1 : close + 1;
                }
                i = Math.min(pattern.length(), i + 4);
            }
            case 'p', 'P' -> {
                if (i < pattern.length() && pattern.charAt(i) == '{') {
                    int close = pattern.indexOf('}', i);
                    return close < 0 ? -1 : close + 1;
                }
                i = Math.min(pattern.length(), i + 1);
            }
            case 'k', 'g' -> {
                if (i < pattern.length() && (pattern.charAt(i) == '<' || pattern.charAt(i) == '\'')) {
                    int close = pattern.indexOf(pattern.charAt(i) == '<' ? '>' : '\'', i + 1);
                    return close < 0 ? -1 : close + 1;
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
                    i++;
                }
            }
            default -> {
                // A single-character escape.
            }
        }
        return i;
    }

    /** Index after the group opened at {@code open}, or -1 when it is not closed. */
    private static int skipGroup(String pattern, int open)
    {
        if (pattern.startsWith("(?#", open)) {
            int close = pattern.indexOf(')', open);
            return close < 0 ? -1 : close + 1;
        }
        int depth = 0;
        int i = open;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '[') {
                i = skipClass(pattern, i);
                if (i < 0) {
                    return -1;
                }
            }
            else if (pattern.startsWith("(?#", i)) {
                int close = pattern.indexOf(')', i);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            }
            else {
                if (c == '(') {
                    depth++;
                }
                else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
        }
        return -1;
    }

    /** Index after the character class opened at {@code open}, nested classes included, or -1. */
    private static int skipClass(String pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '[') {
                i = skipClass(pattern, i);
                if (i < 0) {
                    return -1;
                }
            }
            else if (c == ']') {
                return i + 1;
            }
            else {
                i++;
            }
        }
        return -1;
    }

    /** Skips a lazy ({@code ?}) or possessive ({@code +}) marker after a repetition. */
    private static int skipQuantifierSuffix(String pattern, int i)
    {
        if (i < pattern.length() && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
            return i + 1;
        }
        return i;
    }

    /** The minimum of {@code n}, {@code n,}, {@code n,m} or {@code ,m}; -1 when the braces are literal. */
    private static int repetitionMinimum(String body)
    {
        int comma = body.indexOf(',');
        String low = comma < 0 ? body : body.substring(0, comma);
        String high = comma < 0 ? "" : body.substring(comma + 1);
        if (!isDigits(low) && !(low.isEmpty() && comma >= 0 && isDigits(high))) {
            return -1;
        }
        if (!high.isEmpty() && !isDigits(high)) {
            return -1;
        }
        if (low.isEmpty()) {
            return 0;
        }
        return low.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(low);
    }

    private static boolean isDigits(String text)
    {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return folded ? "(?i)" + literal : literal;
    }
}
