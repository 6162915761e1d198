package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The named values of one event, immutable and in the order the reader found them. Values are kept
 * as the text that was read; numbers are parsed by whoever needs them.
 *
 * <p>Lookup is exact first, then case-insensitive, because Sigma rules and log producers disagree on
 * case ({@code EventID} vs {@code EventId}, {@code cs-Referer}). A field that was absent or JSON
 * {@code null} in the input is simply not present.
 */
public final class EventFields
{
    private static final EventFields EMPTY = new EventFields(new String[0], new String[0]);
    // Below this size a linear scan beats hashing.
    private static final int INDEX_THRESHOLD = 12;

    private final String[] names;
    private final String[] values;
    private final Map<String, Integer> exactIndex;
    private final Map<String, Integer> foldedIndex;

    private EventFields(String[] names, String[] values)
    {
        this.names = names;
        this.values = values;
        if (names.length > INDEX_THRESHOLD) {
            Map<String, Integer> exact = new HashMap<>(names.length * 2);
            Map<String, Integer> folded = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                exact.putIfAbsent(names[i], i);
                folded.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
            }
            this.exactIndex = exact;
            this.foldedIndex = folded;
        }
        else {
            this.exactIndex = null;
            this.foldedIndex = null;
        }
    }

    public static EventFields empty()
    {
        return EMPTY;
    }

    public static EventFields of(Map<String, String> fields)
    {
        Builder builder = builder(fields.size());
        fields.forEach(builder::put);
        return builder.build();
    }

    public static Builder builder(int expectedSize)
    {
        return new Builder(expectedSize);
    }

    /** The value of the field, or {@code null} when the event has no such field. */
    public String get(String name)
    {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    public boolean contains(String name)
    {
        return indexOf(name) >= 0;
    }

    public int size()
    {
        return names.length;
    }

    public String name(int index)
    {
        return names[index];
    }

    public String value(int index)
    {
        return values[index];
    }

    /** An ordered, unmodifiable view for output; not for the matching hot path. */
    public Map<String, String> asMap()
    {
        Map<String, String> map = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            map.putIfAbsent(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(String name)
    {
        if (exactIndex != null) {
            Integer index = exactIndex.get(name);
            if (index == null) {
                index = foldedIndex.get(name.toLowerCase(Locale.ROOT));
            }
            return index == null ? -1 : index;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof EventFields that
                && Arrays.equals(names, that.names)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString()
    {
        return asMap().toString();
    }

    /** Collects fields for one event; a later value for the same name replaces the earlier one. */
    public static final class Builder
    {
        private String[] names;
        private String[] values;
        private int size;

        private Builder(int expectedSize)
        {
            int capacity = Math.max(4, expectedSize);
            names = new String[capacity];
            values = new String[capacity];
        }

        public Builder put(String name, String value)
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            return this;
        }

        public int size()
        {
            return size;
        }

        public EventFields build()
        {
            if (size == 0) {
                return EMPTY;
            }
            return new EventFields(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }
}
