package dev.tradecraft.campaigns;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.tradecraft.campaigns.graph.Clusterer;
import dev.tradecraft.campaigns.graph.IntrusionGraph;
import dev.tradecraft.campaigns.intrusion.IntrusionBuilder;
import dev.tradecraft.campaigns.observe.SightingExtractor;
import dev.tradecraft.campaigns.verdict.CampaignJudge;
import dev.tradecraft.campaigns.weight.ArtefactLists;
import dev.tradecraft.campaigns.weight.ArtefactWeights;
import dev.tradecraft.campaigns.weight.Exclusion;
import dev.tradecraft.campaigns.weight.PublicArtefact;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;

import nl.cwts.networkanalysis.Clustering;

/**
 * From hits to campaigns: sightings → intrusions per organisation → rarity-weighted graph →
 * Leiden (CPM) clusters → a verdict per cluster. Build once with the public-artefact and exclusion
 * lists; {@link #analyze} is deterministic (seeded) and safe to call from several threads.
 */
public final class CampaignAnalyzer
{
    private final List<PublicArtefact> publicArtefacts;
    private final List<Exclusion> exclusions;
    private final ArtefactWeights.Options weightOptions;
    private final double resolution;
    private final long seed;

    private CampaignAnalyzer(Builder builder)
    {
        this.publicArtefacts = List.copyOf(builder.publicArtefacts);
        this.exclusions = List.copyOf(builder.exclusions);
        this.weightOptions = builder.weightOptions;
        this.resolution = builder.resolution;
        this.seed = builder.seed;
    }

    /** An analyzer with the built-in public-artefact and exclusion lists. */
    public static Builder builder()
    {
        return new Builder();
    }

    public CampaignAnalysis analyze(List<Hit> hits)
    {
        List<Sighting> sightings = new ArrayList<>();
        for (Hit hit : requireNonNull(hits, "hits is null")) {
            SightingExtractor.extract(hit).ifPresent(sightings::add);
        }
        return analyzeSightings(sightings);
    }

