package dev.tradecraft.sigma.correlation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Number reading and printing for aggregated values, so hits show {@code 10}, not {@code 10.0}. */
final class CorrelationValues
{
    // Plain decimal numbers only: Java would also read "10d", "0x1p3" and "NaN".
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");

    private CorrelationValues() {}

    /** Integral values without a fraction, others in plain decimal notation. */
    static String format(double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A field value read as a finite number, or NaN when it is not one (such values are left out of sums). */
    static double number(String text)
    {
        if (text == null) {
            return Double.NaN;
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 64 || !DECIMAL.matcher(trimmed).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(trimmed);
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
