package dev.tradecraft.sigma.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parses the number forms found in rules and events: decimal integers and fractions with an
 * optional sign, and {@code 0x} hexadecimal (Windows status codes). Returns null instead of
 * throwing, because most event values are not numbers.
 */
final class Numbers
{
    // Beyond this many digits a long could overflow; BigDecimal takes over.
    private static final int MAX_LONG_DIGITS = 18;

    private Numbers() {}

    /** The integer value of plain decimal text of at most 18 digits, or {@link Long#MIN_VALUE}. */
    static long parseSmallInteger(String text)
    {
        int length = text.length();
        int start = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            start = 1;
        }
        if (length == start || length - start > MAX_LONG_DIGITS) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    static BigDecimal parse(String text)
    {
        String trimmed = text.trim();
        // Event values are attacker-controlled; no number worth comparing is this long.
        if (trimmed.isEmpty() || trimmed.length() > 400) {
            return null;
        }
        int start = 0;
        boolean negative = false;
        if (trimmed.charAt(0) == '-' || trimmed.charAt(0) == '+') {
            negative = trimmed.charAt(0) == '-';
            start = 1;
        }
        if (trimmed.length() > start + 2 && trimmed.charAt(start) == '0'
                && (trimmed.charAt(start + 1) == 'x' || trimmed.charAt(start + 1) == 'X')) {
            String digits = trimmed.substring(start + 2);
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                    return null;
                }
            }
            BigInteger value = new BigInteger(digits, 16);
            return new BigDecimal(negative ? value.negate() : value);
        }
        boolean digitSeen = false;
        boolean pointSeen = false;
        for (int i = start; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digitSeen = true;
            }
            else if (c == '.' && !pointSeen) {
                pointSeen = true;
            }
            else {
                return null;
            }
        }
        if (!digitSeen) {
            return null;
        }
        return new BigDecimal(trimmed.charAt(0) == '+' ? trimmed.substring(1) : trimmed);
    }
}
