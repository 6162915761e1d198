package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern RE2/J cannot run (back-references, look-around, atomic groups, possessive repetition),
 * run by java.util.regex with a work budget. Backtracking can take exponential time on a hostile
 * banner, so the matcher reads the text through a view that counts character reads and gives up
 * after {@code 100 × length + 10,000} of them; a search given up is counted and reported as no
 * match. The caller has already cut the text to {@link MatchInput#MAX_CHARS}.
 */
final class BoundedJavaPattern
        implements CompiledPattern
{
    static final long READS_PER_CHAR = 100;
    static final long BASE_READS = 10_000;

    private final Pattern pattern;
    private final int groupCount;
    private final LongAdder abandoned = new LongAdder();

    BoundedJavaPattern(Pattern pattern)
    {
        this.pattern = requireNonNull(pattern, "pattern is null");
        // A matcher is the only way java.util.regex tells the group count.
        this.groupCount = pattern.matcher("").groupCount();
    }

    @Override
    public int groupCount()
    {
        return groupCount;
    }

    @Override
    public String[] find(String text)
    {
        BudgetedText budgeted = new BudgetedText(text, READS_PER_CHAR * text.length() + BASE_READS);
        Matcher matcher = pattern.matcher(budgeted);
        try {
            if (!matcher.find()) {
                return null;
            }
        }
        catch (BudgetExceeded e) {
            abandoned.increment();
            return null;
        }
        catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of some groups; a long enough text exhausts
            // the stack. The matcher holds no shared state, so the search is simply given up.
            abandoned.increment();
            return null;
        }
        String[] groups = new String[groupCount + 1];
        for (int i = 0; i < groups.length; i++) {
            int start = matcher.start(i);
            groups[i] = start < 0 ? null : text.substring(start, matcher.end(i));
        }
        return groups;
    }

    /** Searches given up because the budget ran out, since the pattern was compiled. */
    long abandonedSearches()
    {
        return abandoned.sum();
    }

    @Override
    public String toString()
    {
        return "java.util.regex:" + pattern.pattern();
    }

    /** Thrown from inside the matcher when the budget runs out; carries no stack trace, it is control flow. */
    private static final class BudgetExceeded
            extends RuntimeException
    {
        BudgetExceeded()
        {
            super("regular expression work budget exceeded", null, false, false);
        }
    }

    /** The text as the matcher sees it: every character read is counted against the budget. */
    private static final class BudgetedText
            implements CharSequence
    {
        private final String text;
        private long remaining;

        BudgetedText(String text, long budget)
        {
            this.text = text;
            this.remaining = budget;
        }

        @Override
        public int length()
        {
            return text.length();
        }

        @Override
        public char charAt(int index)
        {
            remaining--;
            if (remaining < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end)
        {
            return text.subSequence(start, end);
        }

        @Override
        public String toString()
        {
            return text;
        }
    }
}
