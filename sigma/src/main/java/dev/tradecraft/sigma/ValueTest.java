package dev.tradecraft.sigma;

import com.google.re2j.Pattern;
import dev.tradecraft.sigma.value.BooleanValue;
import dev.tradecraft.sigma.value.CaseFolding;
import dev.tradecraft.sigma.value.CidrValue;
import dev.tradecraft.sigma.value.ClassRun;
import dev.tradecraft.sigma.value.CompareValue;
import dev.tradecraft.sigma.value.ExistsValue;
import dev.tradecraft.sigma.value.FieldRefValue;
import dev.tradecraft.sigma.value.Literal;
import dev.tradecraft.sigma.value.NullValue;
import dev.tradecraft.sigma.value.NumberValue;
import dev.tradecraft.sigma.value.PatternPart;
import dev.tradecraft.sigma.value.RegexFacts;
import dev.tradecraft.sigma.value.RegexFlag;
import dev.tradecraft.sigma.value.RegexValue;
import dev.tradecraft.sigma.value.SigmaValue;
import dev.tradecraft.sigma.value.StringPattern;
import dev.tradecraft.sigma.value.TimePartValue;
import dev.tradecraft.sigma.value.Wildcard;
import dev.tradecraft.sigma.value.WildcardMatcher;

import java.util.List;
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
     * Folded literals of which the folded form of every value passing this test contains one, or
     * an empty list when nothing is known; the prefilter looks for them before the test runs.
     */
    List<String> requiredLiterals()
    {
        return List.of();
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
            return new RegexTest(regex, null);
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

    /**
     * A test the prefilter's scan decides, or null: a case-insensitive pattern that is one literal
     * (plain ASCII after folding, at most {@link LiteralPrefilter#DECIDED_LENGTH} characters) with
     * or without a leading and a trailing {@code *} — contains, startswith, endswith or equals.
     */
    static ValueTest scanned(SigmaValue value, int field, AtomTable atoms)
    {
        if (field < 0) {
            return null;
        }
        if (value instanceof RegexValue regex) {
            return scannedRegex(regex, field, atoms);
        }
        if (!(value instanceof StringPattern pattern) || pattern.cased()) {
            return null;
        }
        List<PatternPart> parts = pattern.parts();
        boolean leading = !parts.isEmpty() && parts.get(0) == Wildcard.ANY_RUN;
        boolean trailing = parts.size() > 1 && parts.get(parts.size() - 1) == Wildcard.ANY_RUN;
        int literalParts = parts.size() - (leading ? 1 : 0) - (trailing ? 1 : 0);
        if (literalParts != 1 || !(parts.get(leading ? 1 : 0) instanceof Literal literal)) {
            return null;
        }
        String text = literal.text();
        if (text.isEmpty() || text.length() > LiteralPrefilter.DECIDED_LENGTH) {
            return null;
        }
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = CaseFolding.fold(text.charAt(i));
            if (folded[i] >= 128) {
                // The automaton lets characters outside ASCII stand for each other: not exact there.
                return null;
            }
        }
        int mode = leading ? (trailing ? LiteralPrefilter.FOUND : LiteralPrefilter.AT_END) : (trailing ? LiteralPrefilter.AT_START : LiteralPrefilter.WHOLE);
        return new ScannedPatternTest(atoms.id(new LiteralAtom(field, new String(folded))), new String(folded), mode, WildcardMatcher.of(pattern));
    }

    private static ValueTest scannedRegex(RegexValue regex, int field, AtomTable atoms)
    {
        List<List<String>> sets = RegexFacts.requiredLiteralSets(regex.pattern());
        if (sets.isEmpty()) {
            return null;
        }
        int[][] atomSets = new int[sets.size()][];
        for (int s = 0; s < atomSets.length; s++) {
            List<String> set = sets.get(s);
            atomSets[s] = new int[set.size()];
            for (int i = 0; i < set.size(); i++) {
                if (set.get(i).length() > LiteralPrefilter.DECIDED_LENGTH) {
                    return null;
                }
                atomSets[s][i] = atoms.id(new LiteralAtom(field, set.get(i)));
            }
        }
        return new RegexTest(regex, atomSets);
    }

    /** A pattern decided by where the prefilter's scan found its literal in the field. */
    private static final class ScannedPatternTest
            extends ValueTest
    {
        private final int atom;
        private final String literal;
        private final int mode;
        // For a ruleset without prefilter, which never scans.
        private final WildcardMatcher matcher;

        ScannedPatternTest(int atom, String literal, int mode, WildcardMatcher matcher)
        {
            this.atom = atom;
            this.literal = literal;
            this.mode = mode;
            this.matcher = matcher;
        }

        @Override
        List<String> requiredLiterals()
        {
            return List.of(literal);
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            if (value == null) {
                return false;
            }
            LiteralPrefilter.Scan scan = context.scan;
            return scan == null ? matcher.matches(value) : scan.has(atom, mode);
        }
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
        List<String> requiredLiterals()
        {
            String literal = matcher.longestLiteral();
            return literal.isEmpty() ? List.of() : List.of(literal);
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

    /**
     * {@code |re}. RE2/J's automaton costs far more per character than a literal search, so the
     * regex runs only when the value is long enough for its shortest match, holds a literal of each
     * of its required literal sets (read from the prefilter's scan when the test has atoms there,
     * else searched in the folded value), and holds its required run of one class if it has one.
     */
    private static final class RegexTest
            extends ValueTest
    {
        private final Pattern pattern;
        private final List<String> requiredLiterals;
        private final List<List<String>> requiredSets;
        private final int minimumLength;
        // Per required set, the scan's atoms; null when the test searches for the literals itself.
        private final int[][] atomSets;
        // A run of one class every match holds, or null.
        private final ClassRun classRun;

        RegexTest(RegexValue regex, int[][] atomSets)
        {
            this.pattern = regex.compile();
            this.requiredLiterals = RegexFacts.requiredLiterals(regex.pattern());
            this.requiredSets = RegexFacts.requiredLiteralSets(regex.pattern());
            this.minimumLength = RegexFacts.minimumLength(regex.pattern());
            this.atomSets = atomSets;
            this.classRun = RegexFacts.requiredClassRun(regex.pattern(), regex.flags().contains(RegexFlag.IGNORE_CASE)).orElse(null);
        }

        @Override
        List<String> requiredLiterals()
        {
            return requiredLiterals;
        }

        @Override
        boolean needsFolded()
        {
            return atomSets == null && !requiredSets.isEmpty();
        }

        @Override
        boolean test(String value, String folded, EvalContext context)
        {
            if (value == null || value.length() < minimumLength || !literalsFound(folded, context)
                    || (classRun != null && !classRun.foundIn(value))) {
                return false;
            }
            return pattern.matcher(value).find();
        }

        private boolean literalsFound(String folded, EvalContext context)
        {
            if (atomSets != null) {
                LiteralPrefilter.Scan scan = context.scan;
                // A ruleset without prefilter never scans: the reference behaviour is the regex alone.
                return scan == null || allSetsFound(scan);
            }
            for (List<String> set : requiredSets) {
                if (!anyContained(folded, set)) {
                    return false;
                }
            }
            return true;
        }

        private boolean allSetsFound(LiteralPrefilter.Scan scan)
        {
            for (int[] atoms : atomSets) {
                boolean found = false;
                for (int atom : atoms) {
                    if (scan.has(atom, LiteralPrefilter.FOUND)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private static boolean anyContained(String folded, List<String> literals)
        {
            for (String literal : literals) {
                if (folded.contains(literal)) {
                    return true;
                }
            }
            return false;
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
