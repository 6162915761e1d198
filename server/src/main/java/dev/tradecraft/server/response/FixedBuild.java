package dev.tradecraft.server.response;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.tradecraft.exposure.vuln.ShippedBuild;

/**
 * The update a SharePoint product needs for a CVE: the first shipped build from which every later
 * build is fixed, or none when the product is past its end of life and no fix exists.
 *
 * @param product the product's name, e.g. {@code SharePoint Server 2019}
 * @param build the first fixed build; empty when none exists
 */
public record FixedBuild(String product, Optional<ShippedBuild> build)
{
    public FixedBuild
    {
        requireNonNull(product, "product is null");
        requireNonNull(build, "build is null");
    }

    /** E.g. {@code SharePoint Server 2019: 16.0.10417.20037 (KB5002754, July 2025 out-of-band fix ...)}. */
    public String describe()
    {
        if (build.isEmpty()) {
            return product + ": no fixed build exists (end of life); disconnect it from the internet or upgrade to a supported product";
        }
        ShippedBuild fixed = build.get();
        return product + ": " + fixed.build().text() + " or later (" + fixed.kb().map(kb -> kb + ", ").orElse("") + fixed.name() + ")";
    }
}
