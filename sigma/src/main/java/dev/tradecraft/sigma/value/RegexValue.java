package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Pattern;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code |re}: a regular expression found anywhere in the value (unanchored search), case-sensitive
 * unless {@link RegexFlag#IGNORE_CASE}. Always RE2/J, so matching is linear in the value length
 * whatever the rule says.
 *
 * @param pattern the expression exactly as written in the rule
 */
public record RegexValue(String pattern, Set<RegexFlag> flags)
        implements SigmaValue
{
    public RegexValue
    {
        requireNonNull(pattern, "pattern is null");
        flags = Set.copyOf(requireNonNull(flags, "flags is null"));
    }

    public RegexValue withFlag(RegexFlag flag)
    {
        Set<RegexFlag> result = flags.isEmpty() ? EnumSet.noneOf(RegexFlag.class) : EnumSet.copyOf(flags);
        result.add(flag);
        return new RegexValue(pattern, result);
    }

    /** Compiles with RE2/J; throws {@link com.google.re2j.PatternSyntaxException} for what RE2 rejects. */
    public Pattern compile()
    {
        int compileFlags = 0;
        if (flags.contains(RegexFlag.IGNORE_CASE)) {
            compileFlags |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.contains(RegexFlag.MULTILINE)) {
            compileFlags |= Pattern.MULTILINE;
        }
        if (flags.contains(RegexFlag.DOTALL)) {
            compileFlags |= Pattern.DOTALL;
        }
        return Pattern.compile(pattern, compileFlags);
    }

    @Override
    public String toString()
    {
        return "/" + pattern + "/" + (flags.contains(RegexFlag.IGNORE_CASE) ? "i" : "")
                + (flags.contains(RegexFlag.MULTILINE) ? "m" : "") + (flags.contains(RegexFlag.DOTALL) ? "s" : "");
    }
}
