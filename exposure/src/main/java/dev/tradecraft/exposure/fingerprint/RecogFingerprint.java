package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.SourcePosition;

/**
 * One compiled {@code <fingerprint>} of a Recog database: its pattern, the params it asserts and
 * the examples it carries. Immutable and safe to share between threads.
 *
 * <p>A match yields Recog's result: fixed params ({@code pos="0"}) as written, capture params from
 * their group, {@code service.protocol} from the database when the fingerprint has none, then
 * {@code {name}} placeholders in fixed values replaced by the named value. A placeholder with no
 * value becomes {@code -} in a {@code *.cpe23} value when it names a {@code *.version}, as in
 * Recog; any other such param is left out (Recog would raise an error mid-scan). Names starting
 * with {@code _tmp.} serve interpolation only and are removed, as in Recog.
 */
public final class RecogFingerprint
{
    private static final String PROTOCOL = "service.protocol";
    private static final String TEMPORARY_PREFIX = "_tmp.";

    /** The engine that runs a fingerprint's pattern. */
    public enum Engine
    {
        /** RE2/J: linear time in the text. */
        RE2J,
        /** java.util.regex with a work budget, for patterns RE2/J cannot express. */
        BOUNDED_JAVA
    }

    private final String database;
    private final String protocol;
    private final SourcePosition position;
    private final String description;
    private final String pattern;
    private final List<String> flags;
    private final List<RecogParam> params;
    // Set on first use when no parameter comes from the text; a benign race (same value) at worst.
    private volatile RecogMatch constantResult;
    private final List<RecogExample> examples;
    private final CompiledPattern compiled;
    private final RequiredLiteral requiredLiteral;
    private final Map<String, List<String>> placeholders;

    RecogFingerprint(
            String database,
            String protocol,
            SourcePosition position,
            String description,
            String pattern,
            List<String> flags,
            List<RecogParam> params,
            List<RecogExample> examples,
            CompiledPattern compiled,
            RequiredLiteral requiredLiteral)
    {
        this.database = requireNonNull(database, "database is null");
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.position = requireNonNull(position, "position is null");
        this.description = requireNonNull(description, "description is null");
        this.pattern = requireNonNull(pattern, "pattern is null");
        this.flags = List.copyOf(requireNonNull(flags, "flags is null"));
        this.params = List.copyOf(requireNonNull(params, "params is null"));
        this.examples = List.copyOf(requireNonNull(examples, "examples is null"));
        this.compiled = requireNonNull(compiled, "compiled is null");
        this.requiredLiteral = requireNonNull(requiredLiteral, "requiredLiteral is null");
        this.placeholders = placeholders(this.params);
    }

    /** File and line of the {@code <fingerprint>} element. */
    public SourcePosition position()
    {
        return position;
    }

    public String description()
    {
        return description;
    }

    /** The pattern as written in the database, in Ruby syntax. */
    public String pattern()
    {
        return pattern;
    }

    /** The flags as written, e.g. {@code REG_ICASE}. */
    public List<String> flags()
    {
        return flags;
    }

    public Engine engine()
    {
        return compiled instanceof BoundedJavaPattern ? Engine.BOUNDED_JAVA : Engine.RE2J;
    }

    /** Searches given up for running out of work budget; always 0 for {@link Engine#RE2J}. */
    public long abandonedSearches()
    {
        return compiled instanceof BoundedJavaPattern bounded ? bounded.abandonedSearches() : 0;
    }

    /** Matches this fingerprint alone against the text, as Recog's verifier does with an example. */
    public Optional<RecogMatch> match(String text)
    {
        requireNonNull(text, "text is null");
        return Optional.ofNullable(matchOrNull(new MatchInput(text)));
    }

    List<RecogParam> params()
    {
        return params;
    }

    List<RecogExample> examples()
    {
        return examples;
    }

    RequiredLiteral requiredLiteral()
    {
        return requiredLiteral;
    }

