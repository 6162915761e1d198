package dev.tradecraft.campaigns.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

class TestSightingJson
{
    @Test
    void testASightingReadsBackAsItWasWritten()
    {
        Sighting exploit = new Sighting(new Origin("acme", "sp01"), Optional.of(Instant.parse("2025-07-18T18:06:14Z")), Stage.EXPLOIT, true,
                List.of(new Observable(ObservableType.SOURCE_IP, "107.191.58.76"), new Observable(ObservableType.USER_AGENT, "<script>\"\n")),
                SourcePosition.line("acme/sp01/u_ex250718.log", 12), "rule-1");
        String json = SightingJson.toJson(exploit);
        assertFalse(json.contains("\n"), "one line");
        assertTrue(json.startsWith("{\"organisation\":\"acme\",\"host\":\"sp01\",\"time\":\"2025-07-18T18:06:14Z\",\"stage\":\"exploit\""), json);
        assertEquals(exploit, SightingJson.read(json));

        Sighting untimed = new Sighting(new Origin("globex", "dc01"), Optional.empty(), Stage.POST_EXPLOITATION, false, List.of(),
                SourcePosition.record("globex/dc01/Security.evtx", 4711), "rule-2");
        assertEquals(untimed, SightingJson.read(SightingJson.toJson(untimed)));
    }

    @Test
    void testRandomValuesRoundTrip()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestSightingJson seed " + seed + " (-Dtradecraft.seed=" + seed + " repeats it)");
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Observable> observables = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                observables.add(new Observable(ObservableType.values()[random.nextInt(ObservableType.values().length)], "v" + text(random)));
            }
            Sighting sighting = new Sighting(new Origin("org-" + text(random), "host-" + random.nextInt(9)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000))),
                    Stage.values()[random.nextInt(Stage.values().length)], random.nextBoolean(), observables,
                    new SourcePosition("file-" + text(random), SourcePosition.Unit.values()[random.nextInt(3)], random.nextInt(1_000_000)), "rule-" + i);
            assertEquals(sighting, SightingJson.read(SightingJson.toJson(sighting)), "seed " + seed);
        }
    }

    @Test
    void testWhatIsNotASightingIsRefusedWithTheReason()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SightingJson.read("[1]")).getMessage().contains("not a JSON object"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SightingJson.read("{\"organisation\":\"a\"}")).getMessage().contains("required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SightingJson.read("{\"stage\":\"dancing\"}")).getMessage().contains("unknown stage"));
        assertThrows(IllegalArgumentException.class, () -> SightingJson.read("{\"time\":\"yesterday\"}"));
        assertThrows(IllegalArgumentException.class, () -> SightingJson.read("{\"organisation\":"));
    }

    private static String text(Random random)
    {
        StringBuilder text = new StringBuilder();
        for (int n = 1 + random.nextInt(12); n > 0; n--) {
            text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x3000)));
        }
        return text.toString();
    }
}
