package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import dev.tradecraft.sigma.yaml.YamlNodes;
import dev.tradecraft.sigma.yaml.YamlShapeException;

/**
 * The site's values for Sigma placeholders: a value written {@code %Admins_Workstations%} under
 * the {@code expand} modifier stands for each value the site lists under that name (OR). SigmaHQ's
 * {@code rules-placeholder} rules need them; nobody but the site knows its administrators'
 * workstations. Names are matched exactly.
 *
 * <p>File format (YAML), a mapping of names to a value or a list of values, optionally under a
 * top-level {@code placeholders:} key:
 * <pre>
 * placeholders:
 *   Admins_Workstations: [ADM-WS-01, ADM-WS-02]
 *   Domain_Controllers_IPs:
 *     - 10.0.0.10
 *     - 10.0.0.11
 * </pre>
 */
public final class Placeholders
{
    /** No values at all: every placeholder stays unresolved. */
    public static final Placeholders NONE = new Placeholders(Map.of());

    /** {@code %name%}: a name of letters, digits, {@code _}, {@code -} and {@code .}; {@code \%} is a plain percent sign. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%([A-Za-z0-9_.-]+)%");
    /** Values a single text may expand to; beyond it the rule is refused rather than exploded. */
    static final int MAX_EXPANSIONS = 4096;

    private final Map<String, List<String>> values;

    public Placeholders(Map<String, List<String>> values)
    {
        requireNonNull(values, "values is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(requireNonNull(name, "name is null"), List.copyOf(list)));
        this.values = Map.copyOf(copy);
    }

    public static Placeholders load(Path yaml) throws SigmaException
    {
        requireNonNull(yaml, "yaml is null");
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SigmaException(yaml.toString(), 0, "cannot read placeholder file: " + e.getMessage(), e);
        }
        try {
            Iterator<Node> documents = YamlNodes.documents(yaml.toString(), text);
            if (!documents.hasNext()) {
                return NONE;
            }
            MappingNode root = YamlNodes.mapping(documents.next(), "placeholder file");
            Map<String, NodeTuple> entries = YamlNodes.entries(root);
            if (entries.size() == 1 && entries.containsKey("placeholders")) {
                entries = YamlNodes.entries(YamlNodes.mapping(entries.get("placeholders").getValueNode(), "placeholders"));
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                values.put(entry.getKey(), YamlNodes.scalars(entry.getValue().getValueNode(), "placeholder " + entry.getKey()));
            }
            return new Placeholders(values);
        }
        catch (YamlShapeException e) {
            throw new SigmaException(yaml.toString(), e.line(), e.getMessage(), e);
        }
        catch (YamlEngineException e) {
            throw new SigmaException(yaml.toString(), 0, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The site's values for the name, when it gave any. */
    public Optional<List<String>> values(String name)
    {
        return Optional.ofNullable(values.get(name));
    }

    /** The placeholder names a text mentions, in order, without repeats. */
    public static Set<String> namesIn(String text)
    {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Every text the placeholders of {@code text} stand for (each placeholder replaced by each of its
     * values, every combination), with {@code \%} turned into {@code %}; the text itself when it has
     * none. Names without values are left in place: the caller reports them.
     *
     * @throws IllegalArgumentException when the combinations exceed {@value #MAX_EXPANSIONS}
     */
    public List<String> expand(String text)
    {
        List<String> results = List.of(text);
        for (String name : namesIn(text)) {
            Optional<List<String>> replacements = values(name);
            if (replacements.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String partial : results) {
                for (String replacement : replacements.get()) {
                    next.add(PLACEHOLDER.matcher(partial).replaceAll(match -> match.group(1).equals(name)
                            ? Matcher.quoteReplacement(replacement) : Matcher.quoteReplacement(match.group())));
                    if (next.size() > MAX_EXPANSIONS) {
                        throw new IllegalArgumentException("placeholders in '" + text + "' expand to more than " + MAX_EXPANSIONS + " values");
                    }
                }
            }
            results = next;
        }
        List<String> unescaped = new ArrayList<>(results.size());
        results.forEach(result -> unescaped.add(result.replace("\\%", "%")));
        return unescaped;
    }

    public boolean isEmpty()
    {
        return values.isEmpty();
    }
}
