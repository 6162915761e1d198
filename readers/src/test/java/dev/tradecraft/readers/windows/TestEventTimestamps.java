package dev.tradecraft.readers.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

public class TestEventTimestamps
{
    @Test
    public void testIsoForms()
    {
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T18:06:15Z"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18t18:06:15z"));
        assertEquals(Instant.parse("2025-07-18T18:06:15.1Z"), EventTimestamps.parse("2025-07-18T18:06:15.1Z"));
        assertEquals(Instant.parse("2025-07-18T18:06:15.123456789Z"), EventTimestamps.parse("2025-07-18T18:06:15.123456789Z"));
        assertEquals(Instant.parse("2025-07-18T18:06:15.5Z"), EventTimestamps.parse("2025-07-18T18:06:15,5Z"));
        assertEquals(Instant.parse("2025-07-18T18:06:00Z"), EventTimestamps.parse("2025-07-18T18:06Z"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse(" 2025-07-18T18:06:15 "));
    }

    @Test
    public void testNoZoneMeansUtcAsSysmonWritesIt()
    {
        assertEquals(Instant.parse("2025-07-18T18:06:15.123Z"), EventTimestamps.parse("2025-07-18 18:06:15.123"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T18:06:15"));
    }

    @Test
    public void testOffsets()
    {
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T20:06:15+02:00"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T20:06:15+0200"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T20:06:15+02"));
        assertEquals(Instant.parse("2025-07-19T01:36:15Z"), EventTimestamps.parse("2025-07-18T20:06:15-05:30"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("2025-07-18T18:06:15+00:00"));
    }

    @Test
    public void testDotNetJsonDates()
    {
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("/Date(1752861975000)/"));
        assertEquals(Instant.parse("2025-07-18T18:06:15Z"), EventTimestamps.parse("/Date(1752861975000+0200)/"));
        assertEquals(Instant.parse("1969-12-31T23:59:59Z"), EventTimestamps.parse("/Date(-1000)/"));
        assertNull(EventTimestamps.parse("/Date()/"));
        assertNull(EventTimestamps.parse("/Date(17528619750001234567)/"));
        assertNull(EventTimestamps.parse("/Date(1752861975000"));
        assertNull(EventTimestamps.parse("/Date(1752861975000+02)/"));
    }

    @Test
    public void testRejectsWhatIsNotATime()
    {
        assertNull(EventTimestamps.parse(""));
        assertNull(EventTimestamps.parse("yesterday"));
        assertNull(EventTimestamps.parse("2025-07-18"));
        assertNull(EventTimestamps.parse("2025-02-30T00:00:00Z"));
        assertNull(EventTimestamps.parse("2025-07-18T24:00:00Z"));
        assertNull(EventTimestamps.parse("2025-07-18T18:60:00Z"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:61Z"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:15.1234567890Z"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:15.Z"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:15Zjunk"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:15+2"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:15+19:00"));
        assertNull(EventTimestamps.parse("2025-07-18X18:06:15"));
        assertNull(EventTimestamps.parse("2025-07-18T18:06:1"));
        assertNull(EventTimestamps.parse("1752861975"));
    }
}
