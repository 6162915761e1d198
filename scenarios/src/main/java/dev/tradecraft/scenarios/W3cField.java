package dev.tradecraft.scenarios;

/** The W3C extended log fields IIS can write, with their {@code #Fields} names. */
enum W3cField
{
    DATE("date"),
    TIME("time"), SITE_NAME("s-sitename"), COMPUTER_NAME("s-computername"), SERVER_IP("s-ip"),
    METHOD("cs-method"), URI_STEM("cs-uri-stem"), URI_QUERY("cs-uri-query"), SERVER_PORT("s-port"),
    USERNAME("cs-username"), CLIENT_IP("c-ip"), PROTOCOL_VERSION("cs-version"), USER_AGENT("cs(User-Agent)"),
    COOKIE("cs(Cookie)"), REFERER("cs(Referer)"), HOST("cs-host"), STATUS("sc-status"),
    SUBSTATUS("sc-substatus"), WIN32_STATUS("sc-win32-status"), RESPONSE_BYTES("sc-bytes"), REQUEST_BYTES("cs-bytes"),
    TIME_TAKEN("time-taken"),
    // An IIS 10 custom field; its name is whatever the administrator typed.
    FORWARDED_FOR("X-Forwarded-For");

    private final String header;

    W3cField(String header)
    {
        this.header = header;
    }

    String header()
    {
        return header;
    }
}
