package dev.tradecraft.scenarios;

import java.util.Locale;

/** How a generated world stores its Windows events. */
public enum EventFileFormat
{
    /** evtx_dump's JSON shape ({@code sysmon-YYYYMMDD.json}), one object per line or pretty-printed, as each organisation chooses. */
    JSON,
    /** Binary Windows XML Event Log files ({@code sysmon-YYYYMMDD.evtx}) holding the same records. */
    EVTX;

    /** The file name extension, without the dot. */
    public String extension()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
