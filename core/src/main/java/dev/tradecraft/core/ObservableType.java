package dev.tradecraft.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kinds of artefact an adversary leaves that can tie intrusions together. */
public enum ObservableType
{
    /** The real client address of a request (the first X-Forwarded-For address behind a balancer). */
    SOURCE_IP("source-ip"),
    /** The user agent of a request, as sent. */
    USER_AGENT("user-agent"),
    /** The shape of an exploit request: layouts version, trailing slash, referer form, query. */
    REQUEST_VARIANT("request-variant"),
    /** The size of an exploit request body, bucketed, where {@code cs-bytes} is logged. */
    REQUEST_SIZE("request-size"),
    /** A webshell's file name, lower case. */
    WEBSHELL_NAME("webshell-name"),
    /** A webshell's path as requested or written. */
    WEBSHELL_PATH("webshell-path"),
    /** A file hash seen on a host (SHA-256 preferred). */
    FILE_HASH("file-hash"),
    /** SHA-256 of a decoded, normalised encoded command (what the dropper did, whatever its wrapping). */
    COMMAND_FINGERPRINT("command-fingerprint"),
    /** A post-exploitation tool or behaviour (whoami, psexec, certutil, viewstate). */
    TOOL("tool"),
    /** A domain contacted or named. */
    DOMAIN("domain");

    private final String label;

    ObservableType(String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }

    public static ObservableType parse(String text)
    {
        String normalised = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ObservableType type : values()) {
            if (type.label.equals(normalised)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown observable type '" + text + "', must be one of: "
                + Arrays.stream(values()).map(ObservableType::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString()
    {
        return label;
    }
}
