package dev.tradecraft.sigma.correlation;

import java.time.Instant;

/**
 * One match held in a group's window, which keeps them in the order the session saw them.
 *
 * @param upstream index of the referenced rule in the correlation's rules
 * @param value the value of the aggregated field, null for types that aggregate none
 * @param number that value as a number, NaN when the type needs none
 */
record WindowEntry(Instant time, int upstream, String value, double number)
{
}
