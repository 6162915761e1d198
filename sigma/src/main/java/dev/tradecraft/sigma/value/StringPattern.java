package dev.tradecraft.sigma.value;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value: literal text with {@code *} and {@code ?} wildcards, matched against the
 * whole field value. Parts are normalised (adjacent literals joined, repeated {@code *} collapsed),
 * so two patterns that match the same strings by construction are equal.
 *
 * @param parts literals and wildcards; empty for the empty string
 * @param cased whether matching is case-sensitive (Sigma's default is case-insensitive)
 * @param binary whether the literal characters stand for bytes (0..255) produced by an encoding
 *        modifier such as {@code wide}; base64 then encodes those bytes instead of UTF-8
 */
public record StringPattern(List<PatternPart> parts, boolean cased, boolean binary)
        implements SigmaValue
{
    private static final char ESCAPE = '\\';

    public StringPattern
    {
        parts = normalise(requireNonNull(parts, "parts is null"));
    }

    /**
     * Parses a Sigma string with its escaping rules: {@code \} escapes only {@code *}, {@code ?}
     * and {@code \}; before any other character, and at the end, it is a literal backslash.
     */
    public static StringPattern parse(String text)
    {
        requireNonNull(text, "text is null");
        List<PatternPart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder(text.length());
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                if (c != '*' && c != '?' && c != ESCAPE) {
                    literal.append(ESCAPE);
                }
                literal.append(c);
                escaped = false;
            }
            else if (c == ESCAPE) {
                escaped = true;
            }
            else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? Wildcard.ANY_RUN : Wildcard.ONE_CHAR);
            }
            else {
                literal.append(c);
            }
        }
        if (escaped) {
            literal.append(ESCAPE);
        }
        flush(literal, parts);
        return new StringPattern(parts, false, false);
    }

    /** A pattern that matches exactly this text, case-insensitively. */
    public static StringPattern literal(String text)
    {
        requireNonNull(text, "text is null");
        return new StringPattern(text.isEmpty() ? List.of() : List.of(new Literal(text)), false, false);
    }

    public boolean hasWildcards()
    {
        for (PatternPart part : parts) {
            if (part instanceof Wildcard) {
                return true;
            }
        }
        return false;
    }

    public boolean startsWithAnyRun()
    {
        return !parts.isEmpty() && parts.get(0) == Wildcard.ANY_RUN;
    }

    public boolean endsWithAnyRun()
    {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY_RUN;
    }

    public StringPattern withLeadingAnyRun()
    {
        if (startsWithAnyRun()) {
            return this;
        }
        List<PatternPart> result = new ArrayList<>(parts.size() + 1);
        result.add(Wildcard.ANY_RUN);
        result.addAll(parts);
        return new StringPattern(result, cased, binary);
    }

    public StringPattern withTrailingAnyRun()
    {
        if (endsWithAnyRun()) {
            return this;
        }
        List<PatternPart> result = new ArrayList<>(parts.size() + 1);
        result.addAll(parts);
        result.add(Wildcard.ANY_RUN);
        return new StringPattern(result, cased, binary);
    }

    public StringPattern withCased(boolean newCased)
    {
        return new StringPattern(parts, newCased, binary);
    }

    /** The text of a pattern without wildcards. */
    public String literalText()
    {
        checkState(!hasWildcards(), "pattern has wildcards: " + this);
        StringBuilder out = new StringBuilder();
        for (PatternPart part : parts) {
            out.append(((Literal) part).text());
        }
        return out.toString();
    }

    /** The pattern in Sigma syntax; {@link #parse} of it gives the same parts. */
    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            PatternPart part = parts.get(p);
            if (part == Wildcard.ANY_RUN) {
                out.append('*');
            }
            else if (part == Wildcard.ONE_CHAR) {
                out.append('?');
            }
            else {
                String text = ((Literal) part).text();
                boolean wildcardFollows = p + 1 < parts.size();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '*' || c == '?') {
                        out.append(ESCAPE).append(c);
                    }
                    else if (c == ESCAPE) {
                        // A backslash needs escaping only where the parser would read it as an escape.
                        boolean beforeSpecial = i + 1 < text.length()
                                ? isSpecial(text.charAt(i + 1))
                                : wildcardFollows;
                        out.append(beforeSpecial ? "\\\\" : "\\");
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isSpecial(char c)
    {
        return c == '*' || c == '?' || c == ESCAPE;
    }

    private static void flush(StringBuilder literal, List<PatternPart> parts)
    {
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private static List<PatternPart> normalise(List<PatternPart> parts)
    {
        List<PatternPart> result = new ArrayList<>(parts.size());
        StringBuilder literal = new StringBuilder();
        for (PatternPart part : parts) {
            requireNonNull(part, "part is null");
            if (part instanceof Literal text) {
                literal.append(text.text());
                continue;
            }
            flush(literal, result);
            if (part == Wildcard.ANY_RUN && !result.isEmpty() && result.get(result.size() - 1) == Wildcard.ANY_RUN) {
                continue;
            }
            result.add(part);
        }
        flush(literal, result);
        return List.copyOf(result);
    }
}
