package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.vuln.CveRecord.Affected;
import dev.tradecraft.exposure.vuln.CveRecord.AffectedVersion;
import dev.tradecraft.exposure.vuln.CveRecord.CpeConfiguration;
import dev.tradecraft.exposure.vuln.CveRecord.CpeMatch;
import dev.tradecraft.exposure.vuln.CveRecord.CpeNode;
import dev.tradecraft.exposure.vuln.CveRecord.Cvss;
import dev.tradecraft.exposure.vuln.CveRecord.KevListing;
import dev.tradecraft.exposure.vuln.CveRecord.VersionChange;

/**
 * Turns the JSON tree of one CVE JSON 5 record into a {@link CveRecord}. Every part is optional
 * except {@code cveMetadata.cveId}: a part of the wrong shape is reported with its line and left
 * out, and the rest of the record is kept.
 */
final class CveRecordParser
{
    private static final String[] CVSS_KEYS = {"cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0"};

    private final String source;
    private final List<VulnProblem> problems;

    CveRecordParser(String source, List<VulnProblem> problems)
    {
        this.source = requireNonNull(source, "source is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    Optional<CveRecord> parse(JsonNode root)
    {
        if (!root.isObject()) {
            report(root.line(), VulnProblemKind.NOT_A_CVE_RECORD, "the document is " + root.describe() + ", not a CVE record object; file skipped");
            return Optional.empty();
        }
        JsonNode metadata = root.get("cveMetadata");
        Optional<String> rawId = metadata.get("cveId").string();
        if (rawId.isEmpty()) {
            report(root.line(), VulnProblemKind.NOT_A_CVE_RECORD, "no cveMetadata.cveId: not a CVE JSON 5 record; file skipped");
            return Optional.empty();
        }
        String id = rawId.get().strip().toUpperCase(Locale.ROOT);
        if (!isCveId(id)) {
            report(metadata.get("cveId").line(), VulnProblemKind.NOT_A_CVE_RECORD, "cveMetadata.cveId '" + rawId.get() + "' is not a CVE id; file skipped");
            return Optional.empty();
        }
        JsonNode cna = root.get("containers").get("cna");
        List<JsonNode> adps = array(root.get("containers").get("adp"), "containers.adp", root.line());
        List<Cvss> cvss = new ArrayList<>();
        metrics(cna.get("metrics"), "cna", "containers.cna.metrics", cna.line(), cvss);
        Optional<KevListing> kev = Optional.empty();
        for (int i = 0; i < adps.size(); i++) {
            JsonNode adp = adps.get(i);
            String path = "containers.adp[" + i + "]";
            String adpName = "adp:" + text(adp.get("providerMetadata").get("shortName"), path + ".providerMetadata.shortName", adp.line()).orElse(Integer.toString(i));
            metrics(adp.get("metrics"), adpName, path + ".metrics", adp.line(), cvss);
            Optional<KevListing> listing = kevListing(adp.get("metrics"), path + ".metrics", adp.line());
            if (kev.isEmpty()) {
                kev = listing;
            }
        }
        return Optional.of(new CveRecord(
                id,
                text(metadata.get("state"), "cveMetadata.state", metadata.line()),
                instant(metadata.get("datePublished"), "cveMetadata.datePublished", metadata.line()),
                instant(metadata.get("dateUpdated"), "cveMetadata.dateUpdated", metadata.line()),
                instant(cna.get("datePublic"), "containers.cna.datePublic", cna.line()),
                text(cna.get("title"), "containers.cna.title", cna.line()),
                description(cna.get("descriptions")),
                cwes(cna.get("problemTypes")),
                affected(cna.get("affected"), cna.line()),
                cpeApplicability(cna.get("cpeApplicability"), cna.line()),
                cvss,
                kev,
                source));
    }

    static boolean isCveId(String id)
    {
        // CVE-YYYY-NNNN with four or more digits in the sequence number.
        if (id.length() < 13 || !id.startsWith("CVE-") || id.charAt(8) != '-') {
            return false;
        }
        for (int i = 4; i < id.length(); i++) {
            char c = id.charAt(i);
            if (i != 8 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> description(JsonNode descriptions)
    {
        List<JsonNode> items = array(descriptions, "containers.cna.descriptions", descriptions.line());
        Optional<String> first = Optional.empty();
        for (JsonNode item : items) {
            Optional<String> value = item.get("value").string();
            if (value.isEmpty()) {
                continue;
            }
            String lang = item.get("lang").string().orElse("");
            if (lang.regionMatches(true, 0, "en", 0, 2)) {
                return value;
            }
            if (first.isEmpty()) {
                first = value;
            }
        }
        return first;
    }

    private List<String> cwes(JsonNode problemTypes)
    {
        List<String> cwes = new ArrayList<>();
        for (JsonNode problemType : array(problemTypes, "containers.cna.problemTypes", problemTypes.line())) {
            for (JsonNode description : problemType.get("descriptions").items()) {
                Optional<String> cwe = description.get("cweId").string();
                if (cwe.isPresent() && !cwes.contains(cwe.get())) {
                    cwes.add(cwe.get());
                }
            }
        }
        return cwes;
    }

    private List<Affected> affected(JsonNode node, int parentLine)
    {
        List<Affected> affected = new ArrayList<>();
        List<JsonNode> items = array(node, "containers.cna.affected", parentLine);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "containers.cna.affected[" + i + "]";
            if (!item.isObject()) {
                report(item.line(), VulnProblemKind.BAD_FIELD, path + " is " + item.describe() + ", not an object; skipped");
                continue;
            }
            Optional<String> product = text(item.get("product"), path + ".product", item.line());
            if (product.isEmpty()) {
                product = text(item.get("packageName"), path + ".packageName", item.line());
            }
            if (product.isEmpty()) {
                report(item.line(), VulnProblemKind.BAD_FIELD, path + " names no product or packageName; skipped");
                continue;
            }
            affected.add(new Affected(
                    text(item.get("vendor"), path + ".vendor", item.line()),
                    product.get(),
                    versions(item.get("versions"), path + ".versions", item.line()),
                    text(item.get("defaultStatus"), path + ".defaultStatus", item.line()),
                    strings(item.get("cpes"), path + ".cpes", item.line()),
                    strings(item.get("platforms"), path + ".platforms", item.line())));
        }
        return affected;
    }

    private List<AffectedVersion> versions(JsonNode node, String path, int parentLine)
    {
        List<AffectedVersion> versions = new ArrayList<>();
        List<JsonNode> items = array(node, path, parentLine);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> version = text(item.get("version"), itemPath + ".version", item.line());
            Optional<String> status = text(item.get("status"), itemPath + ".status", item.line());
            if (version.isEmpty() || status.isEmpty()) {
                report(item.line(), VulnProblemKind.BAD_FIELD, itemPath + " lacks version or status; skipped");
                continue;
            }
            List<VersionChange> changes = new ArrayList<>();
            for (JsonNode change : array(item.get("changes"), itemPath + ".changes", item.line())) {
                Optional<String> at = change.get("at").string();
                Optional<String> changeStatus = change.get("status").string();
                if (at.isEmpty() || changeStatus.isEmpty() || changeStatus.get().isBlank()) {
                    report(change.line(), VulnProblemKind.BAD_FIELD, itemPath + ".changes has an entry without at or status; entry skipped");
                    continue;
                }
                changes.add(new VersionChange(at.get(), changeStatus.get()));
            }
            versions.add(new AffectedVersion(
                    version.get(),
                    text(item.get("lessThan"), itemPath + ".lessThan", item.line()),
                    text(item.get("lessThanOrEqual"), itemPath + ".lessThanOrEqual", item.line()),
                    text(item.get("versionType"), itemPath + ".versionType", item.line()),
                    status.get(),
                    changes));
        }
        return versions;
    }

    private List<CpeConfiguration> cpeApplicability(JsonNode node, int parentLine)
    {
        List<CpeConfiguration> configurations = new ArrayList<>();
        List<JsonNode> items = array(node, "containers.cna.cpeApplicability", parentLine);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "containers.cna.cpeApplicability[" + i + "]";
            List<CpeNode> nodes = new ArrayList<>();
            List<JsonNode> nodeItems = array(item.get("nodes"), path + ".nodes", item.line());
            for (int n = 0; n < nodeItems.size(); n++) {
                JsonNode nodeItem = nodeItems.get(n);
                String nodePath = path + ".nodes[" + n + "]";
                List<CpeMatch> matches = new ArrayList<>();
                List<JsonNode> matchItems = array(nodeItem.get("cpeMatch"), nodePath + ".cpeMatch", nodeItem.line());
                for (int m = 0; m < matchItems.size(); m++) {
                    JsonNode match = matchItems.get(m);
                    String matchPath = nodePath + ".cpeMatch[" + m + "]";
                    Optional<String> criteria = text(match.get("criteria"), matchPath + ".criteria", match.line());
                    Optional<Boolean> vulnerable = match.get("vulnerable").bool();
                    if (criteria.isEmpty() || vulnerable.isEmpty()) {
                        report(match.line(), VulnProblemKind.BAD_FIELD, matchPath + " lacks criteria or vulnerable; skipped");
                        continue;
                    }
                    matches.add(new CpeMatch(
                            criteria.get(),
                            vulnerable.get(),
                            text(match.get("versionStartIncluding"), matchPath + ".versionStartIncluding", match.line()),
                            text(match.get("versionStartExcluding"), matchPath + ".versionStartExcluding", match.line()),
                            text(match.get("versionEndIncluding"), matchPath + ".versionEndIncluding", match.line()),
                            text(match.get("versionEndExcluding"), matchPath + ".versionEndExcluding", match.line())));
                }
                Optional<String> operator = text(nodeItem.get("operator"), nodePath + ".operator", nodeItem.line());
                if (operator.isEmpty()) {
                    report(nodeItem.line(), VulnProblemKind.BAD_FIELD, nodePath + " has no operator; OR assumed");
                }
                nodes.add(new CpeNode(operator.orElse("OR"), nodeItem.get("negate").bool().orElse(false), matches));
            }
            configurations.add(new CpeConfiguration(
                    text(item.get("operator"), path + ".operator", item.line()),
                    item.get("negate").bool().orElse(false),
                    nodes));
        }
        return configurations;
    }

    private void metrics(JsonNode node, String sourceName, String path, int parentLine, List<Cvss> scores)
    {
        List<JsonNode> items = array(node, path, parentLine);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            for (String key : CVSS_KEYS) {
                JsonNode score = item.get(key);
                if (score.isMissing()) {
                    continue;
                }
                String scorePath = path + "[" + i + "]." + key;
                Optional<Double> baseScore = score.get("baseScore").number();
                if (baseScore.isEmpty() || baseScore.get() < 0 || baseScore.get() > 10) {
                    report(score.line(), VulnProblemKind.BAD_FIELD, scorePath + ".baseScore is missing or not a number in [0,10]; score skipped");
                    continue;
                }
                String version = score.get("version").string().orElse(versionOfKey(key));
                scores.add(new Cvss(sourceName, version, baseScore.get(),
                        text(score.get("baseSeverity"), scorePath + ".baseSeverity", score.line()),
                        text(score.get("vectorString"), scorePath + ".vectorString", score.line())));
            }
        }
    }

    private static String versionOfKey(String key)
    {
        // cvssV3_1 -> 3.1
        return key.substring(5).replace('_', '.');
    }

    private Optional<KevListing> kevListing(JsonNode metrics, String path, int parentLine)
    {
        for (JsonNode item : array(metrics, path, parentLine)) {
            JsonNode other = item.get("other");
            if (!"kev".equals(other.get("type").string().orElse(""))) {
                continue;
            }
            JsonNode content = other.get("content");
            Optional<String> dateAdded = content.get("dateAdded").string();
            if (dateAdded.isEmpty()) {
                report(other.line(), VulnProblemKind.BAD_FIELD, path + " has a kev entry without content.dateAdded; ignored");
                continue;
            }
            try {
                return Optional.of(new KevListing(LocalDate.parse(dateAdded.get().strip()),
                        text(content.get("reference"), path + ".other.content.reference", content.line())));
            }
            catch (DateTimeParseException e) {
                report(content.get("dateAdded").line(), VulnProblemKind.BAD_DATE,
                        path + " kev dateAdded '" + dateAdded.get() + "' is not a YYYY-MM-DD date; ignored");
            }
        }
        return Optional.empty();
    }

    private List<JsonNode> array(JsonNode node, String path, int parentLine)
    {
        if (node.isArray()) {
            return node.items();
        }
        if (!node.isMissing() && node.kind() != JsonNode.Kind.NULL) {
            report(lineOf(node, parentLine), VulnProblemKind.BAD_FIELD, path + " is " + node.describe() + ", not an array; ignored");
        }
        return List.of();
    }

    private List<String> strings(JsonNode node, String path, int parentLine)
    {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(node, path, parentLine)) {
            Optional<String> value = item.string();
            if (value.isPresent() && !value.get().isBlank()) {
                values.add(value.get());
            }
            else {
                report(lineOf(item, parentLine), VulnProblemKind.BAD_FIELD, path + " holds " + item.describe() + ", not a string; item ignored");
            }
        }
        return values;
    }

