package dev.tradecraft.readers.json;

import java.util.Arrays;

import dev.tradecraft.core.EventFields;

/**
 * The fields of one JSON object while it is being mapped, reused from object to object. Unlike
 * {@link EventFields.Builder} it answers lookups and lets fields of some sections outrank others.
 */
final class FieldCollector
{
    private String[] names = new String[32];
    private String[] values = new String[32];
    private int[] priorities = new int[32];
    private String[] asides = new String[32];
    private int size;

    void clear()
    {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        Arrays.fill(asides, 0, size, null);
        size = 0;
    }

    /**
     * Sets a field. When the name is taken by a value of another priority, the higher one keeps the
     * name and the lower one moves to its aside name ({@code aside + name}), or is dropped when it
     * has none; among equals the later value replaces the earlier in its place.
     */
    void put(String name, String value, int priority, String aside)
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
    String get(String name)
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

    int size()
    {
        return size;
    }

    EventFields toEventFields()
    {
        EventFields.Builder builder = EventFields.builder(size);
        for (int i = 0; i < size; i++) {
            builder.put(names[i], values[i]);
        }
        return builder.build();
    }

    int indexOf(String name)
    {
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
    }
}
