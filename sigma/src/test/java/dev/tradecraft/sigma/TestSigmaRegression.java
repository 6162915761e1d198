package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SigmaHQ's positive regression cases (../shared/corpus/sigma-regression): each case names a rule
 * and holds the evtx_dump JSON of events it must match. The events are flattened here the simple
 * way (System attributes as Tag_Attribute, EventData and UserData leaves by name), so this checks
 * the rules, modifiers and logsource mappings end to end, not a reader.
 */
class TestSigmaRegression
{
    private static final Path REGRESSION = Path.of("../shared/corpus/sigma-regression");
    private static final Path RULES = Path.of("../shared/corpus/sigma");
    // The rule id under rule_metadata in info.yml; a line scan is enough for these generated files.
    private static final Pattern RULE_ID = Pattern.compile("(?m)^\\s*-\\s*id:\\s*([0-9a-fA-F-]{36})");

    @Test
    void testPositiveRegressionEventsMatchTheirRules()
            throws IOException
    {
        assumeTrue(Files.isDirectory(REGRESSION.resolve("regression_data")) && Files.isDirectory(RULES.resolve("rules")),
                "SigmaHQ regression data or rules not found under ../shared/corpus; skipping");
        RuleLoadResult loaded = new SigmaRuleLoader().load(List.of(RULES.resolve("rules"), RULES.resolve("rules-emerging-threats"),
                RULES.resolve("rules-threat-hunting")));
        SigmaRuleset ruleset = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn());
        Set<String> compiled = new HashSet<>();
        for (SigmaRule rule : ruleset.rules()) {
            compiled.add(rule.id());
        }
        List<Path> infos;
        try (Stream<Path> walk = Files.walk(REGRESSION.resolve("regression_data"))) {
            infos = walk.filter(path -> path.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        int cases = 0;
        int passed = 0;
        int notCompiled = 0;
        List<String> failures = new ArrayList<>();
        for (Path info : infos) {
            Matcher id = RULE_ID.matcher(Files.readString(info));
            if (!id.find()) {
                continue;
            }
            String ruleId = id.group(1);
            List<Path> jsons;
            try (Stream<Path> files = Files.list(info.getParent())) {
                jsons = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
            }
            if (jsons.isEmpty()) {
                continue;
            }
            cases++;
            if (!compiled.contains(ruleId)) {
                notCompiled++;
                continue;
            }
            boolean matched = false;
            for (Path json : jsons) {
                for (Event event : events(json)) {
                    Set<String> hits = new HashSet<>();
                    ruleset.match(event, (rule, fields) -> hits.add(rule.id()));
                    matched |= hits.contains(ruleId);
                }
            }
            if (matched) {
                passed++;
            }
            else {
                failures.add(ruleId + " " + info.getParent().getFileName());
            }
        }
        System.out.println("SigmaHQ regression: " + cases + " cases, " + passed + " matched, " + failures.size() + " missed, "
                + notCompiled + " rules not compiled");
        for (String failure : failures) {
            System.out.println("  missed: " + failure);
        }
        assertTrue(cases > 0, "no regression cases found");
        int runnable = cases - notCompiled;
        assertTrue(passed * 100 >= runnable * 95, "at least 95% of runnable regression cases must match: " + passed + "/" + runnable);
    }

    /** The events of one evtx_dump-shape JSON file, as the Windows reader names their fields. */
    static List<Event> events(Path json)
            throws IOException
    {
        List<Event> events = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new TreeMap<>();
                flatten(parser, "", fields);
                EventFields.Builder builder = EventFields.builder(fields.size());
                fields.forEach(builder::put);
                events.add(new Event(new Origin("sigmahq", "regression"), SourcePosition.record(json.toString(), events.size() + 1),
                        Optional.empty(), new Logsource("windows", "", ""), builder.build()));
            }
        }
        return events;
    }

    /** Reads the object the parser is at; leaves of System/EventData/UserData become Sigma field names. */
    private static void flatten(JsonParser parser, String path, Map<String, String> fields)
            throws IOException
    {
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            String child = path.isEmpty() ? name : path + "." + name;
            if (token == JsonToken.START_OBJECT) {
                flatten(parser, child, fields);
            }
            else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            else if (token != JsonToken.VALUE_NULL) {
                String field = sigmaName(child);
                if (field != null) {
                    fields.put(field, parser.getText());
                }
            }
        }
    }

    private static String sigmaName(String path)
    {
        String[] parts = path.split("\\.");
        if (parts.length < 3 || !parts[0].equals("Event")) {
            return null;
        }
        String leaf = parts[parts.length - 1];
        if (parts[1].equals("System")) {
            if (parts.length >= 5 && parts[3].equals("#attributes")) {
                return parts[2] + "_" + leaf;
            }
            return leaf.equals("#text") ? parts[2] : leaf.startsWith("#") ? null : leaf;
        }
        if (parts[1].equals("EventData") || parts[1].equals("UserData")) {
            return leaf.equals("#text") ? parts[parts.length - 2] : leaf.startsWith("#") || path.contains("#attributes") ? null : leaf;
        }
        return null;
    }
}
