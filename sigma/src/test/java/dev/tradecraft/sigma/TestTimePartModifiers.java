package dev.tradecraft.sigma;

import static dev.tradecraft.sigma.Events.detection;
import static dev.tradecraft.sigma.Events.event;
import static dev.tradecraft.sigma.Events.matchesAny;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code minute} … {@code year}: one part of a date field compared with a number, no time zone conversion. */
class TestTimePartModifiers
{
    @Test
    void testHourOfTheNight()
    {
        SigmaRuleset rules = detection("""
                    selection:
                        EventID: 4624
                        TimeCreated|hour:
                            - 1
                            - 2
                            - 3
                    condition: selection
                """);
        assertTrue(matchesAny(rules, event("EventID", "4624", "TimeCreated", "2025-07-19T02:14:07.123456Z")));
        assertTrue(matchesAny(rules, event("EventID", "4624", "TimeCreated", "2025-07-19 03:59:59")));
        assertFalse(matchesAny(rules, event("EventID", "4624", "TimeCreated", "2025-07-19T04:00:00Z")));
        // Written with an offset: the hour as written, not converted.
        assertTrue(matchesAny(rules, event("EventID", "4624", "TimeCreated", "2025-07-19T01:00:00+05:00")));
        assertFalse(matchesAny(rules, event("EventID", "4624", "TimeCreated", "yesterday at 2")));
        assertFalse(matchesAny(rules, event("EventID", "4624")));
    }

    @Test
    void testEveryPart()
    {
        String when = "2025-07-19T18:04:31Z";
        assertTrue(matchesAny(detection(part("minute", "4")), event("T", when)));
        assertTrue(matchesAny(detection(part("hour", "18")), event("T", when)));
        assertTrue(matchesAny(detection(part("day", "19")), event("T", when)));
        // 2025-07-19 is a Saturday of ISO week 29.
        assertTrue(matchesAny(detection(part("week", "29")), event("T", when)));
        assertTrue(matchesAny(detection(part("month", "7")), event("T", when)));
        assertTrue(matchesAny(detection(part("year", "2025")), event("T", when)));
        assertFalse(matchesAny(detection(part("month", "8")), event("T", when)));
        // Date parts need no time; minute and hour do.
        assertTrue(matchesAny(detection(part("day", "19")), event("T", "2025-07-19")));
        assertFalse(matchesAny(detection(part("hour", "0")), event("T", "2025-07-19")));
        // Not a date at all.
        assertFalse(matchesAny(detection(part("month", "2")), event("T", "2025-02-30T00:00:00Z")));
    }

    @Test
    void testNegationAndIsoWeekAtTheYearsEdge()
    {
        assertTrue(matchesAny(detection(part("week", "1")), event("T", "2024-12-30T12:00:00Z")), "2024-12-30 is in ISO week 1 of 2025");
        SigmaRuleset notInJuly = detection("""
                    selection:
                        T|month|neq: 7
                    condition: selection
                """);
        assertTrue(matchesAny(notInJuly, event("T", "2025-08-01T00:00:00Z")));
        assertFalse(matchesAny(notInJuly, event("T", "2025-07-01T00:00:00Z")));
    }

    private static String part(String modifier, String value)
    {
        return "    selection:\n        T|" + modifier + ": " + value + "\n    condition: selection\n";
    }
}
