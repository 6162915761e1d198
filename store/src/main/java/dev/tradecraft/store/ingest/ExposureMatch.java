package dev.tradecraft.store.ingest;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * A scanned server tied to a hunted organisation.
 *
 * @param exposureId the exposure's key in the workspace
 * @param organisation the hunted organisation
 * @param matchedBy how: the host name or address its logs show
 */
public record ExposureMatch(String exposureId, String organisation, String matchedBy)
{
    public ExposureMatch
    {
        checkNotBlank(exposureId, "exposureId");
        checkNotBlank(organisation, "organisation");
        checkNotBlank(matchedBy, "matchedBy");
    }
}