    public CampaignAnalysis analyzeSightings(List<Sighting> input)
    {
        List<Sighting> sightings = mergeByEvent(input);
        Set<String> scanners = scanners(sightings);
        List<Sighting> intrusive = new ArrayList<>();
        List<Sighting> reconnaissance = new ArrayList<>();
        for (Sighting sighting : sightings) {
            boolean scan = sighting.isReconnaissance() || sighting.values(ObservableType.SOURCE_IP).stream().anyMatch(scanners::contains);
            (scan ? reconnaissance : intrusive).add(sighting);
        }
        if (intrusive.isEmpty()) {
            return new CampaignAnalysis(List.of(), reconnaissance, sightings.size(), 0, 0, 0, 0, 1.0);
        }
        List<Intrusion> intrusions = IntrusionBuilder.build(intrusive);
        ArtefactWeights weights = new ArtefactWeights(organisationCounts(intrusions), organisations(intrusions), publicArtefacts, exclusions, weightOptions);
        IntrusionGraph graph = new IntrusionGraph(intrusions, weights);
        int[] leiden = Clusterer.leiden(graph, resolution, seed);
        int[] baseline = Clusterer.components(graph, resolution);

        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < intrusions.size(); i++) {
            clusters.computeIfAbsent(leiden[graph.profileOf(i)], key -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(clusters.values());
        ordered.sort(Comparator.comparing((List<Integer> members) -> firstSeen(members, intrusions)).thenComparing(members -> intrusions.get(members.get(0)).id()));
        List<Campaign> campaigns = new ArrayList<>(ordered.size());
        for (List<Integer> members : ordered) {
            String id = "TC-" + (campaigns.size() + 1);
            List<Intrusion> list = members.stream().map(intrusions::get).toList();
            campaigns.add(CampaignJudge.judge(id, list, groups(members, graph), weights));
        }
        double agreement = new Clustering(leiden).calcNormalizedMutualInformation(new Clustering(baseline));
        int baselineClusters = baseline.length == 0 ? 0 : java.util.Arrays.stream(baseline).max().getAsInt() + 1;
        return new CampaignAnalysis(campaigns, reconnaissance, sightings.size(), intrusions.size(), graph.profileCount(), graph.edges().size(),
                baselineClusters, Double.isNaN(agreement) ? 1.0 : agreement);
    }

    /**
     * Splits a cluster by operator evidence: intrusions that show infrastructure are grouped by the
     * corroborated edges among them; each intrusion seen only on a host then joins the group it is
     * most strongly tied to, so it can never bridge two operators.
     */
    private List<List<String>> groups(List<Integer> members, IntrusionGraph graph)
    {
        Set<Integer> profiles = new TreeSet<>();
        members.forEach(member -> profiles.add(graph.profileOf(member)));
        Map<Integer, Integer> parent = new HashMap<>();
        profiles.forEach(profile -> parent.put(profile, profile));
        Map<Integer, Integer> bestNeighbour = new HashMap<>();
        Map<Integer, Double> bestWeight = new HashMap<>();
        for (IntrusionGraph.Edge edge : graph.edges()) {
            if (!profiles.contains(edge.a()) || !profiles.contains(edge.b())) {
                continue;
            }
            boolean operatorA = graph.hasOperatorData(edge.a());
            boolean operatorB = graph.hasOperatorData(edge.b());
            if (operatorA && operatorB) {
                if (edge.corroborated() && edge.weight() >= resolution) {
                    union(parent, edge.a(), edge.b());
                }
            }
            else {
                remember(operatorA ? edge.b() : edge.a(), operatorA ? edge.a() : edge.b(), edge.weight(), bestNeighbour, bestWeight);
                if (!operatorA && !operatorB) {
                    remember(edge.a(), edge.b(), edge.weight(), bestNeighbour, bestWeight);
                }
            }
        }
        for (int profile : profiles) {
            if (!graph.hasOperatorData(profile) && bestNeighbour.containsKey(profile)) {
                union(parent, profile, bestNeighbour.get(profile));
            }
        }
        Map<Integer, List<String>> byRoot = new LinkedHashMap<>();
        for (int member : members) {
            byRoot.computeIfAbsent(find(parent, graph.profileOf(member)), key -> new ArrayList<>()).add(graph.intrusions().get(member).id());
        }
        return new ArrayList<>(byRoot.values());
    }

    private static void remember(int from, int to, double weight, Map<Integer, Integer> best, Map<Integer, Double> bestWeight)
    {
        if (weight > bestWeight.getOrDefault(from, 0.0)) {
            best.put(from, to);
            bestWeight.put(from, weight);
        }
    }

    private static int find(Map<Integer, Integer> parent, int node)
    {
        int root = node;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b)
    {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent.put(Math.max(rootA, rootB), Math.min(rootA, rootB));
        }
    }

    private static Instant firstSeen(List<Integer> members, List<Intrusion> intrusions)
    {
        Instant first = Instant.MAX;
        for (int member : members) {
            Optional<Instant> time = intrusions.get(member).firstSeen();
            if (time.isPresent() && time.get().isBefore(first)) {
                first = time.get();
            }
        }
        return first;
    }

    /**
     * Addresses that behave like internet-wide scanners: reconnaissance at some organisation, and
     * nowhere anything but requests for webshells (no exploit request of their own, no key use, no
     * host activity). A webshell check answered 200 at a compromised server is still a check.
     */
    static Set<String> scanners(List<Sighting> sightings)
    {
        Map<String, Set<String>> reconOrganisations = new HashMap<>();
        Map<String, Boolean> onlyShellRequests = new HashMap<>();
        for (Sighting sighting : sightings) {
            for (String address : sighting.values(ObservableType.SOURCE_IP)) {
                if (sighting.isReconnaissance()) {
                    reconOrganisations.computeIfAbsent(address, key -> new TreeSet<>()).add(sighting.organisation());
                }
                else {
                    onlyShellRequests.merge(address, sighting.stage() == Stage.WEBSHELL, Boolean::logicalAnd);
                }
            }
        }
        Set<String> scanners = new TreeSet<>();
        onlyShellRequests.forEach((address, onlyShells) -> {
            if (onlyShells && reconOrganisations.containsKey(address)) {
                scanners.add(address);
            }
        });
        return scanners;
    }

