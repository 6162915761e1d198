package dev.tradecraft.exposure.vuln;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.exposure.vuln.CveRecord.Affected;
import dev.tradecraft.exposure.vuln.SharePointVersion.Candidate;
import dev.tradecraft.exposure.vuln.SharePointVersion.Form;

/**
 * The verdict rules: what a shown version, the shipped builds and a CVE record's ranges say about
 * one CVE, with a reason a person can check against the tables.
 *
 * <ul>
 * <li>No version shown: ambiguous ({@value #VERSION_REMOVED}).</li>
 * <li>Header form {@code 16.0.0.X}: every shipped build on line X is compared with the record's
 * range for its product; all vulnerable, all fixed, or both (ambiguous, naming the last vulnerable
 * and the first fixed build). A line with no shipped build is judged by where the whole line lies:
 * below the fix line vulnerable, above it not vulnerable, the fix's own line ambiguous.</li>
 * <li>A full build is compared with the range directly.</li>
 * <li>A product the record lists without a comparable range ({@code 2019}, {@code publication}):
 * ambiguous, unless the next rule applies.</li>
 * <li>A product the record does not list: vulnerable when it is end of life and known to stay open
 * ({@value #END_OF_LIFE}); ambiguous when the record names SharePoint in a form no product answers
 * to, or when the product was already past end of support when the CVE was published (nobody
 * assessed it); not vulnerable when the record is not about SharePoint, or when the vendor assessed
 * the product and left it out.</li>
 * </ul>
 */
final class CveJudge
{
    static final String VERSION_REMOVED = "SharePoint-only headers present, version header removed";
    static final String END_OF_LIFE = "end of life: no fix exists (CISA: disconnect)";

    /** Beyond this many builds a list shows the first and the last only. */
    private static final int LISTED_BUILDS = 3;
    private static final int LISTED_PRODUCTS = 4;
    private static final String TOP_REVISION = "999999999999999999";

    private record Outcome(ExposureState state, String reason) {}

    private CveJudge() {}

    static CveVerdict judge(String cve, Optional<CveRecord> record, SharePointVersion version, List<SharePointProduct> products)
    {
        Form form = version.form();
        if (form == Form.ABSENT) {
            return new CveVerdict(cve, ExposureState.AMBIGUOUS, VERSION_REMOVED);
        }
        if (form == Form.UNPARSEABLE) {
            return new CveVerdict(cve, ExposureState.AMBIGUOUS, "version '" + version.shown() + "' is not a dotted build number; the build cannot be compared");
        }
        if (form == Form.PRODUCT_ONLY) {
            return new CveVerdict(cve, ExposureState.AMBIGUOUS,
                    "version " + version.shown() + " names the product family only, not a build line; the build cannot be compared");
        }
        if (version.candidates().isEmpty()) {
            return new CveVerdict(cve, ExposureState.AMBIGUOUS, withOnlineNote(version,
                    "no known SharePoint product owns build line " + lineName(version) + " (" + label(version) + "); the build cannot be compared"));
        }
        if (record.isEmpty()) {
            return new CveVerdict(cve, ExposureState.AMBIGUOUS, "no CVE record for " + cve + " is loaded; the build cannot be compared");
        }
        List<Outcome> outcomes = new ArrayList<>(version.candidates().size());
        for (Candidate candidate : version.candidates()) {
            outcomes.add(candidate(cve, record.get(), version, candidate, products));
        }
        Outcome combined = combine(outcomes);
        return new CveVerdict(cve, combined.state(), withOnlineNote(version, combined.reason()));
    }

