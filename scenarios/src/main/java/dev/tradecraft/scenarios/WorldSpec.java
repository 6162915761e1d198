package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What world to generate. The same spec always gives the same bytes in every file.
 *
 * <p>When the window covers 2025-07-17 to 2025-07-21 the campaign runs on its real dates
 * (toolshell.md §1.5); otherwise its days are spread over the window in the same order.
 *
 * @param seed the seed every random choice is derived from
 * @param organisations how many organisations; statuses are split about 30% compromised, 25%
 *        attempted, the rest clean
 * @param firstDay the first day (UTC) of logs
 * @param days how many days of logs
 * @param requestsPerHostPerDay client requests each web front-end serves on a working day; NTLM
 *        handshakes add lines, weekends carry less user traffic, and each host writes about a quarter
 *        as many Windows events
 */
public record WorldSpec(long seed, int organisations, LocalDate firstDay, int days, int requestsPerHostPerDay)
{
    public static final int MAX_ORGANISATIONS = 10_000;
    public static final int MAX_DAYS = 366;
    public static final int MIN_REQUESTS = 20;
    public static final int MAX_REQUESTS = 1_000_000;

    public WorldSpec
    {
        checkArgument(organisations >= 1 && organisations <= MAX_ORGANISATIONS,
                "organisations must be in [1, %s]: %s", MAX_ORGANISATIONS, organisations);
        requireNonNull(firstDay, "firstDay is null");
        checkArgument(days >= 1 && days <= MAX_DAYS, "days must be in [1, %s]: %s", MAX_DAYS, days);
        checkArgument(requestsPerHostPerDay >= MIN_REQUESTS && requestsPerHostPerDay <= MAX_REQUESTS,
                "requestsPerHostPerDay must be in [%s, %s]: %s", MIN_REQUESTS, MAX_REQUESTS, requestsPerHostPerDay);
    }

    /** The demo world: 40 organisations over the five days of the campaign's first week. */
    public static WorldSpec demo()
    {
        return new WorldSpec(20250718L, 40, LocalDate.of(2025, 7, 17), 5, 500);
    }

    public LocalDate lastDay()
    {
        return firstDay.plusDays(days - 1L);
    }
}
