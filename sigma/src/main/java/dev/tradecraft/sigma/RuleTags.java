package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sigma tags as rules and correlations keep them: lower case, so {@code attack.T1190} equals {@code attack.t1190}. */
public final class RuleTags
{
    private RuleTags() {}

    public static List<String> normalise(List<String> tags)
    {
        requireNonNull(tags, "tags is null");
        List<String> result = new ArrayList<>(tags.size());
        for (String tag : tags) {
            result.add(requireNonNull(tag, "tag is null").toLowerCase(Locale.ROOT));
        }
        return List.copyOf(result);
    }
}
