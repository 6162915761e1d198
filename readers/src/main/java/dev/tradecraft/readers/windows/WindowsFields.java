package dev.tradecraft.readers.windows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.tradecraft.core.EventFields;

/**
 * The fields of one Windows event while it is being read, reused from event to event, under the
 * names Sigma rules use. Both Windows readers (evtx_dump-shape JSON and binary EVTX) fill it, so an
 * event gets the same fields whichever form it came in. Unlike {@link EventFields.Builder} it
 * answers lookups and lets fields of some sections outrank others.
 */
public final class WindowsFields
{
    /**
     * Where a field comes from. A field never replaces one of higher priority: System fields stand
     * (a UserData {@code Channel} naming a cleared log must not change the event's channel), and
     * such a data field is kept under its section's prefix instead.
     */
    public enum Section
    {
        SYSTEM(3, null),
        EVENT_DATA(2, "EventData."),
        USER_DATA(2, "UserData."),
        OTHER(1, null),
        /** Winlogbeat/ECS and flat JSON: names as written, no ranking. */
        PLAIN(0, null);

        final int priority;
        final String prefix;

        Section(int priority, String prefix)
        {
            this.priority = priority;
            this.prefix = prefix;
        }
    }

    // Events hold a few dozen fields, found fastest by a scan; past this many, by the index, or an
    // event of thousands of fields (a crafted EVTX template repeats values cheaply) costs their square.
    private static final int INDEX_THRESHOLD = 32;

    private String[] names = new String[32];
    private String[] values = new String[32];
    private int[] priorities = new int[32];
    private String[] asides = new String[32];
    private int size;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * Sets a field from a section. Event data names with spaces (Defender's "Threat Name") are
     * also kept without them, the form Sigma rules and mappings use.
     */
    public void put(String name, String value, Section section)
    {
        if (value == null) {
            return;
        }
        put(name, value, section.priority, section.prefix);
        if (section == Section.EVENT_DATA && name.indexOf(' ') >= 0) {
            String joined = name.replace(" ", "");
            if (!joined.isEmpty() && indexOf(joined) < 0) {
                put(joined, value, section.priority, section.prefix);
            }
        }
    }

    public void clear()
    {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        Arrays.fill(asides, 0, size, null);
        size = 0;
        index.clear();
    }

    /**
     * Sets a field. When the name is taken by a value of another priority, the higher one keeps the
     * name and the lower one moves to its aside name ({@code aside + name}), or is dropped when it
     * has none; among equals the later value replaces the earlier in its place.
     */
    private void put(String name, String value, int priority, String aside)
    {
        int index = indexOf(name);
        if (index < 0) {
            add(name, value, priority, aside);
            return;
        }
        if (priorities[index] > priority) {
            if (aside != null) {
                put(aside + name, value, priority, null);
            }
            return;
        }
        if (priorities[index] < priority && asides[index] != null) {
            String displacedName = asides[index] + name;
            String displaced = values[index];
            int displacedPriority = priorities[index];
            values[index] = value;
            priorities[index] = priority;
            asides[index] = aside;
            put(displacedName, displaced, displacedPriority, null);
            return;
        }
        values[index] = value;
        priorities[index] = priority;
        asides[index] = aside;
    }

    /** The value by exact name, else by case-insensitive name, else null. */
    public String get(String name)
    {
        int index = indexOf(name);
        if (index < 0) {
            for (int i = 0; i < size; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return values[i];
                }
            }
            return null;
        }
        return values[index];
    }

    public int size()
    {
        return size;
    }

    public EventFields toEventFields()
    {
        EventFields.Builder builder = EventFields.builder(size);
        for (int i = 0; i < size; i++) {
            builder.put(names[i], values[i]);
        }
        return builder.build();
    }

    public int indexOf(String name)
    {
        if (size > INDEX_THRESHOLD) {
            Integer found = index.get(name);
            return found == null ? -1 : found;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void add(String name, String value, int priority, String aside)
    {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
            priorities = Arrays.copyOf(priorities, size * 2);
            asides = Arrays.copyOf(asides, size * 2);
        }
        names[size] = name;
        values[size] = value;
        priorities[size] = priority;
        asides[size] = aside;
        size++;
        if (size > INDEX_THRESHOLD) {
            if (index.isEmpty()) {
                for (int i = 0; i < size; i++) {
                    index.put(names[i], i);
                }
            }
            else {
                index.put(name, size - 1);
            }
        }
    }
}
