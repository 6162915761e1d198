package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

/** One artefact of a typed kind, normalised so that equal artefacts compare equal. Prints as {@code type=value}. */
public record Observable(ObservableType type, String value) implements Comparable<Observable>
{
    public Observable
    {
        requireNonNull(type, "type is null");
        checkNotBlank(value, "value");
    }

    @Override
    public int compareTo(Observable other)
    {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : value.compareTo(other.value);
    }

    @Override
    public String toString()
    {
        return type + "=" + value;
    }
}
