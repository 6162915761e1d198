package dev.tradecraft.sigma;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.correlation.CorrelationResolver;
import dev.tradecraft.sigma.correlation.SigmaCorrelation;
import dev.tradecraft.sigma.rule.RuleParser;
import dev.tradecraft.sigma.yaml.YamlNodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads Sigma rules from files, directories and text. Parse all, report all: every document is
 * tried, one bad rule never stops the others, and every rule that is left out appears in
 * {@link RuleLoadResult#problems()} with file, line, kind and reason. Immutable and thread-safe.
 */
public final class SigmaRuleLoader
{
    private static final long MAX_FILE_BYTES = YamlNodes.MAX_CODE_POINTS;

    private final Placeholders placeholders;

    /** A loader without placeholder values: rules that use {@code |expand} load, but wait for them. */
    public SigmaRuleLoader()
    {
        this(Placeholders.NONE);
    }

    /** A loader that expands {@code |expand} values with the site's placeholder values. */
    public SigmaRuleLoader(Placeholders placeholders)
    {
        this.placeholders = requireNonNull(placeholders, "placeholders is null");
    }

    /**
     * Loads the given files, and every {@code *.yml}/{@code *.yaml} below the given directories,
     * in sorted path order per directory. A file named directly is read whatever its extension.
     * Rule and correlation ids must be unique across everything loaded in one call; a later
     * duplicate is reported as DUPLICATE_ID and left out. Correlations are resolved against
     * everything loaded (see {@link CorrelationResolver}).
     */
    public RuleLoadResult load(List<Path> pathsOrDirs)
    {
        requireNonNull(pathsOrDirs, "pathsOrDirs is null");
        List<SigmaRule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        Map<String, String> byId = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (Path path : pathsOrDirs) {
            try {
                files.addAll(Files.isDirectory(path) ? ruleFiles(path) : List.of(path));
            }
            catch (IOException | UncheckedIOException e) {
                problems.add(new RuleProblem(path.toString(), 0, RuleProblemKind.BAD_YAML, "cannot list directory: " + e.getMessage()));
            }
        }
        // Files parse on all cores (parsing is most of the time of loading a large tree); results are
        // taken in file order, so ids, duplicates and problems come out as a sequential load gives them.
        for (RuleLoadResult result : files.parallelStream().map(this::loadFile).toList()) {
            addUnique(result, rules, correlations, problems, byId);
            filters.addAll(result.filters());
        }
        // Filters and correlations apply to the whole set: their file may come before the rules they name.
        List<SigmaRule> filtered = RuleFilters.apply(rules, filters, problems);
        List<SigmaCorrelation> resolved = CorrelationResolver.resolve(filtered, correlations, problems);
        return new RuleLoadResult(filtered, problems, filters, resolved);
    }

    /** Loads rules from text, e.g. a jar resource or a test; {@code source} names it in problems. */
    public RuleLoadResult loadText(String source, String yamlText)
    {
        requireNonNull(source, "source is null");
        requireNonNull(yamlText, "yamlText is null");
        List<SigmaRule> rules = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        RuleLoadResult parsed = RuleParser.parse(source, stripBom(yamlText), placeholders);
        addUnique(parsed, rules, correlations, problems, new HashMap<>());
        List<SigmaRule> filtered = RuleFilters.apply(rules, parsed.filters(), problems);
        return new RuleLoadResult(filtered, problems, parsed.filters(), CorrelationResolver.resolve(filtered, correlations, problems));
    }

    private static List<Path> ruleFiles(Path directory)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile).filter(SigmaRuleLoader::isRuleFile).sorted().forEach(files::add);
            return files;
        }
    }

    private static boolean isRuleFile(Path file)
    {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private RuleLoadResult loadFile(Path file)
    {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return failed(source, "file is larger than " + MAX_FILE_BYTES + " bytes; not a rule file");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            }
            catch (CharacterCodingException e) {
                return failed(source, "not UTF-8 text (Sigma rules are UTF-8)");
            }
            return RuleParser.parse(source, stripBom(text), placeholders);
        }
        catch (IOException e) {
            return failed(source, "cannot read: " + e);
        }
    }

    private static RuleLoadResult failed(String source, String reason)
    {
        return new RuleLoadResult(List.of(), List.of(new RuleProblem(source, 0, RuleProblemKind.BAD_YAML, reason)));
    }

    private static String stripBom(String text)
    {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Rules and correlations share one id space: a correlation references either by id. */
    private static void addUnique(RuleLoadResult result, List<SigmaRule> rules, List<SigmaCorrelation> correlations, List<RuleProblem> problems,
            Map<String, String> byId)
    {
        problems.addAll(result.problems());
        for (SigmaRule rule : result.rules()) {
            String first = byId.putIfAbsent(rule.id(), rule.label() + " at " + rule.source() + ":" + rule.line());
            if (first != null) {
                problems.add(new RuleProblem(rule.source(), rule.line(), RuleProblemKind.DUPLICATE_ID, "rule " + rule.label() + ": id already used by " + first));
                continue;
            }
            rules.add(rule);
        }
        for (SigmaCorrelation correlation : result.correlations()) {
            String first = byId.putIfAbsent(correlation.id(), correlation.label() + " at " + correlation.source() + ":" + correlation.line());
            if (first != null) {
                problems.add(new RuleProblem(correlation.source(), correlation.line(), RuleProblemKind.DUPLICATE_ID,
                        "correlation " + correlation.label() + ": id already used by " + first));
                continue;
            }
            correlations.add(correlation);
        }
    }
}
