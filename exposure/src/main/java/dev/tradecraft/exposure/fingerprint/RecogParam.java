package dev.tradecraft.exposure.fingerprint;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One {@code <param>} of a fingerprint.
 *
 * @param position 0 for a fixed value, otherwise the capture group whose text becomes the value
 * @param name the assertion, e.g. {@code service.version}
 * @param value the fixed value, possibly with {@code {name}} interpolation; empty for captures
 * @param line where the param is written
 */
record RecogParam(int position, String name, String value, long line)
{
    RecogParam
    {
        checkArgument(position >= 0, "position is negative: %s", position);
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        checkArgument(line >= 0, "line is negative: %s", line);
    }

    boolean isCapture()
    {
        return position > 0;
    }
}
