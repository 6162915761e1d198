package dev.tradecraft.readers.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.EventFields;
import dev.tradecraft.readers.windows.WindowsFields.Section;

public class TestWindowsFields
{
    @Test
    public void testSystemFieldOutranksEventDataOfTheSameName()
    {
        WindowsFields fields = new WindowsFields();
        fields.put("Channel", "Security", Section.SYSTEM);
        fields.put("Channel", "Cleared", Section.EVENT_DATA);
        assertEquals("Security", fields.get("Channel"));
        assertEquals("Cleared", fields.get("EventData.Channel"));
    }

    @Test
    public void testManyFieldsAreFoundRankedAndClearedLikeFew()
    {
        WindowsFields fields = new WindowsFields();
        for (int round = 0; round < 2; round++) {
            fields.clear();
            for (int i = 0; i < 3000; i++) {
                fields.put("Data" + i, "data " + i, Section.EVENT_DATA);
            }
            // Above the index threshold too, System fields displace data fields to their aside names.
            fields.put("Data7", "system", Section.SYSTEM);
            fields.put("Data8", "other", Section.OTHER);
            assertEquals(3001, fields.size());
            assertEquals(6, fields.indexOf("Data6"));
            assertEquals(-1, fields.indexOf("Data3000"));
            assertEquals("system", fields.get("Data7"));
            assertEquals("data 7", fields.get("EventData.Data7"));
            assertEquals("data 8", fields.get("Data8"));
            assertEquals("data 2999", fields.get("data2999"));
            EventFields event = fields.toEventFields();
            assertEquals(3001, event.size());
            assertEquals(List.of("Data0", "Data1"), List.copyOf(event.asMap().keySet()).subList(0, 2));
            assertEquals("EventData.Data7", event.name(3000));
        }
    }
}
