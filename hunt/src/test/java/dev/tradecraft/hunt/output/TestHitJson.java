package dev.tradecraft.hunt.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.SourcePosition;

class TestHitJson
{
    @Test
    void testRoundTripOfAWebHit()
    {
        Hit hit = hit(SourcePosition.line("weblogs/acme/web1/u_ex250718.log", 42), Optional.of(Instant.parse("2025-07-18T18:06:14Z")),
                Map.of("cs-uri-stem", "/_layouts/15/ToolPane.aspx"));
        String json = HitJson.toJson(hit);
        assertTrue(json.contains("\"line\":42"), json);
        assertTrue(json.contains("\"author\":\"Tradecraft\""), json);
        assertEquals(hit, HitJson.read(json));
    }

    @Test
    void testRoundTripWithRecordPositionAndNoTime()
    {
        Hit hit = hit(SourcePosition.record("events/acme/web1/sysmon.json", 7), Optional.empty(), Map.of());
        assertEquals(hit, HitJson.read(HitJson.toJson(hit)));
    }

    @Test
    void testRoundTripOfRandomHostileStrings() throws IOException
    {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            Map<String, String> matched = new LinkedHashMap<>();
            matched.put(randomText(random), randomText(random));
            Hit hit = hit(SourcePosition.line(randomText(random) + "x", random.nextInt(1000)), Optional.empty(), matched);
            StringWriter lines = new StringWriter();
            HitJson.writeLines(List.of(hit), lines);
            String line = lines.toString();
            assertEquals(1, line.split("\n", -1).length - 1, "one line per hit, seed " + seed);
            assertEquals(hit, HitJson.read(line.strip()), "seed " + seed);
        }
    }

    @Test
    void testBadLinesSayWhatIsWrong()
    {
        assertEquals("a hit must be a JSON object", assertThrows(IllegalArgumentException.class, () -> HitJson.read("[1]")).getMessage());
        assertEquals("missing 'rule_id'", assertThrows(IllegalArgumentException.class, () -> HitJson.read("{\"title\":\"x\"}")).getMessage());
    }

    private static String randomText(Random random)
    {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD7FF)));
        }
        return text.toString();
    }

    private static Hit hit(SourcePosition position, Optional<Instant> time, Map<String, String> matched)
    {
        RuleRef rule = new RuleRef("78b2100a-e5cc-43ec-84f6-05903af4377b", "ToolShell exploit", Level.HIGH, "Tradecraft",
                List.of("attack.t1190", "tradecraft.stage.exploit"), RuleRef.Kind.SIGMA);
        EventFields fields = EventFields.builder(3).put("cs-method", "POST").put("cs-uri-stem", "/_layouts/15/ToolPane.aspx")
                .put("cs-user-agent", "<script>alert(1)</script>").build();
        return new Hit(rule, new Event(new Origin("acme", "web1"), position, time, new Logsource("windows", "webserver", "iis"), fields), matched);
    }
}
