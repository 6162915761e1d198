package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The {@code System} part of one written Windows event: what the event itself carries plus what
 * the logging host adds. Both event writers take their values from here, so a JSON world and an
 * EVTX world of the same seed say the same thing.
 *
 * @param channel where it was logged; gives the provider name and GUID and the channel name
 * @param eventId the event id
 * @param version the event's schema version
 * @param level the level (4 informational; Security Auditing writes 0)
 * @param task the task
 * @param opcode the opcode
 * @param keywords the keyword bits
 * @param systemMicros {@code TimeCreated SystemTime}, epoch microseconds
 * @param recordId {@code EventRecordID}
 * @param processId {@code Execution ProcessID}
 * @param threadId {@code Execution ThreadID}
 * @param computer {@code Computer}
 * @param userId {@code Security UserID} as an SDDL SID string, empty when the provider leaves it out
 */
record EventSystem(WindowsEvent.Channel channel, int eventId, int version, int level, int task, int opcode, long keywords,
        long systemMicros, long recordId, int processId, int threadId, String computer, Optional<String> userId)
{
    /** Record numbers continue across a host's files, one counter per channel. */
    static final class RecordNumbers
    {
        private final long[] next = new long[WindowsEvent.Channel.values().length];

        RecordNumbers(long first)
        {
            for (int i = 0; i < next.length; i++) {
                next[i] = first + i * 7_919L;
            }
        }

        long next(WindowsEvent.Channel channel)
        {
            return next[channel.ordinal()]++;
        }
    }

    EventSystem
    {
        requireNonNull(channel, "channel is null");
        checkNotBlank(computer, "computer");
        requireNonNull(userId, "userId is null");
    }

    static EventSystem of(HostProfile host, WindowsEvent event, long recordId)
    {
        boolean sysmon = event.channel() == WindowsEvent.Channel.SYSMON;
        // The record is stamped a little after the event it describes.
        long systemMicros = event.micros() + 300 + Math.floorMod(event.micros() * 7919L, 9_000L);
        return new EventSystem(event.channel(), event.eventId(), event.version(),
                sysmon ? 4 : 0,
                sysmon ? event.eventId() : 13312,
                0,
                sysmon ? 0x8000000000000000L : 0x8020000000000000L,
                systemMicros,
                recordId,
                sysmon ? host.sysmonPid() : 4,
                writerThread(host, event),
                host.fqdn(),
                // Sysmon runs as LocalSystem; Security Auditing records carry no UserID.
                sysmon ? Optional.of("S-1-5-18") : Optional.empty());
    }

    /** {@code Keywords} as event viewers print it: {@code 0x} and lower-case hex digits. */
    String keywordsText()
    {
        return "0x" + Long.toHexString(keywords);
    }

    // Sysmon logs from a handful of worker threads; which one is incidental.
    private static int writerThread(HostProfile host, WindowsEvent event)
    {
        int base = event.channel() == WindowsEvent.Channel.SYSMON ? host.sysmonPid() + 1_000 : 300;
        return base + 4 * (int) Math.floorMod(event.micros() / 1000, 5L);
    }
}
