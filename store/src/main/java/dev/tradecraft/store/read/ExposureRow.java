package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A scanned service with its state for the CVE counted, and the hunted organisation it belongs to
 * when the logs tie it to one.
 *
 * @param state vulnerable, not-vulnerable or ambiguous
 * @param reason why, in a sentence
 * @param evidence scan file and position
 */
public record ExposureRow(String id, String address, int port, List<String> hostnames, Optional<String> organisation, Optional<String> asn,
        Optional<String> country, String product, Optional<String> versionShown, Optional<String> build, String cve, String state, String reason,
        String evidence, Optional<String> matchedOrganisation, Optional<String> matchedBy)
{
    public ExposureRow
    {
        requireNonNull(id, "id is null");
        requireNonNull(address, "address is null");
        hostnames = List.copyOf(hostnames);
        requireNonNull(organisation, "organisation is null");
        requireNonNull(asn, "asn is null");
        requireNonNull(country, "country is null");
        requireNonNull(product, "product is null");
        requireNonNull(versionShown, "versionShown is null");
        requireNonNull(build, "build is null");
        requireNonNull(cve, "cve is null");
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(evidence, "evidence is null");
        requireNonNull(matchedOrganisation, "matchedOrganisation is null");
        requireNonNull(matchedBy, "matchedBy is null");
    }
}
