package dev.tradecraft.server.response;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.ExposureState;
import dev.tradecraft.exposure.vuln.SharePointProduct;
import dev.tradecraft.exposure.vuln.SharePointVersion;
import dev.tradecraft.exposure.vuln.ShippedBuild;
import dev.tradecraft.exposure.vuln.VulnerabilityKnowledge;

/**
 * Which build fixes a CVE on each on-premises SharePoint product, read from the exposure module's
 * knowledge the same way a scanned server is judged: each shipped build is put to the verdict
 * rules, and the fix is the first build after which no shipped build is vulnerable. Asking the
 * verdict rules, rather than reading the CVE record's ranges here, keeps one definition of
 * "fixed" for the exposure counts and the response checklist.
 */
public final class FixedBuilds
{
    private final Map<String, FixedBuild> byProductName;
    private final List<SharePointProduct> products;
    private final VulnerabilityKnowledge knowledge;

    public FixedBuilds(VulnerabilityKnowledge knowledge, String cve)
    {
        this.knowledge = requireNonNull(knowledge, "knowledge is null");
        requireNonNull(cve, "cve is null");
        this.products = knowledge.products().stream().filter(product -> !product.online()).toList();
        Map<String, FixedBuild> fixes = new LinkedHashMap<>();
        for (SharePointProduct product : products) {
            fixes.put(product.name(), new FixedBuild(product.name(), firstFixed(knowledge, cve, product)));
        }
        this.byProductName = fixes;
    }

    /** Every on-premises product's fix, in the knowledge's product order. */
    public List<FixedBuild> all()
    {
        return List.copyOf(byProductName.values());
    }

    /**
     * The fixes that apply to a server showing {@code product} and {@code build} (or version
     * header): the products its build line belongs to, or the product named when the version
     * tells nothing. Empty when neither names a known on-premises product.
     */
    public List<FixedBuild> forServer(String product, Optional<String> version)
    {
        List<FixedBuild> fixes = new ArrayList<>();
        if (version.isPresent()) {
            SharePointVersion resolved = knowledge.resolve(version.get());
            for (SharePointVersion.Candidate candidate : resolved.candidates()) {
                FixedBuild fix = byProductName.get(candidate.product().name());
                if (fix != null && !fixes.contains(fix)) {
                    fixes.add(fix);
                }
            }
        }
        if (fixes.isEmpty()) {
            for (SharePointProduct known : products) {
                if (known.name().equalsIgnoreCase(product.strip()) || known.isNamed(product)) {
                    fixes.add(byProductName.get(known.name()));
                }
            }
        }
        return fixes;
    }

    private static Optional<ShippedBuild> firstFixed(VulnerabilityKnowledge knowledge, String cve, SharePointProduct product)
    {
        List<ShippedBuild> builds = knowledge.shippedBuilds().stream().filter(build -> build.productId().equals(product.id()))
                .sorted((a, b) -> a.build().compareTo(b.build())).toList();
        Optional<ShippedBuild> fixed = Optional.empty();
        for (ShippedBuild build : builds) {
            ExposureState state = knowledge.judge(cve, knowledge.resolve(build.build().text())).state();
            if (state == ExposureState.NOT_VULNERABLE) {
                if (fixed.isEmpty()) {
                    fixed = Optional.of(build);
                }
            }
            else {
                // A vulnerable (or undecidable) build after a fixed one: the fix is later still.
                fixed = Optional.empty();
            }
        }
        return fixed;
    }
}
