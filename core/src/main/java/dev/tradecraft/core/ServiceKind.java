package dev.tradecraft.core;

import java.util.Locale;

/** What an exposed service was identified as, coarsely: the classes exposure counts keep apart. */
public enum ServiceKind
{
    /** SharePoint Server run by the organisation itself (2010, 2013, 2016, 2019, Subscription Edition). */
    SHAREPOINT_ONPREM,
    /** SharePoint Online, Microsoft's cloud service: not the organisation's server, not counted as exposed. */
    SHAREPOINT_ONLINE,
    EXCHANGE,
    IIS,
    OTHER;

    /** SharePoint in either form: the services an exposure report lists. */
    public boolean isSharePoint()
    {
        return this == SHAREPOINT_ONPREM || this == SHAREPOINT_ONLINE;
    }

    public String label()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString()
    {
        return label();
    }
}
