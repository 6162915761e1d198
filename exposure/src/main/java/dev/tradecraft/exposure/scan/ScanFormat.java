package dev.tradecraft.exposure.scan;

/** The scan exports {@link ScanReaders} reads, each found by its content. */
public enum ScanFormat
{
    /** Shodan banners: one JSON object per line ({@code shodan download}, the streaming API). */
    SHODAN("shodan", "Shodan banners"),
    /** Censys host documents: one per line, a JSON array, or a single object. */
    CENSYS("censys", "Censys hosts"),
    /** nmap {@code -oX} output. */
    NMAP_XML("nmap", "nmap XML"),
    /** ZGrab2 results of the {@code http} module, one JSON object per line. */
    ZGRAB2("zgrab2", "ZGrab2 http results"),
    /** masscan {@code -oJ} output, one object per line inside a loosely written array. */
    MASSCAN("masscan", "masscan JSON");

    private final String source;
    private final String description;

    ScanFormat(String source, String description)
    {
        this.source = source;
        this.description = description;
    }

    /** The {@link Banner#source()} of every banner read from this format. */
    public String source()
    {
        return source;
    }

    /** A name for messages, e.g. {@code nmap XML}. */
    public String description()
    {
        return description;
    }
}
