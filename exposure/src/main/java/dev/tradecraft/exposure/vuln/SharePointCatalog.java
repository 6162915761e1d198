package dev.tradecraft.exposure.vuln;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.SourcePosition;

/**
 * The SharePoint products and the builds they shipped, from {@code products.csv} and
 * {@code shipped-builds.csv}, indexed by build line. Loading checks the two tables against each
 * other: a build outside its product's lines, a build of an unknown product or two products owning
 * the same line is a problem, so a wrong row cannot silently move a header to another product.
 */
final class SharePointCatalog
{
    static final List<String> PRODUCT_COLUMNS = List.of("id", "name", "major", "line_min", "line_max", "kind", "end_of_support",
            "eol_unfixed_cves", "record_names", "cpes", "note");
    static final List<String> BUILD_COLUMNS = List.of("product", "build", "name", "kb", "released", "evidence", "note");

    /** Key of the by-line index. */
    private record LineKey(String productId, long line) {}

    private final List<SharePointProduct> products;
    private final List<ShippedBuild> builds;
    private final Map<String, SharePointProduct> byId;
    private final Map<LineKey, List<ShippedBuild>> byLine;
    private final Map<Long, Long> highestOnPremLine;

    private SharePointCatalog(List<SharePointProduct> products, List<ShippedBuild> builds)
    {
        this.products = List.copyOf(products);
        List<ShippedBuild> sorted = new ArrayList<>(builds);
        sorted.sort(Comparator.comparing(ShippedBuild::productId).thenComparing(ShippedBuild::build));
        this.builds = List.copyOf(sorted);
        Map<String, SharePointProduct> ids = new LinkedHashMap<>();
        for (SharePointProduct product : products) {
            ids.put(product.id(), product);
        }
        this.byId = ids;
        Map<LineKey, List<ShippedBuild>> lines = new HashMap<>();
        for (ShippedBuild build : this.builds) {
            lines.computeIfAbsent(new LineKey(build.productId(), build.line()), key -> new ArrayList<>()).add(build);
        }
        for (Map.Entry<LineKey, List<ShippedBuild>> entry : lines.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        this.byLine = lines;
        Map<Long, Long> highest = new HashMap<>();
        for (ShippedBuild build : this.builds) {
            SharePointProduct product = ids.get(build.productId());
            if (!product.online()) {
                highest.merge(build.build().component(0), build.line(), Math::max);
            }
        }
        this.highestOnPremLine = highest;
    }

    /** No products and no builds: every version resolves to no candidate. */
    static SharePointCatalog empty()
    {
        return new SharePointCatalog(List.of(), List.of());
    }

    static SharePointCatalog read(BufferedReader productTable, String productName, BufferedReader buildTable, String buildName, List<VulnProblem> problems)
            throws IOException
    {
        List<SharePointProduct> products = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ContentCsv.Row row : ContentCsv.read(productTable, productName, PRODUCT_COLUMNS, problems)) {
            Optional<SharePointProduct> product = product(row, productName, problems);
            if (product.isEmpty()) {
                continue;
            }
            if (!ids.add(product.get().id())) {
                problems.add(problem(productName, row, VulnProblemKind.INCONSISTENT_CONTENT, "product id '" + product.get().id() + "' appears twice; row skipped"));
                continue;
            }
            products.add(product.get());
        }
        checkOverlaps(products, productName, problems);
        Map<String, SharePointProduct> byId = new HashMap<>();
        for (SharePointProduct product : products) {
            byId.put(product.id(), product);
        }
        List<ShippedBuild> builds = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (ContentCsv.Row row : ContentCsv.read(buildTable, buildName, BUILD_COLUMNS, problems)) {
            Optional<ShippedBuild> build = build(row, buildName, byId, problems);
            if (build.isEmpty()) {
                continue;
            }
            String key = build.get().productId() + " " + build.get().build();
            Long earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
                problems.add(problem(buildName, row, VulnProblemKind.INCONSISTENT_CONTENT,
                        build.get().build() + " of " + build.get().productId() + " is already listed on line " + earlier + "; row skipped"));
                continue;
            }
            builds.add(build.get());
        }
        return new SharePointCatalog(products, builds);
    }

    List<SharePointProduct> products()
    {
        return products;
    }

    List<ShippedBuild> builds()
    {
        return builds;
    }

    Optional<SharePointProduct> product(String id)
    {
        return Optional.ofNullable(byId.get(id));
    }

    /** The organisation-run products of {@code major} that own build line {@code line}. */
    List<SharePointProduct> onPremOwning(long major, long line)
    {
        List<SharePointProduct> owners = new ArrayList<>(1);
        for (SharePointProduct product : products) {
            if (!product.online() && product.major() == major && product.ownsLine(line)) {
                owners.add(product);
            }
        }
        return owners;
    }

    /** The builds {@code product} shipped on {@code line}, lowest first. */
    List<ShippedBuild> buildsOn(SharePointProduct product, long line)
    {
        List<ShippedBuild> builds = byLine.get(new LineKey(product.id(), line));
        return builds == null ? List.of() : builds;
    }

    /** True when some organisation-run product of {@code major} shipped a build on {@code line}. */
    boolean onPremShipped(long major, long line)
    {
        for (SharePointProduct product : products) {
            if (!product.online() && product.major() == major && byLine.containsKey(new LineKey(product.id(), line))) {
                return true;
            }
        }
        return false;
    }

    /** The highest line any organisation-run product of {@code major} shipped, or -1. */
    long highestOnPremLine(long major)
    {
        return highestOnPremLine.getOrDefault(major, -1L);
    }

    /** SharePoint Online's row for {@code major}, if the content has one. */
    Optional<SharePointProduct> online(long major)
    {
        for (SharePointProduct product : products) {
            if (product.online() && product.major() == major) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }

    private static Optional<SharePointProduct> product(ContentCsv.Row row, String name, List<VulnProblem> problems)
    {
        try {
            String kind = row.cell(5).toLowerCase(Locale.ROOT);
            if (!kind.equals("onprem") && !kind.equals("online")) {
                throw new IllegalArgumentException("kind must be onprem or online: '" + row.cell(5) + "'");
            }
            List<String> unfixed = ContentCsv.values(row.cell(7));
            for (String cve : unfixed) {
                if (!CveRecordParser.isCveId(cve)) {
                    throw new IllegalArgumentException("eol_unfixed_cves holds '" + cve + "', not a CVE id");
                }
            }
            return Optional.of(new SharePointProduct(
                    row.cell(0),
                    row.cell(1),
                    Integer.parseInt(row.cell(2)),
                    Long.parseLong(row.cell(3)),
                    row.cell(4).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(row.cell(4))),
                    kind.equals("online"),
                    row.cell(6).isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(row.cell(6))),
                    unfixed,
                    ContentCsv.values(row.cell(8)),
                    ContentCsv.values(row.cell(9)),
                    row.cell(10)));
        }
        catch (IllegalArgumentException | DateTimeParseException e) {
            // NumberFormatException is an IllegalArgumentException.
            problems.add(problem(name, row, VulnProblemKind.BAD_CONTENT_ROW, "product row does not parse (" + e.getMessage() + "); skipped"));
            return Optional.empty();
        }
    }

    private static Optional<ShippedBuild> build(ContentCsv.Row row, String name, Map<String, SharePointProduct> products, List<VulnProblem> problems)
    {
        SharePointProduct product = products.get(row.cell(0));
        if (product == null) {
            problems.add(problem(name, row, VulnProblemKind.INCONSISTENT_CONTENT, "product '" + row.cell(0) + "' is not in the product table; row skipped"));
            return Optional.empty();
        }
        Optional<Version> build = Version.tryParse(row.cell(1));
        if (build.isEmpty() || build.get().size() != 4) {
            problems.add(problem(name, row, VulnProblemKind.BAD_CONTENT_ROW, "build '" + row.cell(1) + "' is not a four-part build number; row skipped"));
            return Optional.empty();
        }
        if (build.get().component(0) != product.major() || !product.ownsLine(build.get().component(2))) {
            problems.add(problem(name, row, VulnProblemKind.INCONSISTENT_CONTENT,
                    "build " + build.get() + " is outside " + product.name() + "'s lines (" + product.major() + ".x." + product.lineMin() + " to "
                            + product.lineMax().map(String::valueOf).orElse("open") + "); row skipped"));
            return Optional.empty();
        }
        String evidence = row.cell(5);
        if (!evidence.equals("verified") && !evidence.equals("one-source")) {
            problems.add(problem(name, row, VulnProblemKind.BAD_CONTENT_ROW, "evidence must be verified or one-source: '" + evidence + "'; row skipped"));
            return Optional.empty();
        }
        String released = row.cell(4);
        if (!released.isEmpty() && !isReleaseDate(released)) {
            problems.add(problem(name, row, VulnProblemKind.BAD_CONTENT_ROW, "released must be YYYY, YYYY-MM or YYYY-MM-DD: '" + released + "'; row skipped"));
            return Optional.empty();
        }
        if (row.cell(2).isEmpty()) {
            problems.add(problem(name, row, VulnProblemKind.BAD_CONTENT_ROW, "build " + build.get() + " has no name; row skipped"));
            return Optional.empty();
        }
        return Optional.of(new ShippedBuild(product.id(), build.get(), row.cell(2),
                row.cell(3).isEmpty() ? Optional.empty() : Optional.of(row.cell(3)),
                released.isEmpty() ? Optional.empty() : Optional.of(released),
                evidence.equals("verified"),
                row.cell(6)));
    }

    static boolean isReleaseDate(String text)
    {
        try {
            return switch (text.length()) {
                case 4 -> Integer.parseInt(text) > 1990;
                case 7 -> LocalDate.parse(text + "-01") != null;
                case 10 -> LocalDate.parse(text) != null;
                default -> false;
            };
        }
        catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static void checkOverlaps(List<SharePointProduct> products, String name, List<VulnProblem> problems)
    {
        for (int i = 0; i < products.size(); i++) {
            for (int j = i + 1; j < products.size(); j++) {
                SharePointProduct a = products.get(i);
                SharePointProduct b = products.get(j);
                if (a.online() || b.online() || a.major() != b.major()) {
                    continue;
                }
                long aMax = a.lineMax().orElse(Long.MAX_VALUE);
                long bMax = b.lineMax().orElse(Long.MAX_VALUE);
                if (a.lineMin() <= bMax && b.lineMin() <= aMax) {
                    problems.add(new VulnProblem(SourcePosition.line(name, 0), VulnProblemKind.INCONSISTENT_CONTENT,
                            a.name() + " and " + b.name() + " both own build lines between " + Math.max(a.lineMin(), b.lineMin()) + " and "
                                    + Math.min(aMax, bMax) + "; a header on those lines fits both"));
                }
            }
        }
    }

    private static VulnProblem problem(String name, ContentCsv.Row row, VulnProblemKind kind, String message)
    {
        return new VulnProblem(SourcePosition.line(name, row.line()), kind, message);
    }
}
