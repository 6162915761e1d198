package dev.tradecraft.campaigns.weight;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * How much sharing an artefact says about two intrusions having one operator.
 *
 * <p>weight(v) = typeWeight(type) × rarity(v), where rarity is the inverse document frequency over
 * organisations, normalised to (0, 1]: {@code ln(1 + N/df) / ln(1 + N)} for a value seen at
 * {@code df} of {@code N} organisations. A value is worth nothing when it is on the exclusion list,
 * or when it over-correlates: used from more distinct sources than {@link Options#overCorrelationLimit}
 * (MISP's correlation_limit, here counted in sources, not victims, and relative to the data: a
 * quarter of all sources by default, never below 100). A source is a client network (/24 for IPv4,
 * /48 for IPv6) or, for intrusions seen without an address, the organisation. One actor reaching
 * most victims from a few networks keeps its artefacts; a user agent that hundreds of unrelated
 * networks send loses it. A value that became public is commodity once either side used it on or
 * after that date: its weight is multiplied by {@link Options#commodityFactor}.
 *
 * <p>Types are operator evidence (infrastructure and habits: source address, contacted domain, user
 * agent, follow-on tools) or tooling evidence (what can be copied: hashes, dropper fingerprints,
 * webshell names and paths, request shapes). Shared tooling alone shows shared tools, not a shared
 * operator; {@code IntrusionGraph} uses the distinction.
 */
public final class ArtefactWeights
{
    private final Map<Observable, Integer> organisationCounts;
    private final Map<Observable, Integer> sourceCounts;
    private final int organisations;
    private final Map<Observable, Instant> publicSince = new HashMap<>();
    private final List<Exclusion> exclusions;
    private final Options options;
    private final int limit;
    private final double normaliser;

    /**
     * @param overCorrelationMinimum values at more organisations than max(this, fraction × N) are dropped
     * @param overCorrelationFraction see above
     * @param commodityFactor multiplier for a public artefact used after it became public
     */
    public record Options(int overCorrelationMinimum, double overCorrelationFraction, double commodityFactor)
    {
        public static final Options DEFAULTS = new Options(100, 0.25, 0.05);

        public Options
        {
            checkArgument(overCorrelationMinimum >= 1, "overCorrelationMinimum must be at least 1: %s", overCorrelationMinimum);
            checkArgument(overCorrelationFraction > 0 && overCorrelationFraction <= 1, "overCorrelationFraction must be in (0,1]: %s", overCorrelationFraction);
            checkArgument(commodityFactor >= 0 && commodityFactor <= 1, "commodityFactor must be in [0,1]: %s", commodityFactor);
        }

        public int overCorrelationLimit(int organisations)
        {
            return Math.max(overCorrelationMinimum, (int) Math.ceil(overCorrelationFraction * organisations));
        }
    }

    /** Weights where every organisation counts as its own source. */
    public ArtefactWeights(Map<Observable, Integer> organisationCounts, int organisations, List<PublicArtefact> publicArtefacts,
            List<Exclusion> exclusions, Options options)
    {
        this(organisationCounts, organisations, organisationCounts, organisations, publicArtefacts, exclusions, options);
    }

    /**
     * @param organisationCounts for each value, at how many organisations it was seen
     * @param organisations how many organisations have intrusions
     * @param sourceCounts for each value, from how many distinct sources it was used
     * @param sources how many distinct sources there are
     */
    public ArtefactWeights(Map<Observable, Integer> organisationCounts, int organisations, Map<Observable, Integer> sourceCounts, int sources,
            List<PublicArtefact> publicArtefacts, List<Exclusion> exclusions, Options options)
    {
        this.organisationCounts = Map.copyOf(requireNonNull(organisationCounts, "organisationCounts is null"));
        this.sourceCounts = Map.copyOf(requireNonNull(sourceCounts, "sourceCounts is null"));
        checkArgument(sources >= 0, "sources is negative: %s", sources);
        checkArgument(organisations >= 0, "organisations is negative: %s", organisations);
        this.organisations = organisations;
        for (PublicArtefact artefact : publicArtefacts) {
            publicSince.merge(artefact.observable(), artefact.publicSince(), (a, b) -> a.isBefore(b) ? a : b);
        }
        this.exclusions = List.copyOf(exclusions);
        this.options = requireNonNull(options, "options is null");
        this.limit = options.overCorrelationLimit(sources);
        this.normaliser = Math.log1p(Math.max(1, organisations));
    }

    public static double typeWeight(ObservableType type)
    {
        return switch (type) {
            case SOURCE_IP -> 1.0;
            case DOMAIN -> 0.9;
            case USER_AGENT -> 0.5;
            case TOOL -> 0.15;
            case FILE_HASH -> 1.0;
            case COMMAND_FINGERPRINT -> 0.9;
            case WEBSHELL_NAME -> 0.6;
            case WEBSHELL_PATH -> 0.2;
            case REQUEST_VARIANT -> 0.4;
            case REQUEST_SIZE -> 0.2;
        };
    }

    /** Infrastructure and habits of the people at the keyboard, as opposed to copyable tooling. */
    public static boolean isOperatorType(ObservableType type)
    {
        return switch (type) {
            case SOURCE_IP, DOMAIN, USER_AGENT, TOOL -> true;
            case FILE_HASH, COMMAND_FINGERPRINT, WEBSHELL_NAME, WEBSHELL_PATH, REQUEST_VARIANT, REQUEST_SIZE -> false;
        };
    }

    /**
     * A library's or tool's default user agent ({@code python-requests/2.32.3}, {@code curl/8.5.0}):
     * whoever runs the same script sends it, so it ties intrusions only when they are close in time.
     */
    public static boolean isLibraryAgent(String agent)
    {
        String lower = agent.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : LIBRARY_AGENTS) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> LIBRARY_AGENTS = List.of("python-requests/", "python-urllib/", "python-httpx/", "aiohttp/", "curl/",
            "wget/", "go-http-client/", "okhttp/", "java/", "apache-httpclient/", "libwww-perl/", "powershell/", "ruby", "axios/", "node-fetch/");

    public int organisationCount(Observable value)
    {
        return organisationCounts.getOrDefault(value, 0);
    }

    public int overCorrelationLimit()
    {
        return limit;
    }

    public boolean excluded(Observable value)
    {
        for (Exclusion exclusion : exclusions) {
            if (exclusion.matches(value)) {
                return true;
            }
        }
        return false;
    }

    public int sourceCount(Observable value)
    {
        return sourceCounts.getOrDefault(value, 0);
    }

    public boolean overCorrelated(Observable value)
    {
        return sourceCount(value) > limit;
    }

    /** Rarity in (0, 1]; 0 for an unseen value. */
    public double rarity(Observable value)
    {
        int df = organisationCount(value);
        if (df == 0) {
            return 0;
        }
        return Math.log1p((double) organisations / df) / normaliser;
    }

    /** The weight of sharing this value, before any commodity discount; 0 when it cannot tie anything. */
    public double weight(Observable value)
    {
        if (excluded(value) || overCorrelated(value)) {
            return 0;
        }
        return typeWeight(value.type()) * rarity(value);
    }

    public Optional<Instant> publicSince(Observable value)
    {
        return Optional.ofNullable(publicSince.get(value));
    }

    /**
     * The weight of two intrusions sharing the value, given when each first used it: discounted as
     * commodity when the value was public at either use.
     */
    public double sharedWeight(Observable value, Optional<Instant> firstUseA, Optional<Instant> firstUseB)
    {
        double weight = weight(value);
        if (weight == 0) {
            return 0;
        }
        return isCommodity(value, firstUseA, firstUseB) ? weight * options.commodityFactor() : weight;
    }

    public boolean isCommodity(Observable value, Optional<Instant> firstUseA, Optional<Instant> firstUseB)
    {
        Instant since = publicSince.get(value);
        if (since == null) {
            return false;
        }
        // An unknown time cannot show the use was private.
        return firstUseA.map(time -> !time.isBefore(since)).orElse(true) || firstUseB.map(time -> !time.isBefore(since)).orElse(true);
    }

    public Options options()
    {
        return options;
    }
}
