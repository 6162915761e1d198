package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dotted numeric version such as {@code 16.0.10417.20037}, {@code 16.0.0.10417} or
 * {@code 15.01.2242.010}, compared component by component as numbers. A missing component counts
 * as 0, so {@code 16.0} and {@code 16.0.0.0} compare equal (and are {@link #equals equal}: equality
 * follows the order). The text is kept exactly as given for messages and reports.
 *
 * <p>Only digits and dots parse: {@code 2019 CU5}, {@code 10.2.9-h1}, {@code 16.0.} and components
 * of more than 18 digits are not versions ({@link #tryParse} gives empty).
 */
public final class Version implements Comparable<Version>
{
    private static final int MAX_COMPONENTS = 16;
    private static final int MAX_DIGITS = 18;

    private final String text;
    private final long[] components;

    private Version(String text, long[] components)
    {
        this.text = text;
        this.components = components;
    }

    /** The version in {@code text}, or empty when it is not a dotted number (surrounding blanks are ignored). */
    public static Optional<Version> tryParse(String text)
    {
        requireNonNull(text, "text is null");
        String value = text.strip();
        int length = value.length();
        if (length == 0) {
            return Optional.empty();
        }
        long[] parts = new long[Math.min(MAX_COMPONENTS, length / 2 + 1)];
        int count = 0;
        long current = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (digits > MAX_DIGITS) {
                    return Optional.empty();
                }
                current = current * 10 + (c - '0');
            }
            else if (c == '.') {
                if (digits == 0 || count == parts.length) {
                    return Optional.empty();
                }
                parts[count++] = current;
                current = 0;
                digits = 0;
            }
            else {
                return Optional.empty();
            }
        }
        if (digits == 0 || count == parts.length) {
            return Optional.empty();
        }
        parts[count++] = current;
        return Optional.of(new Version(value, Arrays.copyOf(parts, count)));
    }

    /** The version in {@code text}; rejects anything that is not a dotted number. */
    public static Version parse(String text)
    {
        Optional<Version> version = tryParse(text);
        if (version.isEmpty()) {
            throw new IllegalArgumentException("version is not a dotted number: '" + text + "'");
        }
        return version.get();
    }

    /** The version as given (without surrounding blanks). */
    public String text()
    {
        return text;
    }

    /** How many components the text has. */
    public int size()
    {
        return components.length;
    }

    /** Component {@code index} (from 0), or 0 beyond the last one. */
    public long component(int index)
    {
        if (index < 0) {
            throw new IndexOutOfBoundsException("index is negative: " + index);
        }
        return index < components.length ? components[index] : 0;
    }

    @Override
    public int compareTo(Version other)
    {
        int size = Math.max(components.length, other.components.length);
        for (int i = 0; i < size; i++) {
            int order = Long.compare(component(i), other.component(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    public boolean isBefore(Version other)
    {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof Version version && compareTo(version) == 0;
    }

    @Override
    public int hashCode()
    {
        // Trailing zeros do not change the order, so they must not change the hash either.
        int end = components.length;
        while (end > 0 && components[end - 1] == 0) {
            end--;
        }
        int hash = 1;
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + Long.hashCode(components[i]);
        }
        return hash;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
