package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites a Recog pattern, written for Ruby's Onigmo engine, into the syntax of RE2/J or of
 * java.util.regex with the same meaning. The differences that matter for Recog data:
 * <ul>
 * <li>Ruby's inline {@code m} option is dot-matches-newline, so {@code (?m)} becomes {@code (?s)}.
 *     Ruby's {@code ^} and {@code $} always work per line; the compiler turns on multi-line mode
 *     for both engines instead of rewriting them.</li>
 * <li>Escapes Ruby reads differently or alone: {@code \h} (hex digit; horizontal space in Java),
 *     {@code \v} (vertical tab; a class in Java), {@code \s} (includes vertical tab in Ruby, not in
 *     RE2), {@code \e}, {@code \Z}, Unicode escapes, one-digit {@code \x}, {@code {,n}}, and a
 *     {@code {} that starts no repetition.</li>
 * <li>With a named group, Ruby's plain groups do not capture, so positions count named groups only.</li>
 * </ul>
 * Constructs RE2 cannot run (back-references, look-around, atomic groups, possessive repetition)
 * and constructs RE2 would silently read another way (nested character classes, class
 * intersection) mark the translation as needing the backtracking engine.
 */
final class RubyRegex
{
    /** The engine a translation is for. */
    enum Target
    {
        RE2J, JAVA
    }

    /**
     * @param pattern the pattern in the target's syntax
     * @param needsBacktracking true when only java.util.regex can run the pattern with Ruby's meaning
     */
    record Translation(String pattern, boolean needsBacktracking)
    {
        Translation
        {
            requireNonNull(pattern, "pattern is null");
        }
    }

    private static final String SPACE_MEMBERS = "\\t\\n\\x0B\\f\\r ";
    private static final String HEX_MEMBERS = "0-9A-Fa-f";

    private static final Map<String, String> POSIX_TO_JAVA = Map.ofEntries(
            Map.entry("alpha", "Alpha"),
            Map.entry("digit", "Digit"),
            Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"),
            Map.entry("lower", "Lower"),
            Map.entry("space", "Space"),
            Map.entry("punct", "Punct"),
            Map.entry("xdigit", "XDigit"),
            Map.entry("cntrl", "Cntrl"),
            Map.entry("print", "Print"),
            Map.entry("graph", "Graph"),
            Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));

    private final String source;
    private final Target target;
    private final StringBuilder out;
    private final List<Integer> plainGroupStarts = new ArrayList<>();
    private int index;
    private boolean namedGroups;
    private boolean needsBacktracking;

    private RubyRegex(String source, Target target)
    {
        this.source = source;
        this.target = target;
        this.out = new StringBuilder(source.length() + 16);
    }

    /**
     * Translates a Ruby pattern.
     *
     * @throws IllegalArgumentException naming the construct and its offset when neither engine can
     *         express it (subexpression calls, conditionals, unknown options)
     */
    static Translation translate(String pattern, Target target)
    {
        requireNonNull(pattern, "pattern is null");
        requireNonNull(target, "target is null");
        RubyRegex translator = new RubyRegex(pattern, target);
        translator.run();
        return new Translation(translator.out.toString(), translator.needsBacktracking);
    }

    private void run()
    {
        boolean afterQuantifier = false;
        while (index < source.length()) {
            char c = source.charAt(index);
            boolean quantifier = false;
            if (c == '\\') {
                escape();
            }
            else if (c == '[') {
                characterClass();
            }
            else if (c == '(') {
                group();
            }
            else if (c == '{') {
                quantifier = braces();
            }
            else if (c == '+' && afterQuantifier) {
                // Possessive repetition: RE2 has none, and plain greedy repetition can match where it fails.
                needsBacktracking = true;
                out.append(c);
                index++;
            }
            else {
                quantifier = c == '*' || c == '+' || c == '?';
                out.append(c);
                index++;
            }
            afterQuantifier = quantifier;
        }
        if (namedGroups) {
            for (int i = plainGroupStarts.size() - 1; i >= 0; i--) {
                out.insert(plainGroupStarts.get(i) + 1, "?:");
            }
        }
    }

    private void escape()
    {
        if (index + 1 >= source.length()) {
            throw error("pattern ends with a backslash");
        }
        char c = source.charAt(index + 1);
        index += 2;
        switch (c) {
            case 'h' -> out.append('[').append(HEX_MEMBERS).append(']');
            case 'H' -> out.append("[^").append(HEX_MEMBERS).append(']');
            case 's' -> out.append('[').append(SPACE_MEMBERS).append(']');
            case 'S' -> out.append("[^").append(SPACE_MEMBERS).append(']');
            case 'Z' -> out.append(target == Target.JAVA ? "\\Z" : "(?:\\n?\\z)");
            case 'x', 'u', 'v', 'e', '0' -> codeUnitEscape(c);
            case '1', '2', '3', '4', '5', '6', '7', '8', '9', 'k', 'G', 'K', 'R', 'X' -> {
                needsBacktracking = true;
                out.append('\\').append(c);
            }
            case 'g' -> throw error("subexpression calls (\\g) are not supported");
            default -> out.append('\\').append(c);
        }
    }

    /** Escapes that stand for one character; written as {@code \x{...}}, which both engines read alike. */
    private void codeUnitEscape(char c)
    {
        int value;
        switch (c) {
            case 'v' -> value = 0x0B;
            case 'e' -> value = 0x1B;
            case 'x' -> value = hexDigits(1, 2);
            case 'u' -> value = unicodeEscape();
            case '0' -> value = octalDigits();
            default -> throw new IllegalStateException("not a code unit escape: " + c);
        }
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
    }

    private int hexDigits(int min, int max)
    {
        int start = index;
        int value = 0;
        while (index < source.length() && index - start < max && Character.digit(source.charAt(index), 16) >= 0) {
            value = value * 16 + Character.digit(source.charAt(index), 16);
            index++;
        }
        if (index - start < min) {
            throw error("hexadecimal escape needs " + min + " to " + max + " digits");
        }
        return value;
    }

    private int unicodeEscape()
    {
        if (index < source.length() && source.charAt(index) == '{') {
            index++;
            int value = hexDigits(1, 6);
            if (index >= source.length() || source.charAt(index) != '}') {
                throw error("\\u{...} must hold one code point");
            }
            index++;
            return value;
        }
        return hexDigits(4, 4);
    }

    /** {@code \0} followed by up to two more octal digits, as Ruby reads it. */
    private int octalDigits()
    {
        int value = 0;
        int digits = 0;
        while (index < source.length() && digits < 2 && source.charAt(index) >= '0' && source.charAt(index) <= '7') {
            value = value * 8 + (source.charAt(index) - '0');
            index++;
            digits++;
        }
        return value;
    }

    private void characterClass()
    {
        out.append('[');
        index++;
        int depth = 1;
        boolean first = true;
        if (index < source.length() && source.charAt(index) == '^') {
            out.append('^');
            index++;
        }
        while (depth > 0) {
            if (index >= source.length()) {
                throw error("character class is not closed");
            }
            char c = source.charAt(index);
            if (c == ']' && first) {
                // Ruby reads a ']' right after the opening bracket as a member.
                out.append("\\]");
                index++;
            }
            else if (c == ']') {
                out.append(']');
                index++;
                depth--;
            }
            else if (c == '[' && source.startsWith("[:", index)) {
                posixClass();
            }
            else if (c == '[') {
                // A nested class is a union in Ruby and Java; RE2 would read a literal '['.
                needsBacktracking = true;
                out.append('[');
                index++;
                depth++;
                if (index < source.length() && source.charAt(index) == '^') {
                    out.append('^');
                    index++;
                }
                first = true;
                continue;
            }
            else if (c == '&' && source.startsWith("&&", index)) {
                // Intersection in Ruby and Java; two literal '&' in RE2.
                needsBacktracking = true;
                out.append("&&");
                index += 2;
            }
            else if (c == '\\') {
                classEscape();
            }
            else {
                out.append(c);
                index++;
            }
            first = false;
        }
    }

    private void classEscape()
    {
        if (index + 1 >= source.length()) {
            throw error("pattern ends with a backslash");
        }
        char c = source.charAt(index + 1);
        index += 2;
        switch (c) {
            case 'h' -> out.append(HEX_MEMBERS);
            case 's' -> out.append(SPACE_MEMBERS);
            case 'H' -> throw error("\\H inside a character class is not supported");
            case 'x', 'u', 'v', 'e', '0' -> codeUnitEscape(c);
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> throw error("octal escapes other than \\0 are not supported");
            default -> out.append('\\').append(c);
        }
    }

    private void posixClass()
    {
        int end = source.indexOf(":]", index + 2);
        if (end < 0) {
            // Not a POSIX class after all: Ruby reads '[' ':' as members of a nested class.
            needsBacktracking = true;
            out.append('[');
            index++;
            return;
        }
        String name = source.substring(index + 2, end);
        boolean negated = name.startsWith("^");
        String bare = negated ? name.substring(1) : name;
        index = end + 2;
        if (target == Target.RE2J) {
            out.append("[:").append(name).append(":]");
            return;
        }
        if (bare.equals("word")) {
            out.append(negated ? "\\W" : "\\w");
            return;
        }
        String javaName = POSIX_TO_JAVA.get(bare.toLowerCase(Locale.ROOT));
        if (javaName == null) {
            throw error("unknown POSIX class [:" + name + ":]");
        }
        out.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
    }

    private void group()
    {
        if (!source.startsWith("(?", index)) {
            plainGroupStarts.add(out.length());
            out.append('(');
            index++;
            return;
        }
        if (source.startsWith("(?#", index)) {
            int end = source.indexOf(')', index);
            if (end < 0) {
                throw error("comment group is not closed");
            }
            index = end + 1;
            return;
        }
        if (source.startsWith("(?:", index)) {
            out.append("(?:");
            index += 3;
            return;
        }
        if (source.startsWith("(?=", index) || source.startsWith("(?!", index) || source.startsWith("(?<=", index)
                || source.startsWith("(?<!", index) || source.startsWith("(?>", index)) {
            needsBacktracking = true;
            out.append("(?");
            index += 2;
            return;
        }
        if (source.startsWith("(?<", index) || source.startsWith("(?'", index)) {
            namedGroup();
            return;
        }
        if (source.startsWith("(?(", index)) {
            throw error("conditional groups are not supported");
        }
        options();
    }

    private void namedGroup()
    {
        char close = source.charAt(index + 2) == '<' ? '>' : '\'';
        int end = source.indexOf(close, index + 3);
        if (end < 0) {
            throw error("group name is not closed");
        }
        String name = source.substring(index + 3, end);
        if (name.isEmpty()) {
            throw error("group name is empty");
        }
        namedGroups = true;
        out.append("(?<").append(name).append('>');
        index = end + 1;
    }

    /** {@code (?imx-imx)} and {@code (?imx-imx:...)}, with Ruby's m (dot matches newline) written as s. */
    private void options()
    {
        int start = index;
        index += 2;
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        boolean negative = false;
        while (index < source.length()) {
            char c = source.charAt(index);
            if (c == ')' || c == ':') {
                break;
            }
            index++;
            switch (c) {
                case '-' -> {
                    if (negative) {
                        throw error("option group has two '-'");
                    }
                    negative = true;
                }
                case 'i', 'm', 'x' -> {
                    if (c == 'x') {
                        needsBacktracking = true;
                    }
                    (negative ? off : on).append(c == 'm' ? 's' : c);
                }
                case 'a', 'd', 'u' -> {
                    // Character-set options change \w and friends for non-ASCII text only; the
                    // engines' defaults are kept.
                }
                default -> throw error("unknown group option '" + c + "' in group at offset " + start);
            }
        }
        if (index >= source.length()) {
            throw error("option group is not closed");
        }
        boolean scoped = source.charAt(index) == ':';
        index++;
        if (on.length() == 0 && off.length() == 0) {
            if (scoped) {
                out.append("(?:");
            }
            return;
        }
        out.append("(?").append(on);
        if (off.length() > 0) {
            out.append('-').append(off);
        }
        out.append(scoped ? ':' : ')');
    }

    /**
     * A brace either starts a repetition ({@code {n}}, {@code {n,}}, {@code {n,m}}, Ruby's
     * {@code {,m}}) or is a literal, which java.util.regex refuses unescaped.
     *
     * @return true when it was a repetition
     */
    private boolean braces()
    {
        int end = source.indexOf('}', index);
        if (end > index + 1 && isRepetition(source.substring(index + 1, end))) {
            String body = source.substring(index + 1, end);
            out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
            index = end + 1;
            return true;
        }
        out.append("\\{");
        index++;
        return false;
    }

    private static boolean isRepetition(String body)
    {
        int comma = body.indexOf(',');
        if (comma < 0) {
            return isDigits(body);
        }
        String low = body.substring(0, comma);
        String high = body.substring(comma + 1);
        if (low.isEmpty()) {
            return isDigits(high);
        }
        return isDigits(low) && (high.isEmpty() || isDigits(high));
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

    private IllegalArgumentException error(String message)
    {
        return new IllegalArgumentException(message + " (at offset " + Math.max(0, index - 1) + ")");
    }
}
