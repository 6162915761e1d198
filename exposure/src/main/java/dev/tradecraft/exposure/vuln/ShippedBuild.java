package dev.tradecraft.exposure.vuln;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A build Microsoft shipped for a SharePoint product (a row of {@code shipped-builds.csv}).
 *
 * @param productId the {@link SharePointProduct#id}
 * @param build the full build, four components
 * @param name the update, e.g. {@code July 2025 PU} or {@code RTM}
 * @param kb the KB number, e.g. {@code KB5002754}
 * @param released {@code YYYY-MM-DD}, or {@code YYYY-MM} / {@code YYYY} when only that is known
 * @param verified true when a Microsoft source says so or two independent sources agree
 * @param note the sources
 */
public record ShippedBuild(String productId, Version build, String name, Optional<String> kb, Optional<String> released, boolean verified, String note)
{
    public ShippedBuild
    {
        checkNotBlank(productId, "productId");
        requireNonNull(build, "build is null");
        checkArgument(build.size() == 4, "build must have four components: %s", build);
        checkNotBlank(name, "name");
        requireNonNull(kb, "kb is null");
        requireNonNull(released, "released is null");
        requireNonNull(note, "note is null");
    }

    /** The build line: the third component, the number the version header shows. */
    public long line()
    {
        return build.component(2);
    }

    @Override
    public String toString()
    {
        return build.text();
    }
}
