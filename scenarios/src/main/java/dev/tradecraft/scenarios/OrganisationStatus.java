package dev.tradecraft.scenarios;

import java.util.Locale;

/**
 * What really happened to an organisation, the answer a hunt's verdict is scored against.
 *
 * <ul>
 *   <li>{@link #COMPROMISED}: at least one exploit request succeeded and was followed by webshell
 *       access, use of the stolen machine keys, or post-exploitation on a host.</li>
 *   <li>{@link #ATTEMPTED}: exploit-shaped requests arrived (including refused research probes)
 *       but none succeeded, or nothing followed.</li>
 *   <li>{@link #CLEAN}: no exploit-shaped request at all; scanners that only GET pages may have
 *       visited.</li>
 * </ul>
 */
public enum OrganisationStatus
{
    COMPROMISED, ATTEMPTED, CLEAN;

    /** The lower-case name used in truth.json and every output format. */
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrganisationStatus parse(String text)
    {
        String normalised = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (OrganisationStatus status : values()) {
            if (status.jsonName().equals(normalised)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown organisation status '" + text + "', must be one of: compromised, attempted, clean");
    }

    @Override
    public String toString()
    {
        return jsonName();
    }
}
