package dev.tradecraft.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Where in the intrusion a hit sits. Built-in rules say it with a {@code tradecraft.stage.<name>}
 * tag; other rules are placed by {@link StageClassifier}.
 */
public enum Stage
{
    /** Scanning and webshell checks that show interest, not access. */
    RECON("recon"),
    /** The exploit request itself; success is read from the response status. */
    EXPLOIT("exploit"),
    /** A request to a webshell. */
    WEBSHELL("webshell"),
    /** Use of stolen machine keys (signed ViewState). */
    KEY_USE("key-use"),
    /** A webshell file written on the host. */
    WEBSHELL_DROP("webshell-drop"),
    /** Code run on the host by the web server: shells, encoded PowerShell, discovery tools. */
    POST_EXPLOITATION("post-exploitation"),
    /** A published indicator matched. */
    IOC("ioc"),
    /** Anything else a rule found. */
    OTHER("other");

    private final String tagName;

    Stage(String tagName)
    {
        this.tagName = tagName;
    }

    public String tagName()
    {
        return tagName;
    }

    public static Optional<Stage> fromTag(String tag)
    {
        String prefix = "tradecraft.stage.";
        if (!tag.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = tag.substring(prefix.length()).toLowerCase(Locale.ROOT);
        for (Stage stage : values()) {
            if (stage.tagName.equals(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString()
    {
        return tagName;
    }
}
