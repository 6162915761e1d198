package dev.tradecraft.exposure.vuln;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one CVE JSON 5 record says that exposure needs: the id and dates, the English description,
 * the CNA's affected products with their version ranges, the CNA's CPE applicability, CVSS scores
 * (CNA and ADP containers) and CISA's KEV listing from the ADP container. Version bounds stay text
 * as the record gives them ({@code 16.0.10417.20037}, {@code 10.2.9-h1}, {@code publication});
 * {@link Version#tryParse} decides whether they are comparable.
 *
 * @param id the CVE id, upper case
 * @param state {@code PUBLISHED} or {@code REJECTED}, as {@code cveMetadata.state} says
 * @param datePublished {@code cveMetadata.datePublished}
 * @param dateUpdated {@code cveMetadata.dateUpdated}
 * @param datePublic {@code containers.cna.datePublic}, when the vendor disclosed it
 * @param title {@code containers.cna.title}
 * @param description the English description ({@code lang} en, en-US, ...), else the first one
 * @param cwes CWE ids from {@code problemTypes}
 * @param affected {@code containers.cna.affected[]}
 * @param cpeApplicability {@code containers.cna.cpeApplicability[]}
 * @param cvss scores from the CNA and ADP {@code metrics[]}
 * @param kevListing the KEV addition recorded by CISA's ADP container
 * @param source the file (or classpath resource) the record came from
 */
public record CveRecord(
        String id,
        Optional<String> state,
        Optional<Instant> datePublished,
        Optional<Instant> dateUpdated,
        Optional<Instant> datePublic,
        Optional<String> title,
        Optional<String> description,
        List<String> cwes,
        List<Affected> affected,
        List<CpeConfiguration> cpeApplicability,
        List<Cvss> cvss,
        Optional<KevListing> kevListing,
        String source)
{
    public CveRecord
    {
        checkNotBlank(id, "id");
        requireNonNull(state, "state is null");
        requireNonNull(datePublished, "datePublished is null");
        requireNonNull(dateUpdated, "dateUpdated is null");
        requireNonNull(datePublic, "datePublic is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        cwes = List.copyOf(requireNonNull(cwes, "cwes is null"));
        affected = List.copyOf(requireNonNull(affected, "affected is null"));
        cpeApplicability = List.copyOf(requireNonNull(cpeApplicability, "cpeApplicability is null"));
        cvss = List.copyOf(requireNonNull(cvss, "cvss is null"));
        requireNonNull(kevListing, "kevListing is null");
        requireNonNull(source, "source is null");
    }

    /** The highest base score of the given CVSS version ({@code 3.1}, {@code 4.0}, ...), from any container. */
    public Optional<Cvss> highestCvss(String version)
    {
        Cvss best = null;
        for (Cvss score : cvss) {
            if (score.version().equals(version) && (best == null || score.baseScore() > best.baseScore())) {
                best = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One entry of {@code affected[]}: a product and its versions.
     *
     * @param vendor {@code vendor}
     * @param product {@code product}, or {@code packageName} when the entry names a package
     * @param versions {@code versions[]}
     * @param defaultStatus status of versions not listed ({@code affected}, {@code unaffected}, {@code unknown})
     * @param cpes {@code cpes[]}
     * @param platforms {@code platforms[]}
     */
    public record Affected(Optional<String> vendor, String product, List<AffectedVersion> versions, Optional<String> defaultStatus,
            List<String> cpes, List<String> platforms)
    {
        public Affected
        {
            requireNonNull(vendor, "vendor is null");
            checkNotBlank(product, "product");
            versions = List.copyOf(requireNonNull(versions, "versions is null"));
            requireNonNull(defaultStatus, "defaultStatus is null");
            cpes = List.copyOf(requireNonNull(cpes, "cpes is null"));
            platforms = List.copyOf(requireNonNull(platforms, "platforms is null"));
        }
    }

    /**
     * One entry of {@code versions[]}: a single version, or a range from {@code version} up to
     * {@code lessThan} (exclusive) or {@code lessThanOrEqual}, with its status.
     */
    public record AffectedVersion(String version, Optional<String> lessThan, Optional<String> lessThanOrEqual, Optional<String> versionType,
            String status, List<VersionChange> changes)
    {
        public AffectedVersion
        {
            requireNonNull(version, "version is null");
            requireNonNull(lessThan, "lessThan is null");
            requireNonNull(lessThanOrEqual, "lessThanOrEqual is null");
            requireNonNull(versionType, "versionType is null");
            checkNotBlank(status, "status");
            changes = List.copyOf(requireNonNull(changes, "changes is null"));
        }

        public boolean isRange()
        {
            return lessThan.isPresent() || lessThanOrEqual.isPresent();
        }
    }

    /** A status change inside a range: from {@code at} on, the status is {@code status}. */
    public record VersionChange(String at, String status)
    {
        public VersionChange
        {
            requireNonNull(at, "at is null");
            checkNotBlank(status, "status");
        }
    }

    /** One entry of {@code cpeApplicability[]}: nodes combined with {@code operator}. */
    public record CpeConfiguration(Optional<String> operator, boolean negate, List<CpeNode> nodes)
    {
        public CpeConfiguration
        {
            requireNonNull(operator, "operator is null");
            nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
        }
    }

    /** One node: CPE matches combined with {@code operator} ({@code OR} or {@code AND}). */
    public record CpeNode(String operator, boolean negate, List<CpeMatch> matches)
    {
        public CpeNode
        {
            checkNotBlank(operator, "operator");
            matches = List.copyOf(requireNonNull(matches, "matches is null"));
        }
    }

    /** One {@code cpeMatch}: a CPE name pattern and the version bounds that make it match. */
    public record CpeMatch(String criteria, boolean vulnerable, Optional<String> versionStartIncluding, Optional<String> versionStartExcluding,
            Optional<String> versionEndIncluding, Optional<String> versionEndExcluding)
    {
        public CpeMatch
        {
            checkNotBlank(criteria, "criteria");
            requireNonNull(versionStartIncluding, "versionStartIncluding is null");
            requireNonNull(versionStartExcluding, "versionStartExcluding is null");
            requireNonNull(versionEndIncluding, "versionEndIncluding is null");
            requireNonNull(versionEndExcluding, "versionEndExcluding is null");
        }
    }

    /**
     * A CVSS score.
     *
     * @param source {@code cna} or {@code adp:<shortName>}
     * @param version {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
     * @param baseScore 0 to 10
     * @param baseSeverity {@code CRITICAL}, {@code HIGH}, ...
     * @param vector the vector string
     */
    public record Cvss(String source, String version, double baseScore, Optional<String> baseSeverity, Optional<String> vector)
    {
        public Cvss
        {
            checkNotBlank(source, "source");
            checkNotBlank(version, "version");
            checkArgument(baseScore >= 0 && baseScore <= 10, "baseScore must be in [0,10]: %s", baseScore);
            requireNonNull(baseSeverity, "baseSeverity is null");
            requireNonNull(vector, "vector is null");
        }
    }

    /** CISA's KEV listing as the ADP container records it ({@code metrics[].other.type = kev}). */
    public record KevListing(LocalDate dateAdded, Optional<String> reference)
    {
        public KevListing
        {
            requireNonNull(dateAdded, "dateAdded is null");
            requireNonNull(reference, "reference is null");
        }
    }
}
