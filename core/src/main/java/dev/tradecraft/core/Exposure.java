package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One internet-facing service: where it is, whose it is, what it runs as far as the banner shows,
 * and per CVE whether it is open, with the evidence.
 *
 * @param address IP address
 * @param port TCP port
 * @param hostnames names seen for it (certificate, PTR, Host), sorted
 * @param organisation who holds the address, as the scan data says (or as the user mapped it)
 * @param asn autonomous system, e.g. {@code AS64500}
 * @param country ISO 3166 code
 * @param kind what the service was identified as
 * @param product product name, e.g. {@code SharePoint Server 2019}; empty when unknown
 * @param versionShown the version as the service shows it (e.g. the header {@code 16.0.0.10417})
 * @param build the full build when the evidence determines it
 * @param identification why it was identified so (headers, fingerprints matched)
 * @param verdicts per CVE asked
 * @param evidence the scan record
 */
public record Exposure(String address, int port, List<String> hostnames, Optional<String> organisation, Optional<String> asn,
        Optional<String> country, ServiceKind kind, String product, Optional<String> versionShown, Optional<String> build,
        List<String> identification, List<CveVerdict> verdicts, SourcePosition evidence)
{
    public Exposure
    {
        checkNotBlank(address, "address");
        checkArgument(port >= 0 && port <= 65535, "port must be in [0,65535]: %s", port);
        hostnames = List.copyOf(requireNonNull(hostnames, "hostnames is null"));
        requireNonNull(organisation, "organisation is null");
        requireNonNull(asn, "asn is null");
        requireNonNull(country, "country is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(product, "product is null");
        requireNonNull(versionShown, "versionShown is null");
        requireNonNull(build, "build is null");
        identification = List.copyOf(requireNonNull(identification, "identification is null"));
        verdicts = List.copyOf(requireNonNull(verdicts, "verdicts is null"));
        requireNonNull(evidence, "evidence is null");
    }

    public Optional<CveVerdict> verdict(String cve)
    {
        for (CveVerdict verdict : verdicts) {
            if (verdict.cve().equalsIgnoreCase(cve)) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}
