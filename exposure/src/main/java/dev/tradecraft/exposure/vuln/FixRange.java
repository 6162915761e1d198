package dev.tradecraft.exposure.vuln;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.exposure.vuln.CveRecord.Affected;
import dev.tradecraft.exposure.vuln.CveRecord.AffectedVersion;
import dev.tradecraft.exposure.vuln.CveRecord.VersionChange;

/**
 * The builds of one product a CVE record calls affected, read from the record's
 * {@code affected[]} entries that name the product. Each {@code versions[]} entry with status
 * {@code affected} is a span: from {@code version} up to {@code lessThan} (exclusive) or
 * {@code lessThanOrEqual} (inclusive), ended early by the first {@code changes[]} entry that turns
 * it {@code unaffected}. A bound that is not a dotted number ({@code publication}, {@code 2013
 * Service Pack 1}) makes the entry unusable; a lower bound that is not one counts as open.
 * Older records name the family as product and the edition as version ({@code Microsoft
 * SharePoint Server} + {@code 2019}); such an entry lists the product without a build range.
 * Entries with another status are not used: SharePoint records list only affected ranges.
 */
final class FixRange
{
    private record Span(Optional<Version> from, Optional<Version> to, boolean toInclusive)
    {
        boolean contains(Version build)
        {
            if (from.isPresent() && build.isBefore(from.get())) {
                return false;
            }
            if (to.isEmpty()) {
                return true;
            }
            int order = build.compareTo(to.get());
            return toInclusive ? order <= 0 : order < 0;
        }

        boolean exact()
        {
            return toInclusive && from.isPresent() && to.isPresent() && from.get().equals(to.get());
        }

        String vulnerableSide()
        {
            if (exact()) {
                return "exactly " + to.get();
            }
            if (to.isEmpty()) {
                return from.isPresent() ? "from " + from.get() + " on" : "of any version";
            }
            return (toInclusive ? "up to " : "before ") + to.get();
        }

        String fixedSide()
        {
            if (exact()) {
                return "other than " + to.get();
            }
            if (to.isEmpty()) {
                return from.isPresent() ? "below " + from.get() : "of no version";
            }
            return (toInclusive ? "above " : "at or above ") + to.get();
        }
    }

    private final boolean listed;
    private final List<Span> spans;
    private final List<String> unusable;

    private FixRange(boolean listed, List<Span> spans, List<String> unusable)
    {
        this.listed = listed;
        this.spans = List.copyOf(spans);
        this.unusable = List.copyOf(unusable);
    }

    static FixRange of(CveRecord record, SharePointProduct product)
    {
        boolean listed = false;
        List<Span> spans = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (Affected affected : record.affected()) {
            boolean wholeEntry = product.isNamed(affected.product());
            listed |= wholeEntry;
            for (AffectedVersion version : affected.versions()) {
                if (wholeEntry) {
                    if (version.status().equalsIgnoreCase("affected")) {
                        span(version, spans, unusable);
                    }
                }
                else if (product.isNamed(affected.product() + " " + version.version())) {
                    // Older records name the family as product and the edition as version:
                    // "Microsoft SharePoint Server" + "2019". Such an entry says the edition is
                    // affected but names no build, unless it carries an upper bound.
                    listed = true;
                    if (version.status().equalsIgnoreCase("affected")) {
                        editionSpan(version, spans, unusable);
                    }
                }
            }
        }
        return new FixRange(listed, spans, unusable);
    }

    /** True when {@code affected} names {@code product}, as a whole or through an edition in a version. */
    static boolean names(Affected affected, SharePointProduct product)
    {
        if (product.isNamed(affected.product())) {
            return true;
        }
        for (AffectedVersion version : affected.versions()) {
            if (product.isNamed(affected.product() + " " + version.version())) {
                return true;
            }
        }
        return false;
    }

    private static void editionSpan(AffectedVersion version, List<Span> spans, List<String> unusable)
    {
        String upper = version.lessThan().orElse(version.lessThanOrEqual().orElse(""));
        Optional<Version> to = Version.tryParse(upper);
        if (to.isEmpty()) {
            unusable.add("'" + version.version() + "'" + (upper.isEmpty() ? "" : " up to '" + upper + "'"));
            return;
        }
        spans.add(new Span(Optional.empty(), to, version.lessThan().isEmpty()));
    }

    private static void span(AffectedVersion version, List<Span> spans, List<String> unusable)
    {
        Optional<Version> from = Version.tryParse(version.version());
        if (!version.isRange()) {
            if (from.isEmpty()) {
                unusable.add("'" + version.version() + "'");
                return;
            }
            spans.add(new Span(from, from, true));
            return;
        }
        boolean inclusive = version.lessThan().isEmpty();
        String field = inclusive ? "lessThanOrEqual" : "lessThan";
        String upper = inclusive ? version.lessThanOrEqual().get() : version.lessThan().get();
        Optional<Version> to = Optional.empty();
        if (!upper.strip().equals("*")) {
            // "*" is the schema's "no upper bound"; anything else must be a version to compare with.
            to = Version.tryParse(upper);
            if (to.isEmpty()) {
                unusable.add(field + " '" + upper + "'");
                return;
            }
        }
        for (VersionChange change : version.changes()) {
            Optional<Version> at = Version.tryParse(change.at());
            if (change.status().equalsIgnoreCase("unaffected") && at.isPresent() && (to.isEmpty() || at.get().compareTo(to.get()) <= 0)) {
                to = at;
                inclusive = false;
                break;
            }
        }
        spans.add(new Span(from, to, inclusive));
    }

    /** True when the record has an {@code affected[]} entry for the product at all. */
    boolean listed()
    {
        return listed;
    }

    /** True when the record gives at least one comparable range for the product. */
    boolean usable()
    {
        return !spans.isEmpty();
    }

    /** The version texts of the product's entries that could not be compared. */
    List<String> unusable()
    {
        return unusable;
    }

    boolean affects(Version build)
    {
        for (Span span : spans) {
            if (span.contains(build)) {
                return true;
            }
        }
        return false;
    }

    /** True when every affected span ends before {@code build}: the build lies on a later line than any fix. */
    boolean allEndBefore(Version build)
    {
        for (Span span : spans) {
            if (span.to().isEmpty()) {
                return false;
            }
            int order = build.compareTo(span.to().get());
            if (order < 0 || (order == 0 && span.toInclusive())) {
                return false;
            }
        }
        return true;
    }

    /** Where the vulnerable builds are, e.g. {@code before 16.0.10417.20037}. */
    String vulnerableSide()
    {
        StringBuilder text = new StringBuilder();
        for (Span span : spans) {
            if (text.length() > 0) {
                text.append(" or ");
            }
            text.append(span.vulnerableSide());
        }
        return text.toString();
    }

    /** Where the fixed builds are, e.g. {@code at or above 16.0.10417.20037}. */
    String fixedSide()
    {
        if (spans.size() == 1) {
            return spans.get(0).fixedSide();
        }
        return "outside the affected ranges (" + vulnerableSide() + ")";
    }
}
