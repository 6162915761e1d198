package dev.tradecraft.readers.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON keys of one element's children: a repeated name gets {@code _1}, {@code _2}… as
 * evtx_dump writes them ({@code Header}, {@code Header_1}). The JSON writer and the event mapper
 * both key children with it, so a record read directly and read from its dump agree.
 */
final class ChildKeys
{
    private List<String> names;
    private int[] counts;

    String key(String name)
    {
        if (names == null) {
            names = new ArrayList<>(4);
            counts = new int[4];
        }
        int index = names.indexOf(name);
        if (index < 0) {
            if (names.size() == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[names.size()] = 1;
            names.add(name);
            return name;
        }
        return name + "_" + counts[index]++;
    }
}
