package dev.tradecraft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TestEventFields
{
    @Test
    void testExactLookupWinsOverCaseInsensitive()
    {
        EventFields fields = EventFields.builder(2).put("eventid", "1").put("EventID", "4688").build();
        assertEquals("4688", fields.get("EventID"));
        assertEquals("1", fields.get("eventid"));
        assertEquals("1", fields.get("EVENTID"));
    }

    @Test
    void testAbsentFieldIsNull()
    {
        EventFields fields = EventFields.builder(1).put("Image", "C:\\w3wp.exe").build();
        assertNull(fields.get("CommandLine"));
        assertFalse(fields.contains("CommandLine"));
        assertTrue(fields.contains("image"));
    }

    @Test
    void testLaterValueReplacesEarlier()
    {
        EventFields fields = EventFields.builder(1).put("a", "1").put("a", "2").build();
        assertEquals(1, fields.size());
        assertEquals("2", fields.get("a"));
    }

    @Test
    void testOrderIsInsertionOrder()
    {
        EventFields fields = EventFields.builder(3).put("z", "1").put("a", "2").put("m", "3").build();
        assertEquals(List.of("z", "a", "m"), List.copyOf(fields.asMap().keySet()));
    }

    @Test
    void testManyFieldsKeepOrderAndReplaceInPlace()
    {
        EventFields.Builder builder = EventFields.builder(4);
        for (int i = 0; i < 5000; i++) {
            builder.put("Field" + i, "first");
        }
        for (int i = 0; i < 5000; i += 3) {
            builder.put("Field" + i, "second");
        }
        EventFields fields = builder.build();
        assertEquals(5000, fields.size());
        for (int i = 0; i < 5000; i++) {
            assertEquals("Field" + i, fields.name(i));
            assertEquals(i % 3 == 0 ? "second" : "first", fields.value(i));
        }
    }

    @Test
    void testIndexedAndScannedLookupAgree()
    {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(40);
            EventFields.Builder builder = EventFields.builder(size);
            for (int i = 0; i < size; i++) {
                builder.put("Field" + random.nextInt(60), Integer.toString(i));
            }
            EventFields fields = builder.build();
            for (int probe = 0; probe < 60; probe++) {
                String name = "field" + probe;
                String expected = null;
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.name(i).equalsIgnoreCase(name)) {
                        expected = fields.value(i);
                        break;
                    }
                }
                assertEquals(expected, fields.get(name), "seed " + seed);
            }
        }
    }

    @Test
    void testSharedLayoutLooksUpLikeTheBuilder()
    {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 100; round++) {
            int size = 1 + random.nextInt(40);
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            while (names.size() < size) {
                names.add((random.nextBoolean() ? "Field" : "field") + random.nextInt(80));
            }
            FieldLayout layout = FieldLayout.of(List.copyOf(names));
            String[] values = new String[size];
            EventFields.Builder builder = EventFields.builder(size);
            int i = 0;
            for (String name : names) {
                values[i] = Integer.toString(i);
                builder.put(name, values[i]);
                i++;
            }
            EventFields shared = EventFields.of(layout, values);
            EventFields built = builder.build();
            assertEquals(built, shared, "seed " + seed);
            for (int probe = 0; probe < 80; probe++) {
                for (String name : List.of("field" + probe, "Field" + probe, "FIELD" + probe)) {
                    assertEquals(built.get(name), shared.get(name), name + ", seed " + seed);
                }
            }
        }
    }

    @Test
    void testLayoutRejectsRepeatedNamesAndWrongValueCounts()
    {
        assertThrows(IllegalArgumentException.class, () -> FieldLayout.of(List.of("a", "b", "a")));
        FieldLayout layout = FieldLayout.of(List.of("a", "b"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EventFields.of(layout, new String[] {"1"}));
        assertEquals("layout has 2 fields but 1 values were given", error.getMessage());
        assertThrows(NullPointerException.class, () -> EventFields.of(layout, new String[] {"1", null}));
    }

    @Test
    void testRejectsNullValue()
    {
        assertThrows(NullPointerException.class, () -> EventFields.builder(1).put("a", null));
    }
}