    /** The string at {@code node}: empty when absent, null or blank; reported when of another type. */
    private Optional<String> text(JsonNode node, String path, int parentLine)
    {
        if (node.isMissing() || node.kind() == JsonNode.Kind.NULL) {
            return Optional.empty();
        }
        Optional<String> value = node.string();
        if (value.isEmpty()) {
            report(lineOf(node, parentLine), VulnProblemKind.BAD_FIELD, path + " is " + node.describe() + ", not a string; ignored");
            return Optional.empty();
        }
        return value.get().isBlank() ? Optional.empty() : value;
    }

    private Optional<Instant> instant(JsonNode node, String path, int parentLine)
    {
        Optional<String> value = text(node, path, parentLine);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = parseInstant(value.get().strip());
        if (instant.isEmpty()) {
            report(lineOf(node, parentLine), VulnProblemKind.BAD_DATE, path + " '" + value.get() + "' is not an ISO-8601 date or time; ignored");
        }
        return instant;
    }

    /** ISO-8601 with or without an offset (no offset means UTC, as older records write it), or a bare date. */
    static Optional<Instant> parseInstant(String value)
    {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        }
        catch (DateTimeParseException e) {
            // Not with an offset; try the forms without one.
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        }
        catch (DateTimeParseException e) {
            // Not a local date-time either.
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int lineOf(JsonNode node, int parentLine)
    {
        return node.isMissing() ? parentLine : node.line();
    }

    private void report(int line, VulnProblemKind kind, String message)
    {
        problems.add(new VulnProblem(SourcePosition.line(source, Math.max(line, 0)), kind, message));
    }
}