    /** Runs the pattern without the literal check first; for tests that prove the check sound. */
    boolean patternFinds(String text)
    {
        return compiled.find(new MatchInput(text).text()) != null;
    }

    RecogMatch matchOrNull(MatchInput input)
    {
        if (!requiredLiteral.mayMatch(input)) {
            return null;
        }
        RecogMatch constant = constantResult;
        if (constant != null) {
            return compiled.found(input.text()) ? constant : null;
        }
        String[] groups = compiled.find(input.text());
        return groups == null ? null : result(groups);
    }

    private RecogMatch result(String[] groups)
    {
        RecogMatch constant = constantResult;
        if (constant != null) {
            return constant;
        }
        RecogMatch computed = computeResult(groups);
        if (hasNoCaptures()) {
            // Nothing in the result depends on the text: build it once, share it (it is immutable).
            constantResult = computed;
        }
        return computed;
    }

    private boolean hasNoCaptures()
    {
        for (RecogParam param : params) {
            if (param.isCapture()) {
                return false;
            }
        }
        return true;
    }

    private RecogMatch computeResult(String[] groups)
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecogParam param : params) {
            if (!param.isCapture()) {
                values.put(param.name(), param.value());
            }
            else if (param.position() < groups.length && groups[param.position()] != null) {
                values.put(param.name(), groups[param.position()]);
            }
            else {
                values.remove(param.name());
            }
        }
        if (!protocol.isEmpty() && !values.containsKey(PROTOCOL)) {
            values.put(PROTOCOL, protocol);
        }
        for (Map.Entry<String, List<String>> entry : placeholders.entrySet()) {
            interpolate(values, entry.getKey(), entry.getValue());
        }
        Iterator<String> names = values.keySet().iterator();
        while (names.hasNext()) {
            if (names.next().startsWith(TEMPORARY_PREFIX)) {
                names.remove();
            }
        }
        return new RecogMatch(database, description, values);
    }

    private static void interpolate(Map<String, String> values, String name, List<String> references)
    {
        String value = values.get(name);
        if (value == null) {
            return;
        }
        for (String reference : references) {
            String replacement = values.get(reference);
            if (replacement == null) {
                if (!(name.endsWith(".cpe23") && reference.endsWith(".version"))) {
                    values.remove(name);
                    return;
                }
                replacement = "-";
            }
            value = value.replace("{" + reference + "}", replacement);
        }
        values.put(name, value);
    }

    /** For each fixed param with {@code {name}} placeholders, the names in order of first use. */
    private static Map<String, List<String>> placeholders(List<RecogParam> params)
    {
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        for (RecogParam param : params) {
            if (param.isCapture()) {
                continue;
            }
            List<String> references = references(param.value());
            if (!references.isEmpty()) {
                Set<String> merged = new LinkedHashSet<>(placeholders.getOrDefault(param.name(), List.of()));
                merged.addAll(references);
                placeholders.put(param.name(), List.copyOf(merged));
            }
        }
        return Collections.unmodifiableMap(placeholders);
    }

    /** The names in {@code {name}} placeholders, as Recog finds them: braces around text without white space or braces. */
    static List<String> references(String value)
    {
        List<String> references = new ArrayList<>();
        int open = value.indexOf('{');
        while (open >= 0) {
            int end = open + 1;
            while (end < value.length() && !isPlaceholderStop(value.charAt(end))) {
                end++;
            }
            if (end < value.length() && value.charAt(end) == '}' && end > open + 1) {
                String reference = value.substring(open + 1, end);
                if (!references.contains(reference)) {
                    references.add(reference);
                }
                open = value.indexOf('{', end + 1);
            }
            else {
                open = value.indexOf('{', open + 1);
            }
        }
        return references;
    }

    private static boolean isPlaceholderStop(char c)
    {
        return c == '{' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    @Override
    public String toString()
    {
        return position + " " + description;
    }
}
