package dev.tradecraft.sigma.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * An integer or float from a rule's YAML. It matches the event's text form: the same text
 * ignoring case ({@code 0x1F} vs {@code 0x1f}), or a value that parses to the same number
 * ({@code 4688} matches {@code "4688"} and {@code "4688.0"}).
 *
 * @param text the number as written in the rule
 * @param value its numeric value
 */
public record NumberValue(String text, BigDecimal value)
        implements SigmaValue
{
    public NumberValue
    {
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
    }

    /** Parses rule text; throws IllegalArgumentException when it is not a number. */
    public static NumberValue parse(String text)
    {
        BigDecimal value = Numbers.parse(text);
        if (value == null) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
        return new NumberValue(text, value);
    }

    public boolean matches(String eventValue)
    {
        if (eventValue.equalsIgnoreCase(text)) {
            return true;
        }
        // Plain integers on both sides are the common case (EventID); compare without allocating.
        long eventInteger = Numbers.parseSmallInteger(eventValue);
        long ruleInteger = Numbers.parseSmallInteger(text);
        if (eventInteger != Long.MIN_VALUE && ruleInteger != Long.MIN_VALUE) {
            return eventInteger == ruleInteger;
        }
        BigDecimal parsed = Numbers.parse(eventValue);
        return parsed != null && parsed.compareTo(value) == 0;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
