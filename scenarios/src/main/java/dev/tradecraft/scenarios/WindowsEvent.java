package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One Windows event before it is rendered in evtx_dump's JSON shape. The host-specific parts of
 * {@code System} (computer, record number, writer thread) are added by {@link EventSystem}.
 *
 * @param micros when it happened, epoch microseconds; Sysmon's {@code UtcTime}
 * @param channel where it was logged
 * @param eventId the event id
 * @param version the event's schema version
 * @param data {@code EventData} in order; values are {@code String}, {@code Integer}, {@code Long} or {@code Boolean}
 */
record WindowsEvent(long micros, Channel channel, int eventId, int version, List<Datum> data)
{
    /** The XML namespace of the {@code Event} element. */
    static final String NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

    enum Channel
    {
        SYSMON("Microsoft-Windows-Sysmon", "5770385F-C22A-43E0-BF4C-06F5698FFBD9", "Microsoft-Windows-Sysmon/Operational"),
        SECURITY("Microsoft-Windows-Security-Auditing", "54849625-5478-4994-A5BA-3E3B0328C30D", "Security");

        private final String provider;
        private final String providerGuid;
        private final String channelName;

        Channel(String provider, String providerGuid, String channelName)
        {
            this.provider = provider;
            this.providerGuid = providerGuid;
            this.channelName = channelName;
        }

        String provider()
        {
            return provider;
        }

        String providerGuid()
        {
            return providerGuid;
        }

        String channelName()
        {
            return channelName;
        }
    }

    /** One named {@code EventData} value. */
    record Datum(String name, Object value)
    {
        Datum
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    WindowsEvent
    {
        requireNonNull(channel, "channel is null");
        data = List.copyOf(requireNonNull(data, "data is null"));
    }

    /** The value of an {@code EventData} field as text, or empty when absent. */
    String text(String name)
    {
        for (Datum datum : data) {
            if (datum.name().equals(name)) {
                return String.valueOf(datum.value());
            }
        }
        return "";
    }
}
