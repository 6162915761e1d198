package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The prefilter may only skip work, never change an answer: every SigmaHQ rule over SigmaHQ's
 * regression events, and over random variants of them (case changed, characters that fold into
 * ASCII, cut values, values moved between fields), must give exactly the hits, in the same order
 * and with the same evidence, as walking every candidate rule's tree. Seed printed; rerun with
 * -Dtradecraft.seed=N.
 */
class TestLiteralPrefilter
{
    private static final Path REGRESSION = Path.of("../shared/corpus/sigma-regression/regression_data");
    private static final Path RULES = Path.of("../shared/corpus/sigma");

    @Test
    void testSameHitsAsWalkingEveryTree()
            throws IOException
    {
        assumeTrue(Files.isDirectory(REGRESSION) && Files.isDirectory(RULES.resolve("rules")),
                "SigmaHQ regression data or rules not found under ../shared/corpus; skipping");
        RuleLoadResult loaded = new SigmaRuleLoader().load(List.of(RULES.resolve("rules"), RULES.resolve("rules-emerging-threats"),
                RULES.resolve("rules-threat-hunting")));
        SigmaRuleset prefiltered = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn(), true);
        SigmaRuleset reference = SigmaCompiler.compile(loaded.rules(), LogsourceMappings.builtIn(), false);
        List<Event> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REGRESSION)) {
            for (Path json : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                events.addAll(TestSigmaRegression.events(json));
            }
        }
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestLiteralPrefilter seed=" + seed);
        Random random = new Random(seed);
        int hits = 0;
        int compared = 0;
        for (Event event : events) {
            hits += assertSameHits(prefiltered, reference, event, seed);
            compared++;
            for (int variant = 0; variant < 4; variant++) {
                hits += assertSameHits(prefiltered, reference, variant(event, events.get(random.nextInt(events.size())), random), seed);
                compared++;
            }
        }
        System.out.println("TestLiteralPrefilter: " + compared + " events, " + hits + " hits, identical; " + prefiltered);
        assertTrue(hits > events.size() / 2, "the regression events should hit their rules: " + hits);
    }

    @Test
    void testRemembersScansPerFieldNotPerValue()
    {
        // The scan of a value is remembered; the same value in another field must be scanned for that field's literals.
        SigmaRuleset ruleset = Events.detection("""
                    image:
                        Image|endswith: '\\cmd.exe'
                    parent:
                        ParentImage|endswith: '\\cmd.exe'
                    condition: image and not parent
                """);
        String cmd = "C:\\Windows\\System32\\cmd.exe";
        String explorer = "C:\\Windows\\explorer.exe";
        for (int round = 0; round < 3; round++) {
            assertEquals(1, hits(ruleset, Events.event("Image", cmd, "ParentImage", explorer)), "round " + round);
            assertEquals(0, hits(ruleset, Events.event("Image", explorer, "ParentImage", cmd)), "round " + round);
            assertEquals(0, hits(ruleset, Events.event("Image", cmd, "ParentImage", cmd)), "round " + round);
        }
    }

    private static int hits(SigmaRuleset ruleset, Event event)
    {
        int[] count = new int[1];
        ruleset.match(event, (rule, fields) -> count[0]++);
        return count[0];
    }

    private static int assertSameHits(SigmaRuleset prefiltered, SigmaRuleset reference, Event event, long seed)
    {
        List<String> expected = new ArrayList<>();
        reference.match(event, (rule, fields) -> expected.add(rule.id() + " " + fields));
        List<String> actual = new ArrayList<>();
        prefiltered.match(event, (rule, fields) -> actual.add(rule.id() + " " + fields));
        assertEquals(expected, actual, "seed " + seed + ", event " + event.fields());
        return actual.size();
    }

    private static Event variant(Event event, Event donor, Random random)
    {
        EventFields fields = event.fields();
        EventFields.Builder builder = EventFields.builder(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            builder.put(fields.name(i), vary(fields.value(i), donor, random));
        }
        return new Event(event.origin(), event.position(), event.time(), event.logsource(), builder.build());
    }

    private static String vary(String value, Event donor, Random random)
    {
        switch (random.nextInt(8)) {
            case 0:
                return value.toUpperCase(Locale.ROOT);
            case 1:
                return value.toLowerCase(Locale.ROOT);
            case 2:
                // Characters outside ASCII that fold into it: case-insensitive matching must still see them.
                return value.replace('k', '\u212A').replace('s', '\u017F').replace('I', '\u0130');
            case 3:
                return value.isEmpty() ? value : value.substring(0, random.nextInt(value.length()));
            case 4:
                EventFields other = donor.fields();
                return other.size() == 0 ? value : other.value(random.nextInt(other.size()));
            case 5:
                return value + " " + value;
            default:
                return value;
        }
    }
}
