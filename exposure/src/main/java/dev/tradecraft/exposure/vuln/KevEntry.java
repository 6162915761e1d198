package dev.tradecraft.exposure.vuln;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalogue.
 *
 * @param cveId {@code cveID}, upper case
 * @param vendorProject {@code vendorProject}
 * @param product {@code product}
 * @param vulnerabilityName {@code vulnerabilityName}
 * @param dateAdded when CISA added it
 * @param shortDescription {@code shortDescription}
 * @param requiredAction what agencies must do (for SharePoint: disconnect end-of-life versions)
 * @param dueDate when they must have done it
 * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}
 * @param notes {@code notes}: links to advisories
 * @param cwes {@code cwes}
 */
public record KevEntry(
        String cveId,
        String vendorProject,
        String product,
        String vulnerabilityName,
        LocalDate dateAdded,
        String shortDescription,
        String requiredAction,
        LocalDate dueDate,
        Optional<String> knownRansomwareCampaignUse,
        Optional<String> notes,
        List<String> cwes)
{
    public KevEntry
    {
        checkNotBlank(cveId, "cveId");
        requireNonNull(vendorProject, "vendorProject is null");
        requireNonNull(product, "product is null");
        requireNonNull(vulnerabilityName, "vulnerabilityName is null");
        requireNonNull(dateAdded, "dateAdded is null");
        requireNonNull(shortDescription, "shortDescription is null");
        requireNonNull(requiredAction, "requiredAction is null");
        requireNonNull(dueDate, "dueDate is null");
        requireNonNull(knownRansomwareCampaignUse, "knownRansomwareCampaignUse is null");
        requireNonNull(notes, "notes is null");
        cwes = List.copyOf(requireNonNull(cwes, "cwes is null"));
    }

    /** True when CISA knows of ransomware campaigns using it. */
    public boolean knownRansomwareUse()
    {
        return knownRansomwareCampaignUse.isPresent() && knownRansomwareCampaignUse.get().equalsIgnoreCase("Known");
    }
}
