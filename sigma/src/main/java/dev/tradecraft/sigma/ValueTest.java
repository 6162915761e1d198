package dev.tradecraft.sigma;

import com.google.re2j.Pattern;
import dev.tradecraft.sigma.value.BooleanValue;
import dev.tradecraft.sigma.value.CidrValue;
import dev.tradecraft.sigma.value.CompareValue;
import dev.tradecraft.sigma.value.ExistsValue;
import dev.tradecraft.sigma.value.FieldRefValue;
import dev.tradecraft.sigma.value.NullValue;
import dev.tradecraft.sigma.value.NumberValue;
import dev.tradecraft.sigma.value.RegexFacts;
import dev.tradecraft.sigma.value.RegexValue;
import dev.tradecraft.sigma.value.SigmaValue;
import dev.tradecraft.sigma.value.StringPattern;
import dev.tradecraft.sigma.value.TimePartValue;
import dev.tradecraft.sigma.value.WildcardMatcher;

import java.util.function.ToIntFunction;

/**
 * The run form of one {@link SigmaValue}: a test of a field's value ({@code null} when the event
 * lacks the field). Built once per compiled rule; allocation-free per call except where a value
 * type needs parsing (CIDR, comparisons).
 */
abstract class ValueTest
{
    /**
     * @param value the raw value, null when absent
     * @param folded the folded value when {@link #needsFolded()} and present, else unspecified
     */
    abstract boolean test(String value, String folded, EvalContext context);

    /**
     * A folded literal that the folded value of every value passing this test contains, or null
     * when there is none; the prefilter looks for it before the test runs.
     */
    String requiredLiteral()
    {
        return null;
    }

    /** Whether the test costs much more than a literal comparison (regular expressions). */
    boolean costly()
    {
        return false;
    }

    /** Whether the test reads the folded value (case-insensitive patterns). */
    boolean needsFolded()
    {
        return false;
    }

    /**
     * @param fieldId numbers an event field name (after logsource renames) for field references
     */
    static ValueTest of(SigmaValue value, ToIntFunction<String> fieldId)
    {
        if (value instanceof StringPattern pattern) {
            return new PatternTest(WildcardMatcher.of(pattern));
        }
        if (value instanceof RegexValue regex) {
            return new RegexTest(regex.compile(), RegexFacts.longestRequired(regex.pattern()).orElse(null), RegexFacts.minimumLength(regex.pattern()));
        }
        if (value instanceof NumberValue number) {
            return new NumberTest(number);
        }
        if (value instanceof BooleanValue bool) {
            return new BooleanTest(bool);
        }
        if (value instanceof CidrValue cidr) {
            return new CidrTest(cidr);
        }
        if (value instanceof CompareValue compare) {
            return new CompareTest(compare);
        }
        if (value instanceof TimePartValue timePart) {
            return new TimePartTest(timePart);
        }
        if (value instanceof NullValue) {
            return new NullTest();
        }
        if (value instanceof ExistsValue exists) {
            return new ExistsTest(exists.exists());
        }
        FieldRefValue ref = (FieldRefValue) value;
        return new FieldRefTest(ref, fieldId.applyAsInt(ref.field()));
    }

    private static final class PatternTest
            extends ValueTest
    {
        private final WildcardMatcher matcher;

        PatternTest(WildcardMatcher matcher)
        {
            this.matcher = matcher;
        }

        @Override
        boolean needsFolded()
        {
            return !matcher.cased();
        }

        @Override
        String requiredLiteral()
        {
            String literal = matcher.longestLiteral();
            return literal.isEmpty() ? null : literal;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            if (value == null) {
                return false;
            }
            return matcher.matchesPrepared(matcher.cased() ? value : folded);
        }
    }

    private static final class RegexTest
            extends ValueTest
    {
        private final Pattern pattern;
        private final String requiredLiteral;
        private final int minimumLength;

        RegexTest(Pattern pattern, String requiredLiteral, int minimumLength)
        {
            this.pattern = pattern;
            this.requiredLiteral = requiredLiteral;
            this.minimumLength = minimumLength;
        }

        @Override
        String requiredLiteral()
        {
            return requiredLiteral;
        }

        @Override
        boolean needsFolded()
        {
            return requiredLiteral != null;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            // RE2/J's automaton costs far more per character than a literal search, so rule out first.
            if (value == null || value.length() < minimumLength || (requiredLiteral != null && !folded.contains(requiredLiteral))) {
                return false;
            }
            return pattern.matcher(value).find();
        }

        @Override
        boolean costly()
        {
            return true;
        }
    }

    private static final class NumberTest
            extends ValueTest
    {
        private final NumberValue number;

        NumberTest(NumberValue number)
        {
            this.number = number;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value != null && number.matches(value);
        }
    }

    private static final class BooleanTest
            extends ValueTest
    {
        private final BooleanValue bool;

        BooleanTest(BooleanValue bool)
        {
            this.bool = bool;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value != null && bool.matches(value);
        }
    }

    private static final class CidrTest
            extends ValueTest
    {
        private final CidrValue cidr;

        CidrTest(CidrValue cidr)
        {
            this.cidr = cidr;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value != null && cidr.matches(value);
        }
    }

    private static final class CompareTest
            extends ValueTest
    {
        private final CompareValue compare;

        CompareTest(CompareValue compare)
        {
            this.compare = compare;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value != null && compare.matches(value);
        }
    }

    private static final class NullTest
            extends ValueTest
    {
        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value == null;
        }
    }

    private static final class ExistsTest
            extends ValueTest
    {
        private final boolean exists;

        ExistsTest(boolean exists)
        {
            this.exists = exists;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return (value != null) == exists;
        }
    }

    private static final class FieldRefTest
            extends ValueTest
    {
        private final FieldRefValue ref;
        private final int fieldId;

        FieldRefTest(FieldRefValue ref, int fieldId)
        {
            this.ref = ref;
            this.fieldId = fieldId;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            if (value == null) {
                return false;
            }
            String referenced = context.value(fieldId);
            return referenced != null && ref.matches(value, referenced);
        }
    }

    private static final class TimePartTest
            extends ValueTest
    {
        private final TimePartValue timePart;

        TimePartTest(TimePartValue timePart)
        {
            this.timePart = timePart;
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            return value != null && timePart.matches(value);
        }
    }
}
