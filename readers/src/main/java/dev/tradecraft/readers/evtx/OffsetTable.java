package dev.tradecraft.readers.evtx;

import java.util.Arrays;

/**
 * What was decoded at an offset of the current chunk (a name, a template), by offset: open
 * addressing over int keys, so a lookup neither boxes nor allocates. Emptied between chunks.
 */
final class OffsetTable<V>
{
    private static final int EMPTY = -1;

    private int[] keys;
    private Object[] values;
    private int size;

    OffsetTable(int capacity)
    {
        int slots = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        keys = new int[slots];
        values = new Object[slots];
        Arrays.fill(keys, EMPTY);
    }

    @SuppressWarnings("unchecked")
    V get(int offset)
    {
        int mask = keys.length - 1;
        for (int slot = hash(offset) & mask; ; slot = (slot + 1) & mask) {
            int key = keys[slot];
            if (key == offset) {
                return (V) values[slot];
            }
            if (key == EMPTY) {
                return null;
            }
        }
    }

    void put(int offset, V value)
    {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int slot = hash(offset) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == EMPTY) {
                keys[slot] = offset;
                values[slot] = value;
                size++;
                return;
            }
            if (keys[slot] == offset) {
                values[slot] = value;
                return;
            }
        }
    }

    void clear()
    {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(values, null);
            size = 0;
        }
    }

    private void grow()
    {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    private static int hash(int offset)
    {
        return offset * 0x9E3779B9 >>> 16;
    }
}
