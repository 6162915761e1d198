package dev.tradecraft.sigma.modifier;

import static java.util.Objects.requireNonNull;

import com.google.re2j.PatternSyntaxException;
import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.value.BooleanValue;
import dev.tradecraft.sigma.value.CidrValue;
import dev.tradecraft.sigma.value.CompareValue;
import dev.tradecraft.sigma.value.ExistsValue;
import dev.tradecraft.sigma.value.FieldRefValue;
import dev.tradecraft.sigma.value.NullValue;
import dev.tradecraft.sigma.value.NumberValue;
import dev.tradecraft.sigma.value.RegexFacts;
import dev.tradecraft.sigma.value.RegexFlag;
import dev.tradecraft.sigma.value.RegexValue;
import dev.tradecraft.sigma.value.SigmaValue;
import dev.tradecraft.sigma.value.StringPattern;
import dev.tradecraft.sigma.value.TimePartValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The modifiers of one detection item ({@code Field|mod1|mod2}) and their application, left to
 * right, to each of the item's YAML values. One value can become several alternatives (windash,
 * base64offset); the item keeps them as an OR group. {@code all} and {@code neq} act on the item,
 * not the value, and are exposed as flags.
 *
 * <p>Type rules follow pySigma: {@code re}, {@code cidr}, {@code exists}, {@code fieldref} and the
 * comparisons take the unmodified YAML value; {@code i}/{@code m}/{@code s} need {@code re};
 * base64 forbids wildcards; string modifiers read numbers and booleans as their text.
 */
public final class ModifierChain
{
    private final List<Modifier> modifiers;
    private final String subject;
    private final boolean all;
    private final boolean negated;

    private ModifierChain(List<Modifier> modifiers, String subject)
    {
        this.modifiers = List.copyOf(modifiers);
        this.subject = subject;
        this.all = modifiers.contains(Modifier.ALL);
        this.negated = modifiers.contains(Modifier.NEQ);
    }

    /**
     * Looks the names up.
     *
     * @param subject what the modifiers apply to, for messages: {@code "field CommandLine"} or {@code "keywords"}
     */
    public static ModifierChain parse(List<String> names, String subject)
            throws ModifierException
    {
        requireNonNull(names, "names is null");
        requireNonNull(subject, "subject is null");
        List<Modifier> modifiers = new ArrayList<>(names.size());
        for (String name : names) {
            Modifier modifier = Modifier.forName(name).orElse(null);
            if (modifier == null) {
                throw new ModifierException(RuleProblemKind.UNKNOWN_MODIFIER,
                        "unknown modifier '" + name + "' on " + subject + " (known: " + Modifier.knownNames() + ")");
            }
            if (!modifier.supported()) {
                throw new ModifierException(RuleProblemKind.UNSUPPORTED_MODIFIER,
                        "modifier '" + name + "' on " + subject + " is not supported yet"
                                + " (time-part comparison)");
            }
            modifiers.add(modifier);
        }
        return new ModifierChain(modifiers, subject);
    }

    public List<Modifier> modifiers()
    {
        return modifiers;
    }

    /** Values are AND-ed ({@code all}) instead of OR-ed. */
    public boolean all()
    {
        return all;
    }

    /** The whole item is negated ({@code neq}). */
    public boolean negated()
    {
        return negated;
    }

