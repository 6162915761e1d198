package dev.tradecraft.hunt.ioc;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kinds of indicator an IOC feed may hold; the name is what the feed's {@code type} column says. */
public enum IocType
{
    IP("ip"),
    DOMAIN("domain"),
    URL("url"),
    SHA256("sha256"),
    SHA1("sha1"),
    MD5("md5"),
    USER_AGENT("user-agent"),
    FILENAME("filename"),
    COMMAND("command");

    private final String feedName;

    IocType(String feedName)
    {
        this.feedName = feedName;
    }

    public String feedName()
    {
        return feedName;
    }

    public static IocType parse(String text)
    {
        String normalised = text.trim().toLowerCase(Locale.ROOT);
        for (IocType type : values()) {
            if (type.feedName.equals(normalised)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown indicator type '" + text + "', must be one of: "
                + Arrays.stream(values()).map(IocType::feedName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString()
    {
        return feedName;
    }
}
