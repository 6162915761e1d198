package dev.tradecraft.core;

/**
 * Argument checks for compact constructors. Messages name the parameter first and include the
 * offending value, so they read well in a CLI error line.
 */
public final class Checks
{
    private Checks() {}

    public static void checkArgument(boolean condition, String message)
    {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void checkArgument(boolean condition, String format, Object... args)
    {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }

    public static void checkState(boolean condition, String message)
    {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Rejects null, empty and all-whitespace strings; returns the value for use in assignments. */
    public static String checkNotBlank(String value, String name)
    {
        if (value == null) {
            throw new NullPointerException(name + " is null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }
}