    /**
     * Applies the chain to one YAML value.
     *
     * @param keyword whether the item is a keyword search (no field): then a string without
     *        wildcards or position modifier is searched as a substring, and only string-like values are allowed
     * @return the alternatives (OR) this value stands for; never empty
     */
    public List<SigmaValue> apply(RawValue raw, boolean keyword)
            throws ModifierException
    {
        requireNonNull(raw, "raw is null");
        List<SigmaValue> values = new ArrayList<>(List.of(initial(raw)));
        boolean modified = false;
        boolean positioned = false;
        for (Modifier modifier : modifiers) {
            switch (modifier) {
                case ALL, NEQ, EXPAND -> {
                    // EXPAND: the caller replaced the placeholders before the chain runs.
                    continue;
                }
                case RE -> values = List.of(fromUnmodified(raw, modified, modifier, keyword));
                case CIDR, EXISTS, FIELDREF, LT, LTE, GT, GTE, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR -> {
                    values = List.of(fromUnmodified(raw, modified, modifier, keyword));
                    positioned = true;
                }
                case I, IGNORECASE -> values = withFlag(values, modifier, RegexFlag.IGNORE_CASE);
                case M, MULTILINE -> values = withFlag(values, modifier, RegexFlag.MULTILINE);
                case S, DOTALL -> values = withFlag(values, modifier, RegexFlag.DOTALL);
                case CONTAINS, STARTSWITH, ENDSWITH -> {
                    values = position(values, modifier);
                    positioned = true;
                }
                case CASED -> values = cased(values);
                case WINDASH -> values = windash(values);
                case BASE64, BASE64OFFSET -> values = base64(values, modifier);
                case WIDE, UTF16LE -> values = utf16(values, modifier, Encodings.Utf16.LITTLE_ENDIAN);
                case UTF16BE -> values = utf16(values, modifier, Encodings.Utf16.BIG_ENDIAN);
                case UTF16 -> values = utf16(values, modifier, Encodings.Utf16.LITTLE_ENDIAN_WITH_BOM);
            }
            modified = true;
        }
        if (keyword) {
            values = keywordValues(values, positioned);
        }
        for (SigmaValue value : values) {
            if (value instanceof RegexValue regex) {
                checkRegex(regex);
            }
        }
        return values;
    }

    private SigmaValue initial(RawValue raw)
    {
        return switch (raw.type()) {
            case STRING -> StringPattern.parse(raw.text());
            case INTEGER, FLOAT -> numberOrText(raw.text());
            case BOOLEAN -> new BooleanValue(Boolean.parseBoolean(raw.text().toLowerCase(Locale.ROOT)));
            case NULL -> new NullValue();
        };
    }

    // YAML floats include .inf and .nan, which are no numbers to compare; they match as text.
    private static SigmaValue numberOrText(String text)
    {
        try {
            return NumberValue.parse(text);
        }
        catch (IllegalArgumentException e) {
            return StringPattern.literal(text);
        }
    }

