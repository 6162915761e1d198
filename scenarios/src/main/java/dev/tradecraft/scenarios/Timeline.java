package dev.tradecraft.scenarios;

import java.time.LocalDate;

/**
 * Places the campaign's days (toolshell.md §1.5: day 0 is 2025-07-17, day 4 is 2025-07-21, when
 * the exploit was public) into the spec's window. A window that covers those dates keeps them; any
 * other window gets the campaign spread over its days in the same order.
 */
final class Timeline
{
    static final LocalDate CAMPAIGN_START = LocalDate.of(2025, 7, 17);
    static final int CAMPAIGN_DAYS = 5;

    private final LocalDate firstDay;
    private final int days;
    private final long start;
    private final long end;
    private final boolean anchored;

    Timeline(WorldSpec spec)
    {
        this.firstDay = spec.firstDay();
        this.days = spec.days();
        this.start = TimeText.startOfDay(firstDay);
        this.end = start + days * TimeText.MILLIS_PER_DAY;
        this.anchored = !firstDay.isAfter(CAMPAIGN_START) && !spec.lastDay().isBefore(CAMPAIGN_START.plusDays(CAMPAIGN_DAYS - 1L));
    }

    /** Epoch milliseconds of the window's first instant. */
    long start()
    {
        return start;
    }

    /** Epoch milliseconds just after the window's last instant. */
    long end()
    {
        return end;
    }

    int days()
    {
        return days;
    }

    LocalDate firstDay()
    {
        return firstDay;
    }

    boolean anchored()
    {
        return anchored;
    }

    /** The window day that campaign day {@code campaignDay} falls on. */
    int windowDay(int campaignDay)
    {
        int index;
        if (anchored) {
            index = (int) (CAMPAIGN_START.toEpochDay() - firstDay.toEpochDay()) + campaignDay;
        }
        else {
            index = campaignDay * days / CAMPAIGN_DAYS;
        }
        return Math.max(0, Math.min(days - 1, index));
    }

    /** Campaign day {@code campaignDay} at {@code hour:minute} UTC, as epoch milliseconds inside the window. */
    long at(int campaignDay, int hour, int minute)
    {
        return start + windowDay(campaignDay) * TimeText.MILLIS_PER_DAY + hour * TimeText.MILLIS_PER_HOUR
                + minute * TimeText.MILLIS_PER_MINUTE;
    }

    /**
     * The start of a real day of the campaign's story in the world's time: that day itself when the
     * window is anchored, otherwise where the spread-out campaign puts it. Unlike {@link #at} it is
     * not clamped into the window, so a day after the campaign's last may fall after the window.
     */
    long startOf(LocalDate day)
    {
        long campaignDay = day.toEpochDay() - CAMPAIGN_START.toEpochDay();
        long index;
        if (anchored) {
            index = CAMPAIGN_START.toEpochDay() - firstDay.toEpochDay() + campaignDay;
        }
        else {
            index = Math.floorDiv(campaignDay * days, CAMPAIGN_DAYS);
        }
        return start + index * TimeText.MILLIS_PER_DAY;
    }

    boolean contains(long time)
    {
        return time >= start && time < end;
    }

    LocalDate date(int windowDay)
    {
        return firstDay.plusDays(windowDay);
    }
}
