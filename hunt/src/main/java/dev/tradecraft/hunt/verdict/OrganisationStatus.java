package dev.tradecraft.hunt.verdict;

import java.util.Locale;

/** The per-organisation answer to "is it compromised?". */
public enum OrganisationStatus
{
    /** No exploit request in the logs read (scanners and webshell checks may still appear). */
    CLEAN,
    /** Exploit requests that got nowhere: refused, or answered with nothing following. */
    ATTEMPTED,
    /** A successful exploit followed by webshell access, key use or code on the host; or such host evidence alone. */
    COMPROMISED;

    /** The lower-case name used in every output format. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString()
    {
        return label();
    }
}
