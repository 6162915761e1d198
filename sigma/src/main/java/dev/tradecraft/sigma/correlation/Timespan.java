package dev.tradecraft.sigma.correlation;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time window of a correlation, as written ({@code 90m}) and as a duration. The specification
 * allows a positive number followed by one lower-case unit: {@code s}, {@code m}, {@code h} or
 * {@code d}; weeks, months and years (which pySigma also reads) are not in it and are refused.
 */
public record Timespan(String text, Duration duration)
{
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([a-zA-Z])");
    // A window longer than this is surely a typo, and would keep a whole hunt in memory.
    private static final Duration LONGEST = Duration.ofDays(366);

    public Timespan
    {
        requireNonNull(text, "text is null");
        requireNonNull(duration, "duration is null");
        checkArgument(!duration.isNegative() && !duration.isZero(), "duration must be positive: %s", duration);
    }

    /** Parses {@code <number><s|m|h|d>}; the exception message says what is wrong. */
    public static Timespan parse(String text)
    {
        requireNonNull(text, "text is null");
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("timespan '" + text + "' must be a number followed by s, m, h or d (e.g. 90m)");
        }
        long count = Long.parseLong(matcher.group(1));
        Duration unit = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("timespan '" + text + "': unit '" + matcher.group(2)
                    + "' is not one of s, m, h, d (the specification has no weeks, months or years)");
        };
        if (count == 0) {
            throw new IllegalArgumentException("timespan '" + text + "' must be greater than zero");
        }
        Duration duration = unit.multipliedBy(count);
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("timespan '" + text + "' is longer than " + LONGEST.toDays() + " days");
        }
        return new Timespan(text.trim(), duration);
    }

    @Override
    public String toString()
    {
        return text;
    }
}
