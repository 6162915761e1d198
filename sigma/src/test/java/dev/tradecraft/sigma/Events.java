package dev.tradecraft.sigma;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds events and compiles rule text for tests. */
final class Events
{
    /** Maps {@code product: test} rules to every event, so detection semantics can be tested alone. */
    static final String TEST_MAPPINGS = """
            mappings:
              - name: test
                logsource: {product: test}
                alternatives:
                  - fields: {}
            """;

    private Events() {}

    /** An event with the given name/value pairs, in order. */
    static Event event(Logsource logsource, String... namesAndValues)
    {
        EventFields.Builder builder = EventFields.builder(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Event(new Origin("contoso", "web01"), SourcePosition.line("test.log", 1), Optional.empty(), logsource, builder.build());
    }

    static Event event(String... namesAndValues)
    {
        return event(Logsource.UNSTATED, namesAndValues);
    }

    static LogsourceMappings testMappings()
    {
        try {
            return LogsourceMappings.parse("test-mappings.yml", TEST_MAPPINGS);
        }
        catch (SigmaException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads rule text (which must load without problems) and compiles it with {@code mappings}. */
    static SigmaRuleset compile(String ruleText, LogsourceMappings mappings)
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("test.yml", ruleText);
        if (!loaded.problems().isEmpty()) {
            throw new AssertionError("rule did not load: " + loaded.problems());
        }
        return SigmaCompiler.compile(loaded.rules(), mappings);
    }

    /** A rule of logsource {@code product: test} with the given detection (YAML, indented by 4). */
    static SigmaRuleset detection(String detectionYaml)
    {
        String text = "title: Test rule\nid: 11111111-2222-3333-4444-555555555555\nlogsource:\n    product: test\ndetection:\n"
                + detectionYaml.stripTrailing() + "\nlevel: high\n";
        return compile(text, testMappings());
    }

    /** The matches of one event: rule id to matched fields. */
    static Map<String, Map<String, String>> matches(SigmaRuleset ruleset, Event event)
    {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        ruleset.match(event, (rule, fields) -> {
            if (result.put(rule.id(), fields) != null) {
                throw new AssertionError("rule reported twice: " + rule.id());
            }
        });
        return result;
    }

    static boolean matchesAny(SigmaRuleset ruleset, Event event)
    {
        return !matches(ruleset, event).isEmpty();
    }
}
