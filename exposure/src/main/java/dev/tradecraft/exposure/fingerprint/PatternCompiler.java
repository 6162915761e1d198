package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Compiles a Recog pattern with its flags, as Ruby reads them, into the linear-time engine where it
 * can and into the budgeted backtracking engine where it must.
 *
 * <p>Recog's flags map onto Ruby's options: {@code REG_ICASE} and {@code IGNORECASE} are
 * case-insensitive; {@code REG_DOT_NEWLINE}, {@code REG_LINE_ANY_CRLF} and {@code REG_MULTILINE} all
 * become Ruby's {@code MULTILINE}, which lets {@code .} match a line break. Ruby's {@code ^} and
 * {@code $} match at every line whatever the flags, so both engines always run in multi-line mode,
 * and java.util.regex in Unix-lines mode so that only {@code \n} ends a line, as in Ruby.
 */
final class PatternCompiler
{
    private PatternCompiler() {}

    /** A pattern that cannot be compiled, with the reason each engine gave. */
    static final class PatternException
            extends Exception
    {
        PatternException(String message)
        {
            super(message);
        }
    }

    /** Recog flag names, as Recog's RegexpFactory knows them. */
    enum Flag
    {
        REG_DOT_NEWLINE(false, true),
        REG_LINE_ANY_CRLF(false, true),
        REG_MULTILINE(false, true),
        REG_ICASE(true, false),
        IGNORECASE(true, false);

        private final boolean ignoreCase;
        private final boolean dotAll;

        Flag(boolean ignoreCase, boolean dotAll)
        {
            this.ignoreCase = ignoreCase;
            this.dotAll = dotAll;
        }

        static boolean ignoreCase(List<Flag> flags)
        {
            for (Flag flag : flags) {
                if (flag.ignoreCase) {
                    return true;
                }
            }
            return false;
        }

        static boolean dotAll(List<Flag> flags)
        {
            for (Flag flag : flags) {
                if (flag.dotAll) {
                    return true;
                }
            }
            return false;
        }
    }

    static CompiledPattern compile(String pattern, List<Flag> flags)
            throws PatternException
    {
        requireNonNull(pattern, "pattern is null");
        requireNonNull(flags, "flags is null");
        boolean ignoreCase = Flag.ignoreCase(flags);
        boolean dotAll = Flag.dotAll(flags);
        RubyRegex.Translation forRe2;
        RubyRegex.Translation forJava;
        try {
            forRe2 = RubyRegex.translate(pattern, RubyRegex.Target.RE2J);
            forJava = RubyRegex.translate(pattern, RubyRegex.Target.JAVA);
        }
        catch (IllegalArgumentException e) {
            throw new PatternException(e.getMessage());
        }
        String re2Refusal = "needs back-references, look-around, atomic or possessive matching, or class set operations";
        if (!forRe2.needsBacktracking()) {
            int re2Flags = com.google.re2j.Pattern.MULTILINE
                    | (ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
                    | (dotAll ? com.google.re2j.Pattern.DOTALL : 0);
            try {
                Re2Pattern re2 = new Re2Pattern(com.google.re2j.Pattern.compile(forRe2.pattern(), re2Flags));
                return AnchoredRunPattern.of(pattern, ignoreCase, re2).orElse(re2);
            }
            catch (com.google.re2j.PatternSyntaxException e) {
                re2Refusal = e.getMessage();
            }
        }
        int javaFlags = java.util.regex.Pattern.MULTILINE
                | java.util.regex.Pattern.UNIX_LINES
                | (ignoreCase ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
                | (dotAll ? java.util.regex.Pattern.DOTALL : 0);
        try {
            return new BoundedJavaPattern(java.util.regex.Pattern.compile(forJava.pattern(), javaFlags));
        }
        catch (java.util.regex.PatternSyntaxException e) {
            throw new PatternException("RE2/J: " + re2Refusal + "; java.util.regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }
}
