package dev.tradecraft.sigma.modifier;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The registry of Sigma value modifiers: every name of the specification's modifier appendix
 * (v2.1.0) once, with whether this engine implements it. A name that is not here is unknown; a
 * name that is here but not supported makes the rule unsupported rather than wrong.
 */
public enum Modifier
{
    CONTAINS("contains", true),
    STARTSWITH("startswith", true),
    ENDSWITH("endswith", true),
    ALL("all", true),
    EXISTS("exists", true),
    CASED("cased", true),
    NEQ("neq", true),
    WINDASH("windash", true),
    RE("re", true),
    I("i", true),
    IGNORECASE("ignorecase", true),
    M("m", true),
    MULTILINE("multiline", true),
    S("s", true),
    DOTALL("dotall", true),
    BASE64("base64", true),
    BASE64OFFSET("base64offset", true),
    WIDE("wide", true),
    UTF16LE("utf16le", true),
    UTF16BE("utf16be", true),
    UTF16("utf16", true),
    LT("lt", true),
    LTE("lte", true),
    GT("gt", true),
    GTE("gte", true),
    CIDR("cidr", true),
    FIELDREF("fieldref", true),
    MINUTE("minute", true),
    HOUR("hour", true),
    DAY("day", true),
    WEEK("week", true),
    MONTH("month", true),
    YEAR("year", true),
    // Placeholders (%Administrators%, ...) are replaced with the site's values before the other modifiers run.
    EXPAND("expand", true);

    private static final Map<String, Modifier> BY_NAME = new HashMap<>();
    private static final String KNOWN;

    static {
        TreeSet<String> names = new TreeSet<>();
        for (Modifier modifier : values()) {
            BY_NAME.put(modifier.sigmaName, modifier);
            names.add(modifier.sigmaName);
        }
        StringJoiner joiner = new StringJoiner(", ");
        names.forEach(joiner::add);
        KNOWN = joiner.toString();
    }

    private final String sigmaName;
    private final boolean supported;

    Modifier(String sigmaName, boolean supported)
    {
        this.sigmaName = sigmaName;
        this.supported = supported;
    }

    public String sigmaName()
    {
        return sigmaName;
    }

    public boolean supported()
    {
        return supported;
    }

    /** The modifier with this name; Sigma writes them lower case, other cases are accepted. */
    public static Optional<Modifier> forName(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** All known names, sorted, comma-separated, for error messages. */
    public static String knownNames()
    {
        return KNOWN;
    }

    @Override
    public String toString()
    {
        return sigmaName;
    }
}
