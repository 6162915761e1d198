package dev.tradecraft.sigma.condition;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma condition string. Precedence from loosest to tightest: {@code or}, {@code and},
 * {@code not}, {@code 1 of}/{@code any of}/{@code all of}, parentheses; {@code and}/{@code or} are
 * left-associative and chains become one n-ary node. Keywords are accepted in any case.
 *
 * <p>The grammar, recursive descent:
 * <pre>
 * or_expr   := and_expr ("or" and_expr)*
 * and_expr  := not_expr ("and" not_expr)*
 * not_expr  := "not" not_expr | operand
 * operand   := "(" or_expr ")" | ("1" | "any" | "all") "of" (pattern | "them") | identifier
 * </pre>
 * Errors carry the 1-based column of the offending token.
 */
public final class ConditionParser
{
    private final List<Token> tokens;
    private int next;

    private ConditionParser(List<Token> tokens)
    {
        this.tokens = tokens;
    }

    public static Condition parse(String text)
            throws ConditionException
    {
        requireNonNull(text, "text is null");
        int pipe = text.indexOf('|');
        if (pipe >= 0) {
            throw new ConditionException(ConditionException.Kind.UNSUPPORTED, pipe + 1,
                    "legacy aggregation '" + text.substring(pipe).trim() + "' is obsolete in Sigma v2; write a correlation rule instead");
        }
        ConditionParser parser = new ConditionParser(tokenize(text));
        if (parser.tokens.isEmpty()) {
            throw new ConditionException(ConditionException.Kind.SYNTAX, 0, "empty condition");
        }
        Condition result = parser.parseOr();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new ConditionException(ConditionException.Kind.SYNTAX, extra.column(),
                    "unexpected '" + extra.text() + "' after a complete expression (missing 'and' or 'or'?)");
        }
        return result;
    }

    private Condition parseOr()
            throws ConditionException
    {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (peekKeyword("or")) {
            next++;
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Condition parseAnd()
            throws ConditionException
    {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseNot());
        while (peekKeyword("and")) {
            next++;
            operands.add(parseNot());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Condition parseNot()
            throws ConditionException
    {
        if (peekKeyword("not")) {
            next++;
            return new Not(parseNot());
        }
        return parseOperand();
    }

    private Condition parseOperand()
            throws ConditionException
    {
        if (next >= tokens.size()) {
            Token previous = tokens.get(tokens.size() - 1);
            throw new ConditionException(ConditionException.Kind.SYNTAX, previous.column(),
                    "expected an identifier, '(' or 'x of' after '" + previous.text() + "' but the condition ends");
        }
        Token token = tokens.get(next);
        if (token.text().equals("(")) {
            next++;
            Condition inner = parseOr();
            if (next >= tokens.size() || !tokens.get(next).text().equals(")")) {
                throw new ConditionException(ConditionException.Kind.SYNTAX, token.column(), "'(' is never closed");
            }
            next++;
            return inner;
        }
        if (token.text().equals(")")) {
            throw new ConditionException(ConditionException.Kind.SYNTAX, token.column(), "unexpected ')'");
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        if (next + 1 < tokens.size() && tokens.get(next + 1).text().equalsIgnoreCase("of")) {
            return parseSelector(token);
        }
        switch (word) {
            case "and", "or", "of", "them" -> throw new ConditionException(ConditionException.Kind.SYNTAX, token.column(),
                    "expected an identifier, '(' or 'x of' but found '" + token.text() + "'");
            case "near" -> throw new ConditionException(ConditionException.Kind.UNSUPPORTED, token.column(),
                    "'near' is obsolete in Sigma v2; write a temporal correlation rule instead");
            default -> {
                checkIdentifier(token, false);
                next++;
                return new Ref(token.text());
            }
        }
    }

    private Condition parseSelector(Token quantifier)
            throws ConditionException
    {
        String word = quantifier.text().toLowerCase(Locale.ROOT);
        next += 2;
        if (next >= tokens.size()) {
            throw new ConditionException(ConditionException.Kind.SYNTAX, quantifier.column(),
                    "'" + quantifier.text() + " of' needs an identifier pattern or 'them'");
        }
        Token target = tokens.get(next);
        String pattern = target.text().equalsIgnoreCase("them") ? "them" : target.text();
        if (!pattern.equals("them")) {
            checkIdentifier(target, true);
        }
        next++;
        return switch (word) {
            case "1", "any" -> new OneOf(pattern);
            case "all" -> new AllOf(pattern);
            default -> throw new ConditionException(ConditionException.Kind.SYNTAX, quantifier.column(),
                    "'" + quantifier.text() + " of' is not Sigma; use '1 of', 'any of' or 'all of'");
        };
    }

    private void checkIdentifier(Token token, boolean pattern)
            throws ConditionException
    {
        String name = token.text();
        if (name.equals("(") || name.equals(")")) {
            throw new ConditionException(ConditionException.Kind.SYNTAX, token.column(),
                    "expected an identifier pattern or 'them' but found '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.' || pattern && c == '*';
            if (!allowed) {
                throw new ConditionException(ConditionException.Kind.SYNTAX, token.column() + i,
                        "character '" + c + "' is not allowed in " + (pattern ? "an identifier pattern" : "an identifier") + " '" + name + "'");
            }
        }
    }

    private boolean peekKeyword(String keyword)
    {
        return next < tokens.size() && tokens.get(next).text().equalsIgnoreCase(keyword);
    }

    private static List<Token> tokenize(String text)
    {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i + 1));
                i++;
            }
            else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != ')') {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start + 1));
            }
        }
        return tokens;
    }

    private record Token(String text, int column) {}
}
