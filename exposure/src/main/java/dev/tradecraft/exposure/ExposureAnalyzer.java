package dev.tradecraft.exposure;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.fingerprint.RecogDatabases;
import dev.tradecraft.exposure.identify.BuiltInFingerprints;
import dev.tradecraft.exposure.identify.Identification;
import dev.tradecraft.exposure.identify.ServiceIdentifier;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.vuln.SharePointVersion;
import dev.tradecraft.exposure.vuln.ShippedBuild;
import dev.tradecraft.exposure.vuln.VulnerabilityKnowledge;

/**
 * From a scan banner to an exposure: identify the service with the fingerprints, read the
 * SharePoint version it shows against the table of shipped builds, and judge each CVE asked.
 * SharePoint Online — by its own headers or names, or by a version line above every on-premises
 * build — is recognised and gets no verdict: it is Microsoft's service, not the organisation's
 * server. Immutable and thread-safe.
 */
public final class ExposureAnalyzer
{
    public static final String DEFAULT_CVE = "CVE-2025-53770";

    private final ServiceIdentifier identifier;
    private final VulnerabilityKnowledge knowledge;
    private final List<String> cves;
    private final Map<String, Judged> judgedVersions = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 100_000;

    private ExposureAnalyzer(Builder builder)
    {
        // The two built-in loads are independent and each takes a noticeable part of a second: side by side.
        CompletableFuture<VulnerabilityKnowledge> knowledge = builder.knowledge != null
                ? CompletableFuture.completedFuture(builder.knowledge)
                : CompletableFuture.supplyAsync(() -> VulnerabilityKnowledge.builtIn(null, null), ExposureAnalyzer::loadInBackground);
        this.identifier = new ServiceIdentifier(builder.fingerprints != null ? builder.fingerprints : BuiltInFingerprints.load());
        this.knowledge = joined(knowledge);
        this.cves = List.copyOf(builder.cves);
    }

    private static VulnerabilityKnowledge joined(CompletableFuture<VulnerabilityKnowledge> loading)
    {
        try {
            return loading.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void loadInBackground(Runnable load)
    {
        Thread thread = new Thread(load, "tradecraft-knowledge-load");
        thread.setDaemon(true);
        thread.start();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public List<String> cves()
    {
        return cves;
    }

    public VulnerabilityKnowledge knowledge()
    {
        return knowledge;
    }

    public Exposure analyze(Banner banner)
    {
        Identification identification = identifier.identify(banner);
        ServiceKind kind = identification.kind();
        String product = identification.product();
        List<String> reasons = new ArrayList<>(identification.reasons());
        Optional<String> build = Optional.empty();
        List<CveVerdict> verdicts = new ArrayList<>();
        if (kind == ServiceKind.SHAREPOINT_ONPREM) {
            Judged judged = judge(identification.versionShown().orElse(""), product);
            if (judged.online()) {
                kind = ServiceKind.SHAREPOINT_ONLINE;
                product = "SharePoint Online";
                reasons.add(judged.explanation());
            }
            else {
                product = judged.product();
                build = judged.build();
                verdicts.addAll(judged.verdicts());
            }
        }
        return new Exposure(banner.address(), banner.port(), hostnames(banner.hostnames()), banner.organisation(), banner.asn(), banner.country(),
                kind, product, identification.versionShown(), build, reasons, verdicts, banner.position());
    }

    /** Lower-cased, sorted, without duplicates; most banners have one name or none. */
    private static List<String> hostnames(List<String> names)
    {
        if (names.isEmpty()) {
            return List.of();
        }
        if (names.size() == 1) {
            return List.of(names.get(0).toLowerCase(Locale.ROOT));
        }
        TreeSet<String> sorted = new TreeSet<>();
        names.forEach(name -> sorted.add(name.toLowerCase(Locale.ROOT)));
        return List.copyOf(sorted);
    }

    /** What a shown version means, worked out once per distinct value: scans repeat a few hundred values millions of times. */
    private record Judged(boolean online, String explanation, String product, Optional<String> build, List<CveVerdict> verdicts) {}

    private Judged judge(String shown, String fallbackProduct)
    {
        String key = shown + "\u0000" + fallbackProduct;
        Judged judged = judgedVersions.get(key);
        if (judged != null) {
            return judged;
        }
        SharePointVersion version = shown.isEmpty() ? SharePointVersion.absent() : knowledge.resolve(shown);
        List<CveVerdict> verdicts = new ArrayList<>(cves.size());
        if (!version.sharePointOnlineRange()) {
            for (String cve : cves) {
                verdicts.add(knowledge.judge(cve, version));
            }
        }
        judged = new Judged(version.sharePointOnlineRange(), version.explanation(), productName(version, fallbackProduct), singleBuild(version),
                List.copyOf(verdicts));
        if (judgedVersions.size() < MEMO_LIMIT) {
            judgedVersions.put(key, judged);
        }
        return judged;
    }

    private static String productName(SharePointVersion version, String fallback)
    {
        List<String> names = version.productNames();
        if (names.isEmpty()) {
            return fallback;
        }
        return String.join(" or ", names);
    }

    /** The build, when the version is a full one or its line holds exactly one shipped build. */
    private static Optional<String> singleBuild(SharePointVersion version)
    {
        if (version.form() == SharePointVersion.Form.FULL_BUILD) {
            return version.version().map(dev.tradecraft.exposure.vuln.Version::text);
        }
        List<ShippedBuild> shipped = new ArrayList<>();
        version.candidates().forEach(candidate -> shipped.addAll(candidate.shippedOnLine()));
        if (shipped.size() == 1) {
            return Optional.of(shipped.get(0).build().text());
        }
        return Optional.empty();
    }

    public static final class Builder
    {
        private RecogDatabases fingerprints;
        private VulnerabilityKnowledge knowledge;
        private List<String> cves = List.of(DEFAULT_CVE);

        private Builder() {}

        /** Fingerprint databases instead of the built-in ones. */
        public Builder fingerprints(RecogDatabases databases)
        {
            this.fingerprints = requireNonNull(databases, "databases is null");
            return this;
        }

        public Builder knowledge(VulnerabilityKnowledge knowledge)
        {
            this.knowledge = requireNonNull(knowledge, "knowledge is null");
            return this;
        }

        public Builder cves(List<String> cves)
        {
            checkArgument(!cves.isEmpty(), "at least one CVE is needed");
            List<String> upper = new ArrayList<>();
            for (String cve : cves) {
                checkArgument(cve.toUpperCase(Locale.ROOT).matches("CVE-\\d{4}-\\d{4,19}"), "not a CVE id: '%s'", cve);
                upper.add(cve.toUpperCase(Locale.ROOT));
            }
            this.cves = List.copyOf(upper);
            return this;
        }

        public ExposureAnalyzer build()
        {
            return new ExposureAnalyzer(this);
        }
    }
}
