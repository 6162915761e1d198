package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field names of events that share a shape, with their lookup index built once. A reader whose
 * records all have the same columns (an IIS log between two {@code #Fields} directives) creates one
 * layout and hands it to every event, so events pay for values only.
 *
 * <p>Lookup is exact first, then case-insensitive ({@link EventFields#get}); a shared layout of
 * many fields builds hash indexes for it once.
 */
public final class FieldLayout
{
    // Below this size a linear scan beats hashing.
    private static final int INDEX_THRESHOLD = 12;

    private final String[] names;
    private final Map<String, Integer> exactIndex;
    private final Map<String, Integer> foldedIndex;

    private FieldLayout(String[] names, boolean indexed)
    {
        this.names = names;
        if (indexed && names.length > INDEX_THRESHOLD) {
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

    /** A layout of distinct names, in column order. */
    public static FieldLayout of(List<String> names)
    {
        requireNonNull(names, "names is null");
        String[] copy = names.toArray(new String[0]);
        for (int i = 0; i < copy.length; i++) {
            requireNonNull(copy[i], "name is null");
            for (int j = 0; j < i; j++) {
                checkArgument(!copy[j].equals(copy[i]), "field name is repeated: %s", copy[i]);
            }
        }
        return new FieldLayout(copy, true);
    }

    /**
     * For {@link EventFields.Builder}, which keeps names distinct. Such a layout serves one event,
     * which looks up a handful of fields: a scan is cheaper than building an index.
     */
    static FieldLayout trusted(String[] names)
    {
        return new FieldLayout(names, false);
    }

    public int size()
    {
        return names.length;
    }

    public String name(int index)
    {
        return names[index];
    }

    /** The column of the field, or -1. */
    public int indexOf(String name)
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

    boolean sameNames(FieldLayout other)
    {
        return java.util.Arrays.equals(names, other.names);
    }

    int namesHash()
    {
        return java.util.Arrays.hashCode(names);
    }
}
