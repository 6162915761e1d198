package dev.tradecraft.exposure.identify;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.ServiceKind;

/**
 * What a banner shows the service to be, and why.
 *
 * @param kind SharePoint on-premises, SharePoint Online, Exchange, IIS or other
 * @param product the product as far as the fingerprints tell (refined later from the version)
 * @param versionShown the version header's value, when there is one
 * @param reasons one sentence per piece of evidence, e.g. "header SPRequestGuid (SharePoint only)"
 */
public record Identification(ServiceKind kind, String product, Optional<String> versionShown, List<String> reasons)
{
    public Identification
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(product, "product is null");
        requireNonNull(versionShown, "versionShown is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }
}
