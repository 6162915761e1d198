package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** A pattern run by RE2/J: time linear in the text, whatever the text. */
final class Re2Pattern
        implements CompiledPattern
{
    private final Pattern pattern;

    Re2Pattern(Pattern pattern)
    {
        this.pattern = requireNonNull(pattern, "pattern is null");
    }

    @Override
    public int groupCount()
    {
        return pattern.groupCount();
    }

    @Override
    public String[] find(String text)
    {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String[] groups = new String[pattern.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = matcher.group(i);
        }
        return groups;
    }

    @Override
    public boolean found(String text)
    {
        // Without group(i) calls RE2/J never reruns the search to recover submatches.
        return pattern.matcher(text).find();
    }

    @Override
    public String toString()
    {
        return "re2j:" + pattern.pattern();
    }
}
