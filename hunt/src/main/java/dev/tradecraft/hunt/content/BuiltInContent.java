package dev.tradecraft.hunt.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.ClasspathFolder;
import dev.tradecraft.hunt.ioc.IocFeed;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaRuleLoader;

/**
 * The detection content Tradecraft ships (the project's {@code content/} folder, packed into the
 * jar): ToolShell Sigma rules and the published indicators. Used when the user brings no rules.
 */
public final class BuiltInContent
{
    static final String RULES_FOLDER = "content/rules/";
    static final String IOC_FEED = "content/iocs/toolshell.csv";

    private BuiltInContent() {}

    public static RuleLoadResult rules()
    {
        SigmaRuleLoader loader = new SigmaRuleLoader();
        List<RuleLoadResult> parts = new ArrayList<>();
        for (String resource : listRules()) {
            parts.add(loader.loadText(resource, read(resource)));
        }
        List<dev.tradecraft.sigma.SigmaRule> rules = new ArrayList<>();
        List<dev.tradecraft.sigma.RuleProblem> problems = new ArrayList<>();
        for (RuleLoadResult part : parts) {
            rules.addAll(part.rules());
            problems.addAll(part.problems());
        }
        return new RuleLoadResult(rules, problems);
    }

    public static IocFeed iocs()
    {
        try (InputStream input = open(IOC_FEED)) {
            return IocFeed.read(IOC_FEED, new InputStreamReader(input, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + IOC_FEED, e);
        }
    }

    /** Resource names of the built-in rules, sorted. */
    static List<String> listRules()
    {
        List<String> names = new ArrayList<>(ClasspathFolder.list(BuiltInContent.class, RULES_FOLDER, ".yml"));
        names.addAll(ClasspathFolder.list(BuiltInContent.class, RULES_FOLDER, ".yaml"));
        names.sort(String::compareTo);
        if (names.isEmpty()) {
            throw new IllegalStateException("no built-in rules found under " + RULES_FOLDER);
        }
        return names;
    }

    private static String read(String resource)
    {
        try (InputStream input = open(resource)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + resource, e);
        }
    }

    private static InputStream open(String resource) throws IOException
    {
        InputStream input = BuiltInContent.class.getClassLoader().getResourceAsStream(resource);
        if (input == null) {
            throw new IOException("built-in content missing from the classpath: " + resource);
        }
        return input;
    }
}