    private SigmaValue fromUnmodified(RawValue raw, boolean modified, Modifier modifier, boolean keyword)
            throws ModifierException
    {
        if (modified) {
            throw badValue("modifier '" + modifier + "' on " + subject + " only applies to the unmodified value; put it first");
        }
        if (raw.type() == RawValue.Type.NULL) {
            throw badValue("modifier '" + modifier + "' on " + subject + " cannot take null");
        }
        if (keyword && (modifier == Modifier.EXISTS || modifier == Modifier.FIELDREF)) {
            throw badValue("modifier '" + modifier + "' needs a field; keyword searches have none");
        }
        switch (modifier) {
            case RE -> {
                return new RegexValue(raw.text(), Set.of());
            }
            case CIDR -> {
                try {
                    return CidrValue.parse(raw.text());
                }
                catch (IllegalArgumentException e) {
                    throw badValue("modifier 'cidr' on " + subject + ": " + e.getMessage());
                }
            }
            case EXISTS -> {
                if (raw.type() != RawValue.Type.BOOLEAN) {
                    throw badValue("modifier 'exists' on " + subject + " needs true or false, not '" + raw.text() + "'");
                }
                return new ExistsValue(Boolean.parseBoolean(raw.text().toLowerCase(Locale.ROOT)));
            }
            case FIELDREF -> {
                StringPattern pattern = StringPattern.parse(raw.text());
                if (pattern.hasWildcards() || raw.text().isBlank()) {
                    throw badValue("modifier 'fieldref' on " + subject + " needs a plain field name, not '" + raw.text() + "'");
                }
                return new FieldRefValue(pattern.literalText(), false, false, false);
            }
            case LT, LTE, GT, GTE -> {
                SigmaValue number = numberOrText(raw.text());
                if (!(number instanceof NumberValue numberValue)) {
                    throw badValue("modifier '" + modifier + "' on " + subject + " needs a number, not '" + raw.text() + "'");
                }
                BigDecimal value = numberValue.value();
                CompareValue.Operator operator = switch (modifier) {
                    case LT -> CompareValue.Operator.LT;
                    case LTE -> CompareValue.Operator.LTE;
                    case GT -> CompareValue.Operator.GT;
                    default -> CompareValue.Operator.GTE;
                };
                return new CompareValue(operator, value);
            }
            case MINUTE, HOUR, DAY, WEEK, MONTH, YEAR -> {
                if (keyword) {
                    throw badValue("modifier '" + modifier + "' needs a field; keyword searches have none");
                }
                TimePartValue.Part part = TimePartValue.Part.valueOf(modifier.name());
                String text = raw.text().strip();
                if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < part.min() || Integer.parseInt(text) > part.max()) {
                    throw badValue("modifier '" + modifier + "' on " + subject + " needs a whole number in [" + part.min() + "," + part.max() + "], not '"
                            + raw.text() + "'");
                }
                return new TimePartValue(part, Integer.parseInt(text));
            }
            default -> throw new IllegalStateException("not a value-creating modifier: " + modifier);
        }
    }

    private List<SigmaValue> withFlag(List<SigmaValue> values, Modifier modifier, RegexFlag flag)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            if (!(value instanceof RegexValue regex)) {
                throw badValue("modifier '" + modifier + "' on " + subject + " is a regular expression flag; use it after 're'");
            }
            result.add(regex.withFlag(flag));
        }
        return result;
    }

    private List<SigmaValue> position(List<SigmaValue> values, Modifier modifier)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            if (value instanceof RegexValue) {
                // Regular expressions are searched anywhere in the value already.
                result.add(value);
            }
            else if (value instanceof FieldRefValue ref) {
                result.add(new FieldRefValue(ref.field(),
                        ref.startsWith() || modifier != Modifier.ENDSWITH,
                        ref.endsWith() || modifier != Modifier.STARTSWITH,
                        ref.cased()));
            }
            else {
                StringPattern pattern = asPattern(value, modifier);
                if (modifier != Modifier.STARTSWITH) {
                    pattern = pattern.withLeadingAnyRun();
                }
                if (modifier != Modifier.ENDSWITH) {
                    pattern = pattern.withTrailingAnyRun();
                }
                result.add(pattern);
            }
        }
        return result;
    }

    private List<SigmaValue> cased(List<SigmaValue> values)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            if (value instanceof FieldRefValue ref) {
                result.add(new FieldRefValue(ref.field(), ref.startsWith(), ref.endsWith(), true));
            }
            else {
                result.add(asPattern(value, Modifier.CASED).withCased(true));
            }
        }
        return result;
    }

    private List<SigmaValue> windash(List<SigmaValue> values)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>();
        for (SigmaValue value : values) {
            StringPattern pattern = asPattern(value, Modifier.WINDASH);
            List<StringPattern> variants = WindowsDash.expand(pattern);
            if (variants == null) {
                throw badValue("modifier 'windash' on " + subject + ": more than " + WindowsDash.MAX_POSITIONS
                        + " flag dashes in '" + pattern + "' would give too many variants");
            }
            result.addAll(variants);
        }
        return result;
    }

    private List<SigmaValue> base64(List<SigmaValue> values, Modifier modifier)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>();
        for (SigmaValue value : values) {
            StringPattern pattern = asPattern(value, modifier);
            if (pattern.hasWildcards()) {
                throw badValue("modifier '" + modifier + "' on " + subject + " cannot encode wildcards in '" + pattern
                        + "'; put contains/startswith/endswith after it");
            }
            if (modifier == Modifier.BASE64) {
                result.add(Encodings.base64(pattern));
            }
            else {
                List<StringPattern> offsets = Encodings.base64Offsets(pattern);
                if (offsets.isEmpty()) {
                    throw badValue("modifier 'base64offset' on " + subject + ": '" + pattern + "' is too short to encode");
                }
                result.addAll(offsets);
            }
        }
        return result;
    }

    private List<SigmaValue> utf16(List<SigmaValue> values, Modifier modifier, Encodings.Utf16 form)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            StringPattern pattern = asPattern(value, modifier);
            if (pattern.binary()) {
                throw badValue("modifier '" + modifier + "' on " + subject + ": the value is already encoded");
            }
            result.add(Encodings.utf16(pattern, form));
        }
        return result;
    }

    private List<SigmaValue> keywordValues(List<SigmaValue> values, boolean positioned)
            throws ModifierException
    {
        List<SigmaValue> result = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            if (value instanceof RegexValue || value instanceof CidrValue || value instanceof CompareValue || value instanceof TimePartValue) {
                result.add(value);
                continue;
            }
            StringPattern pattern = asPattern(value, null);
            if (!positioned && !pattern.hasWildcards()) {
                pattern = pattern.withLeadingAnyRun().withTrailingAnyRun();
            }
            result.add(pattern);
        }
        return result;
    }

    /** The value as a string pattern: numbers and booleans by their text. */
    private StringPattern asPattern(SigmaValue value, Modifier modifier)
            throws ModifierException
    {
        if (value instanceof StringPattern pattern) {
            return pattern;
        }
        if (value instanceof NumberValue number) {
            return StringPattern.literal(number.text());
        }
        if (value instanceof BooleanValue bool) {
            return StringPattern.literal(bool.toString());
        }
        String what = value instanceof NullValue ? "null" : value.getClass().getSimpleName() + " " + value;
        if (modifier == null) {
            throw badValue("keyword searches take strings, not " + what);
        }
        throw badValue("modifier '" + modifier + "' on " + subject + " needs a string, not " + what);
    }

    private void checkRegex(RegexValue regex)
            throws ModifierException
    {
        int depth = RegexFacts.groupDepth(regex.pattern());
        if (depth > MAX_GROUP_DEPTH) {
            // RE2/J compiles nested groups recursively; a hostile rule must not overflow the loader's stack.
            throw new ModifierException(RuleProblemKind.BAD_REGEX, "regular expression on " + subject + " nests groups " + depth
                    + " deep; at most " + MAX_GROUP_DEPTH + " are accepted (RE2's own limit is 1,000)");
        }
        long size = RegexFacts.expandedSize(regex.pattern());
        if (size > MAX_EXPANDED_SIZE) {
            throw new ModifierException(RuleProblemKind.BAD_REGEX, "regular expression on " + subject + " expands to "
                    + (size >= Long.MAX_VALUE / 4 ? "an unbounded number of" : "about " + size) + " instructions once its counted repetitions are unrolled; at most " + MAX_EXPANDED_SIZE + " are accepted");
        }
        try {
            regex.compile();
        }
        catch (PatternSyntaxException e) {
            throw new ModifierException(RuleProblemKind.BAD_REGEX,
                    "regular expression on " + subject + " rejected by RE2/J: " + e.getDescription() + " in '" + regex.pattern() + "'");
        }
    }

    private static final int MAX_GROUP_DEPTH = 200;
    // SigmaHQ's largest is about a thousand (.{1000,}); RE2 itself stops near this size by memory budget.
    private static final long MAX_EXPANDED_SIZE = 100_000;

    private ModifierException badValue(String message)
    {
        return new ModifierException(RuleProblemKind.BAD_VALUE, message);
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        for (Modifier modifier : modifiers) {
            out.append('|').append(modifier);
        }
        return out.toString();
    }
}