    /**
     * Several rules can hit one event; they describe the same act. Keep one sighting per event:
     * the most advanced stage, with the artefacts of all.
     */
    static List<Sighting> mergeByEvent(List<Sighting> sightings)
    {
        Map<String, Sighting> byEvent = new LinkedHashMap<>();
        for (Sighting sighting : sightings) {
            String key = sighting.origin() + "|" + sighting.evidence();
            Sighting known = byEvent.get(key);
            if (known == null) {
                byEvent.put(key, sighting);
                continue;
            }
            Sighting lead = rank(sighting.stage()) > rank(known.stage()) ? sighting : known;
            List<Observable> observables = new ArrayList<>(known.observables());
            observables.addAll(sighting.observables());
            byEvent.put(key, new Sighting(lead.origin(), lead.time(), lead.stage(), lead.succeeded(), observables, lead.evidence(), lead.ruleId()));
        }
        return new ArrayList<>(byEvent.values());
    }

    private static int rank(Stage stage)
    {
        return switch (stage) {
            case IOC, OTHER -> 0;
            case RECON -> 1;
            case EXPLOIT -> 2;
            case KEY_USE -> 3;
            case WEBSHELL -> 4;
            case WEBSHELL_DROP -> 5;
            case POST_EXPLOITATION -> 6;
        };
    }

    private static Map<Observable, Integer> organisationCounts(List<Intrusion> intrusions)
    {
        Map<Observable, Set<String>> organisations = new HashMap<>();
        for (Intrusion intrusion : intrusions) {
            for (Observable value : intrusion.observables()) {
                organisations.computeIfAbsent(value, key -> new java.util.HashSet<>()).add(intrusion.organisation());
            }
        }
        Map<Observable, Integer> counts = new HashMap<>(organisations.size() * 2);
        organisations.forEach((value, set) -> counts.put(value, set.size()));
        return counts;
    }

    private static int organisations(List<Intrusion> intrusions)
    {
        Set<String> organisations = new java.util.HashSet<>();
        intrusions.forEach(intrusion -> organisations.add(intrusion.organisation()));
        return organisations.size();
    }

    public static final class Builder
    {
        private List<PublicArtefact> publicArtefacts = ArtefactLists.builtInPublicArtefacts().entries();
        private List<Exclusion> exclusions = ArtefactLists.builtInExclusions().entries();
        private ArtefactWeights.Options weightOptions = ArtefactWeights.Options.DEFAULTS;
        private double resolution = Clusterer.DEFAULT_RESOLUTION;
        private long seed = 20250718L;

        private Builder() {}

        /** Replaces the built-in public artefacts. */
        public Builder publicArtefacts(List<PublicArtefact> artefacts)
        {
            this.publicArtefacts = List.copyOf(artefacts);
            return this;
        }

        /** Adds to the public artefacts (user dates beside the content pack's). */
        public Builder addPublicArtefacts(List<PublicArtefact> artefacts)
        {
            List<PublicArtefact> all = new ArrayList<>(publicArtefacts);
            all.addAll(artefacts);
            this.publicArtefacts = List.copyOf(all);
            return this;
        }

        public Builder exclusions(List<Exclusion> exclusions)
        {
            this.exclusions = List.copyOf(exclusions);
            return this;
        }

        public Builder addExclusions(List<Exclusion> more)
        {
            List<Exclusion> all = new ArrayList<>(exclusions);
            all.addAll(more);
            this.exclusions = List.copyOf(all);
            return this;
        }

        public Builder weightOptions(ArtefactWeights.Options options)
        {
            this.weightOptions = requireNonNull(options, "options is null");
            return this;
        }

        public Builder resolution(double resolution)
        {
            checkArgument(resolution > 0 && resolution < 1, "resolution must be in (0,1): %s", resolution);
            this.resolution = resolution;
            return this;
        }

        public Builder seed(long seed)
        {
            this.seed = seed;
            return this;
        }

        public CampaignAnalyzer build()
        {
            return new CampaignAnalyzer(this);
        }
    }
}
