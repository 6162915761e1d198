package dev.tradecraft.campaigns.stix;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the subset of the STIX 2.1 pattern grammar ({@code STIXPattern.g4}) the writer emits:
 * observation expressions {@code [ ... ]} joined by {@code AND}, {@code OR} or
 * {@code FOLLOWEDBY}; inside, comparisons {@code objectPath (=|!=) literal} joined by {@code AND}
 * or {@code OR}; object paths {@code type:property} with {@code .key}, {@code .'quoted key'} and
 * {@code [n]} steps; string literals with only {@code \'} and {@code \\} as escapes, and integers.
 * Anything else is rejected with its offset, so a pattern the writer got wrong fails a test instead
 * of reaching a consumer's parser.
 */
final class StixPatternRecogniser
{
    /** One comparison, with the literal's value unescaped. */
    record Comparison(String path, String operator, String value)
    {
        Comparison
        {
            requireNonNull(path, "path is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }
    }

    private final String text;
    private int position;

    private StixPatternRecogniser(String text)
    {
        this.text = text;
    }

    /** The comparisons of a pattern, in order; throws IllegalArgumentException naming the offset of the first error. */
    static List<Comparison> parse(String pattern)
    {
        StixPatternRecogniser recogniser = new StixPatternRecogniser(pattern);
        List<Comparison> comparisons = new ArrayList<>();
        recogniser.observation(comparisons);
        while (recogniser.keyword("AND") || recogniser.keyword("OR") || recogniser.keyword("FOLLOWEDBY")) {
            recogniser.observation(comparisons);
        }
        recogniser.skipSpace();
        if (recogniser.position != pattern.length()) {
            throw recogniser.error("end of pattern expected");
        }
        return comparisons;
    }

    private void observation(List<Comparison> comparisons)
    {
        expect('[');
        comparisons.add(comparison());
        while (keyword("AND") || keyword("OR")) {
            comparisons.add(comparison());
        }
        expect(']');
    }

    private Comparison comparison()
    {
        String path = objectPath();
        skipSpace();
        String operator;
        if (text.startsWith("!=", position)) {
            operator = "!=";
            position += 2;
        }
        else if (position < text.length() && text.charAt(position) == '=') {
            operator = "=";
            position++;
        }
        else {
            throw error("'=' or '!=' expected");
        }
        skipSpace();
        String value;
        if (position < text.length() && text.charAt(position) == '\'') {
            value = string();
        }
        else {
            value = integer();
        }
        return new Comparison(path, operator, value);
    }

    private String objectPath()
    {
        skipSpace();
        int start = position;
        identifier(true);
        expect(':', false);
        if (position < text.length() && text.charAt(position) == '\'') {
            string();
        }
        else {
            identifier(false);
        }
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.') {
                position++;
                if (position < text.length() && text.charAt(position) == '\'') {
                    string();
                }
                else {
                    identifier(false);
                }
            }
            else if (c == '[' && position + 1 < text.length() && (isDigit(text.charAt(position + 1)) || text.charAt(position + 1) == '*'
                    || text.charAt(position + 1) == '-')) {
                position++;
                if (text.charAt(position) == '*') {
                    position++;
                }
                else {
                    integer();
                }
                expect(']', false);
            }
            else {
                break;
            }
        }
        return text.substring(start, position);
    }

    private void identifier(boolean hyphenAllowed)
    {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            boolean first = position == start;
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (letter || (!first && (isDigit(c) || (hyphenAllowed && c == '-')))) {
                position++;
            }
            else {
                break;
            }
        }
        if (position == start) {
            throw error("identifier expected");
        }
    }

    /** A quoted literal; returns its value with the escapes undone. */
    private String string()
    {
        expect('\'', false);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string literal");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\') {
                if (position >= text.length() || (text.charAt(position) != '\'' && text.charAt(position) != '\\')) {
                    throw error("only \\' and \\\\ may be escaped");
                }
                value.append(text.charAt(position++));
            }
            else {
                value.append(c);
            }
        }
    }

    private String integer()
    {
        int start = position;
        if (position < text.length() && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
            position++;
        }
        int digits = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (position == digits || (text.charAt(digits) == '0' && position - digits > 1)) {
            position = start;
            throw error("literal expected");
        }
        return text.substring(start, position);
    }

    /** A keyword as a whole word, after optional space. */
    private boolean keyword(String word)
    {
        int saved = position;
        skipSpace();
        if (text.startsWith(word, position)) {
            int end = position + word.length();
            if (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                position = saved;
                return false;
            }
            position = end;
            return true;
        }
        position = saved;
        return false;
    }

    private void expect(char c)
    {
        expect(c, true);
    }

    private void expect(char c, boolean spaceBefore)
    {
        if (spaceBefore) {
            skipSpace();
        }
        if (position >= text.length() || text.charAt(position) != c) {
            throw error("'" + c + "' expected");
        }
        position++;
    }

    private void skipSpace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message)
    {
        return new IllegalArgumentException(message + " at offset " + position + " of pattern " + text);
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}
