package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class TestOffsetTable
{
    /** Random puts, gets and clears agree with a HashMap, across growth. */
    @Test
    public void testBehavesLikeAMap()
    {
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestOffsetTable seed " + seed + " (-Dtradecraft.seed to repeat)");
        Random random = new Random(seed);
        OffsetTable<String> table = new OffsetTable<>(4);
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int offset = random.nextInt(random.nextBoolean() ? 64 : EvtxChunk.SIZE);
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    String value = "v" + i;
                    table.put(offset, value);
                    expected.put(offset, value);
                }
                case 4 -> {
                    if (random.nextInt(500) == 0) {
                        table.clear();
                        expected.clear();
                    }
                }
                default -> assertEquals(expected.get(offset), table.get(offset), "seed " + seed + " offset " + offset);
            }
        }
        table.clear();
        assertNull(table.get(0));
    }
}