    private static Outcome candidate(String cve, CveRecord record, SharePointVersion version, Candidate candidate, List<SharePointProduct> products)
    {
        SharePointProduct product = candidate.product();
        FixRange range = FixRange.of(record, product);
        if (range.usable()) {
            return version.form() == Form.FULL_BUILD ? fullBuild(version, candidate, range) : headerLine(version, candidate, range);
        }
        if (product.unfixedAfterEndOfLife().contains(cve)) {
            return new Outcome(ExposureState.VULNERABLE, END_OF_LIFE + "; " + product.name() + " is absent from the " + cve + " record");
        }
        if (range.listed()) {
            String what = range.unusable().isEmpty() ? "no affected range" : String.join(", ", range.unusable());
            return new Outcome(ExposureState.AMBIGUOUS, "the " + cve + " record lists " + product.name() + " without a comparable build range (" + what + ")");
        }
        List<String> unmapped = unmappedSharePointNames(record, products);
        if (!unmapped.isEmpty()) {
            return new Outcome(ExposureState.AMBIGUOUS, "the " + cve + " record names " + String.join(", ", unmapped)
                    + " in a form not matched to a product, so whether " + product.name() + " is affected cannot be told");
        }
        if (!namesSharePoint(record)) {
            return new Outcome(ExposureState.NOT_VULNERABLE,
                    "the " + cve + " record names no SharePoint product (it names " + recordProducts(record) + "), not vulnerable");
        }
        Optional<Instant> published = record.datePublished();
        if (published.isPresent() && product.pastEndOfSupport(published.get().atOffset(ZoneOffset.UTC).toLocalDate())) {
            return new Outcome(ExposureState.AMBIGUOUS, product.name() + " was past end of support (" + product.endOfSupport().get() + ") when "
                    + cve + " was published and is absent from its record; nothing says whether it is affected");
        }
        return new Outcome(ExposureState.NOT_VULNERABLE,
                "the " + cve + " record lists no affected range for " + product.name() + " (it names " + recordProducts(record) + "), not vulnerable");
    }

    /** True when an {@code affected[]} entry is about SharePoint at all. */
    private static boolean namesSharePoint(CveRecord record)
    {
        for (Affected affected : record.affected()) {
            if (mentionsSharePoint(affected.product())) {
                return true;
            }
        }
        return false;
    }

    /** The SharePoint product names of the record that no known product answers to, quoted. */
    private static List<String> unmappedSharePointNames(CveRecord record, List<SharePointProduct> products)
    {
        List<String> unmapped = new ArrayList<>();
        for (Affected affected : record.affected()) {
            if (!mentionsSharePoint(affected.product())) {
                continue;
            }
            boolean mapped = false;
            for (SharePointProduct known : products) {
                mapped |= FixRange.names(affected, known);
            }
            String quoted = "'" + affected.product() + "'";
            if (!mapped && !unmapped.contains(quoted)) {
                unmapped.add(quoted);
            }
        }
        return unmapped;
    }

    private static boolean mentionsSharePoint(String product)
    {
        // The knowledge base is about SharePoint: any product name with the word is a SharePoint product.
        return product.toLowerCase(Locale.ROOT).contains("sharepoint");
    }

    private static Outcome headerLine(SharePointVersion version, Candidate candidate, FixRange range)
    {
        String product = candidate.product().name();
        String header = label(version);
        List<ShippedBuild> builds = candidate.shippedOnLine();
        if (builds.isEmpty()) {
            long major = version.version().get().component(0);
            long line = version.buildLine().getAsLong();
            boolean lowAffected = range.affects(Version.parse(major + ".0." + line + ".0"));
            boolean highAffected = range.affects(Version.parse(major + ".0." + line + "." + TOP_REVISION));
            String start = header + " is build line " + lineName(version) + " of " + product + ", which is not in the shipped-build table; ";
            if (lowAffected && highAffected) {
                return new Outcome(ExposureState.VULNERABLE, start + "every build on that line is " + range.vulnerableSide() + ", vulnerable");
            }
            if (!lowAffected && !highAffected) {
                String where = range.allEndBefore(Version.parse(major + ".0." + line + ".0")) ? "a later build line" : "a build line outside the affected range";
                return new Outcome(ExposureState.NOT_VULNERABLE, start + "every build on that line is " + range.fixedSide() + " (" + where + "), not vulnerable");
            }
            return new Outcome(ExposureState.AMBIGUOUS, start + "the line holds builds both " + range.vulnerableSide() + " and "
                    + range.fixedSide() + " (the fix's own line), ambiguous");
        }
        List<ShippedBuild> vulnerable = new ArrayList<>();
        List<ShippedBuild> fixed = new ArrayList<>();
        for (ShippedBuild build : builds) {
            if (range.affects(build.build())) {
                vulnerable.add(build);
            }
            else {
                fixed.add(build);
            }
        }
        if (fixed.isEmpty()) {
            return new Outcome(ExposureState.VULNERABLE, header + " fits only builds " + range.vulnerableSide() + ": " + list(vulnerable)
                    + " (" + count(vulnerable.size()) + " of " + product + "), vulnerable");
        }
        if (vulnerable.isEmpty()) {
            return new Outcome(ExposureState.NOT_VULNERABLE, header + " fits only builds " + range.fixedSide() + ": " + list(fixed)
                    + " (" + count(fixed.size()) + " of " + product + "), not vulnerable");
        }
        return new Outcome(ExposureState.AMBIGUOUS, header + " fits " + vulnerable.get(vulnerable.size() - 1) + ", vulnerable, and " + fixed.get(0)
                + ", fixed (" + product + ": " + count(vulnerable.size()) + " " + range.vulnerableSide() + ", " + count(fixed.size()) + " "
                + range.fixedSide() + ")");
    }

