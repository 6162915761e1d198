package dev.tradecraft.core;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final EventFields EMPTY = new EventFields(FieldLayout.trusted(new String[0]), new String[0]);

    private final FieldLayout layout;
    private final String[] values;

    private EventFields(FieldLayout layout, String[] values)
    {
        this.layout = layout;
        this.values = values;
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

    /**
     * Values for a shared layout, one per column (use "" for empty, never null).
     *
     * @throws IllegalArgumentException when the counts differ
     */
    public static EventFields of(FieldLayout layout, String[] values)
    {
        requireNonNull(layout, "layout is null");
        requireNonNull(values, "values is null");
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("layout has " + layout.size() + " fields but " + values.length + " values were given");
        }
        String[] copy = values.clone();
        for (String value : copy) {
            requireNonNull(value, "value is null");
        }
        return new EventFields(layout, copy);
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
        return values.length;
    }

    public String name(int index)
    {
        return layout.name(index);
    }

    public String value(int index)
    {
        return values[index];
    }

    /** An ordered, unmodifiable view for output; not for the matching hot path. */
    public Map<String, String> asMap()
    {
        Map<String, String> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(layout.name(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(String name)
    {
        return layout.indexOf(name);
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof EventFields that
                && layout.sameNames(that.layout)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode()
    {
        return 31 * layout.namesHash() + Arrays.hashCode(values);
    }

    @Override
    public String toString()
    {
        return asMap().toString();
    }

    /** Collects fields for one event; a later value for the same name replaces the earlier one. */
    public static final class Builder
    {
        // A scan finds a name among a few dozen fastest; past this many the builder keeps an index,
        // or an event of thousands of fields (one a crafted input can make) costs their square.
        private static final int INDEX_THRESHOLD = 32;

        private String[] names;
        private String[] values;
        private int size;
        private Map<String, Integer> index;

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
            int existing = indexOf(name);
            if (existing >= 0) {
                values[existing] = value;
                return this;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            if (index != null) {
                index.put(name, size - 1);
            }
            else if (size > INDEX_THRESHOLD) {
                index = new HashMap<>(size * 4);
                for (int i = 0; i < size; i++) {
                    index.put(names[i], i);
                }
            }
            return this;
        }

        private int indexOf(String name)
        {
            if (index != null) {
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

        public int size()
        {
            return size;
        }

        public EventFields build()
        {
            if (size == 0) {
                return EMPTY;
            }
            return new EventFields(FieldLayout.trusted(Arrays.copyOf(names, size)), Arrays.copyOf(values, size));
        }
    }
}
