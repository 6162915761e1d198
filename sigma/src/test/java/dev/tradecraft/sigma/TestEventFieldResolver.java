package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tradecraft.core.EventFields;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

/**
 * Resolving all fields in one pass must give what {@link EventFields#get} gives field by field:
 * the exact name first, else the first name equal ignoring case. Random rule and event names over
 * case variants of a few words (seed printed; rerun with -Dtradecraft.seed=N).
 */
class TestEventFieldResolver
{
    private static final List<String> WORDS = List.of("EventID", "eventid", "EVENTID", "EventId", "Image", "image", "IMAGE", "CommandLine",
            "commandline", "cs-Referer", "cs-referer", "Ünits", "ünits", "Kelvin", "\u212Aelvin");

    @Test
    void testSameValuesAsAskingFieldByField()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestEventFieldResolver seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 5_000; round++) {
            String[] ruleNames = WORDS.stream().filter(word -> random.nextBoolean()).distinct().toArray(String[]::new);
            EventFieldResolver resolver = new EventFieldResolver(ruleNames);
            EventFields.Builder builder = EventFields.builder(8);
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                builder.put(WORDS.get(random.nextInt(WORDS.size())), "v" + i);
            }
            EventFields fields = builder.build();
            String[] values = new String[ruleNames.length];
            int[] found = new int[ruleNames.length];
            resolver.resolve(fields, values, found, 1);
            for (int id = 0; id < ruleNames.length; id++) {
                String expected = fields.get(ruleNames[id]);
                String actual = found[id] == 1 ? values[id] : null;
                assertEquals(expected, actual, "seed " + seed + ": field " + ruleNames[id] + " of " + fields);
            }
        }
    }
}
