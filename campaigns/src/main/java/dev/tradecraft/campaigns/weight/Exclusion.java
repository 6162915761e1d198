package dev.tradecraft.campaigns.weight;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Locale;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * A value that never ties intrusions together (a generic user agent, the shell every dropper
 * starts), matched the MISP way: exact, {@code prefix%}, {@code %suffix} or {@code %contains%},
 * case-insensitive.
 */
public record Exclusion(ObservableType type, Mode mode, String text)
{
    public enum Mode
    {
        EXACT, PREFIX, SUFFIX, CONTAINS
    }

    public Exclusion
    {
        requireNonNull(type, "type is null");
        requireNonNull(mode, "mode is null");
        text = requireNonNull(text, "text is null").toLowerCase(Locale.ROOT);
    }

    public static Exclusion parse(ObservableType type, String pattern)
    {
        String value = pattern.strip();
        boolean leading = value.startsWith("%");
        boolean trailing = value.endsWith("%") && value.length() > 1;
        String text = value.substring(leading ? 1 : 0, value.length() - (trailing ? 1 : 0));
        checkArgument(!(leading && trailing && text.isEmpty()), "pattern '%%' would exclude every value");
        Mode mode = leading && trailing ? Mode.CONTAINS : leading ? Mode.SUFFIX : trailing ? Mode.PREFIX : Mode.EXACT;
        return new Exclusion(type, mode, text);
    }

    public boolean matches(Observable observable)
    {
        if (observable.type() != type) {
            return false;
        }
        String value = observable.value().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case EXACT -> value.equals(text);
            case PREFIX -> value.startsWith(text);
            case SUFFIX -> value.endsWith(text);
            case CONTAINS -> value.contains(text);
        };
    }
}