    private static Outcome fullBuild(SharePointVersion version, Candidate candidate, FixRange range)
    {
        Version build = version.version().get();
        String shipped = " (not in the shipped-build table)";
        for (ShippedBuild known : candidate.shippedOnLine()) {
            if (known.build().equals(build)) {
                shipped = " (shipped as " + known.name() + kbSuffix(known) + ")";
            }
        }
        String start = "build " + build + " of " + candidate.product().name() + " is ";
        if (range.affects(build)) {
            return new Outcome(ExposureState.VULNERABLE, start + range.vulnerableSide() + ", vulnerable" + shipped);
        }
        return new Outcome(ExposureState.NOT_VULNERABLE, start + range.fixedSide() + ", not vulnerable" + shipped);
    }

    private static String kbSuffix(ShippedBuild build)
    {
        if (build.kb().isEmpty()) {
            return "";
        }
        return ", " + build.kb().get();
    }

    private static Outcome combine(List<Outcome> outcomes)
    {
        if (outcomes.size() == 1) {
            return outcomes.get(0);
        }
        ExposureState state = outcomes.get(0).state();
        boolean agree = true;
        StringBuilder reasons = new StringBuilder();
        for (Outcome outcome : outcomes) {
            agree &= outcome.state() == state;
            if (reasons.length() > 0) {
                reasons.append("; ");
            }
            reasons.append(outcome.reason());
        }
        if (!agree) {
            return new Outcome(ExposureState.AMBIGUOUS, "the build line fits several products with different verdicts: " + reasons);
        }
        return new Outcome(state, reasons.toString());
    }

    private static String withOnlineNote(SharePointVersion version, String reason)
    {
        if (!version.sharePointOnlineRange()) {
            return reason;
        }
        return reason + "; " + label(version) + " also lies in SharePoint Online's range (above every shipped on-prem build line)";
    }

    private static String label(SharePointVersion version)
    {
        return (version.form() == Form.FULL_BUILD ? "build " : "header ") + version.shown();
    }

    private static String lineName(SharePointVersion version)
    {
        return version.version().get().component(0) + ".0." + version.buildLine().getAsLong();
    }

    private static String list(List<ShippedBuild> builds)
    {
        if (builds.size() > LISTED_BUILDS) {
            return builds.get(0) + " … " + builds.get(builds.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        for (ShippedBuild build : builds) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(build);
        }
        return text.toString();
    }

    private static String count(int builds)
    {
        return builds == 1 ? "1 shipped build" : builds + " shipped builds";
    }

    private static String recordProducts(CveRecord record)
    {
        List<String> names = new ArrayList<>();
        for (Affected affected : record.affected()) {
            if (!names.contains(affected.product())) {
                names.add(affected.product());
            }
        }
        if (names.isEmpty()) {
            return "no products";
        }
        if (names.size() <= LISTED_PRODUCTS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_PRODUCTS)) + " and " + (names.size() - LISTED_PRODUCTS) + " more";
    }
}
