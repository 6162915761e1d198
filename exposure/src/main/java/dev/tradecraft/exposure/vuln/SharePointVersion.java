package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a version as shown (a {@code MicrosoftSharePointTeamServices} header value, a scanner's
 * version field) says about a SharePoint server: its form, its build line, the products and shipped
 * builds it can stand for, and whether it lies in SharePoint Online's range. Made by
 * {@link VulnerabilityKnowledge#resolve}; {@link VulnerabilityKnowledge#judge} turns it into a
 * verdict per CVE.
 *
 * @param shown the value as shown, without surrounding blanks; empty when there was none
 * @param form how much the value says
 * @param version the value as a version, when it is one
 * @param buildLine the third component of the build it names ({@code 10417} for {@code 16.0.0.10417} and {@code 16.0.10417.20037})
 * @param candidates the organisation-run products owning that line, each with the builds it shipped on it
 * @param sharePointOnlineRange true when the line is in SharePoint Online's range and above every shipped on-prem line
 * @param explanation one sentence saying how the value was read
 */
public record SharePointVersion(String shown, Form form, Optional<Version> version, OptionalLong buildLine, List<Candidate> candidates,
        boolean sharePointOnlineRange, String explanation)
{
    /** How much a shown version says. */
    public enum Form
    {
        /** No version at all: the header was removed, only SharePoint-only headers remain. */
        ABSENT,
        /** Not a dotted number, e.g. {@code 2019 CU5}. */
        UNPARSEABLE,
        /** A dotted number without a build line, e.g. {@code 16.0} or {@code 16.0.0.0}. */
        PRODUCT_ONLY,
        /** The header form {@code MAJOR.0.0.LINE} (or {@code MAJOR.0.LINE}): a build line, no revision. */
        HEADER,
        /** A full build {@code MAJOR.MINOR.LINE.REVISION} with a non-zero line. */
        FULL_BUILD
    }

    /** A product the value can stand for, and the builds the product shipped on the value's line (lowest first). */
    public record Candidate(SharePointProduct product, List<ShippedBuild> shippedOnLine)
    {
        public Candidate
        {
            requireNonNull(product, "product is null");
            shippedOnLine = List.copyOf(requireNonNull(shippedOnLine, "shippedOnLine is null"));
        }

        /** True when the shipped-build table has at least one build of the product on the line. */
        public boolean lineShipped()
        {
            return !shippedOnLine.isEmpty();
        }
    }

    public SharePointVersion
    {
        requireNonNull(shown, "shown is null");
        requireNonNull(form, "form is null");
        requireNonNull(version, "version is null");
        requireNonNull(buildLine, "buildLine is null");
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        requireNonNull(explanation, "explanation is null");
    }

    /** A server that shows SharePoint-only headers but no version header. */
    public static SharePointVersion absent()
    {
        return new SharePointVersion("", Form.ABSENT, Optional.empty(), OptionalLong.empty(), List.of(), false,
                "no version shown (SharePoint-only headers present, version header removed)");
    }

    /** The product names of the candidates, e.g. {@code [SharePoint Server 2019]}. */
    public List<String> productNames()
    {
        String[] names = new String[candidates.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = candidates.get(i).product().name();
        }
        return List.of(names);
    }
}
