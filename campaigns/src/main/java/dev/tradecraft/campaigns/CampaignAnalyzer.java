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
        Map<Observable, Integer> sourceCounts = new HashMap<>();
        int sources = sourceCounts(intrusions, sourceCounts);
        ArtefactWeights weights = new ArtefactWeights(organisationCounts(intrusions), organisations(intrusions), sourceCounts, sources,
                publicArtefacts, exclusions, weightOptions);
        IntrusionGraph graph = new IntrusionGraph(intrusions, weights);
        int[] leiden = Clusterer.leiden(graph, resolution, seed);
        int[] baseline = Clusterer.components(graph, resolution);

        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < intrusions.size(); i++) {
            clusters.computeIfAbsent(leiden[graph.profileOf(i)], key -> new ArrayList<>()).add(i);
        }
        // The edges inside each cluster, gathered once: judging a campaign looks at no other.
        Map<Integer, List<IntrusionGraph.Edge>> inside = new HashMap<>();
        for (IntrusionGraph.Edge edge : graph.edges()) {
            if (leiden[edge.a()] == leiden[edge.b()]) {
                inside.computeIfAbsent(leiden[edge.a()], key -> new ArrayList<>()).add(edge);
            }
        }
        List<List<Integer>> ordered = new ArrayList<>(clusters.values());
        ordered.sort(Comparator.comparing((List<Integer> members) -> firstSeen(members, intrusions)).thenComparing(members -> intrusions.get(members.get(0)).id()));
        Map<String, List<Sighting>> additions = new HashMap<>();
        List<List<Intrusion>> attempts = attachAttempts(ordered, intrusions, reconnaissance, weights, additions);
        record Draft(List<Intrusion> intrusions, List<List<String>> groups, Instant first) {}
        List<Draft> drafts = new ArrayList<>(ordered.size());
        for (int c = 0; c < ordered.size(); c++) {
            List<Integer> members = ordered.get(c);
            List<Intrusion> list = new ArrayList<>(members.stream().map(intrusions::get).map(intrusion -> withAdditions(intrusion, additions)).toList());
            List<IntrusionGraph.Edge> edges = inside.getOrDefault(leiden[graph.profileOf(members.get(0))], List.of());
            List<List<String>> groups = groups(members, edges, graph);
            attachToGroups(groups, attempts.get(c), list);
            list.addAll(attempts.get(c));
            Instant first = list.stream().map(Intrusion::firstSeen).flatMap(Optional::stream).min(Instant::compareTo).orElse(Instant.MAX);
            drafts.add(new Draft(list, groups, first));
        }
        // Numbered by first activity, refused attempts included.
        drafts.sort(Comparator.comparing(Draft::first).thenComparing(draft -> draft.intrusions().get(0).id()));
        Map<Observable, Set<String>> seenAt = new HashMap<>();
        for (Draft draft : drafts) {
            for (Intrusion intrusion : draft.intrusions()) {
                intrusion.observables().forEach(value -> seenAt.computeIfAbsent(value, key -> new java.util.HashSet<>()).add(intrusion.organisation()));
            }
        }
        Map<Observable, Integer> overall = new HashMap<>();
        seenAt.forEach((value, organisations) -> overall.put(value, organisations.size()));
        List<Campaign> campaigns = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            campaigns.add(CampaignJudge.judge("TC-" + (campaigns.size() + 1), draft.intrusions(), draft.groups(), weights, overall));
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
    private List<List<String>> groups(List<Integer> members, List<IntrusionGraph.Edge> edges, IntrusionGraph graph)
    {
        Set<Integer> profiles = new TreeSet<>();
        members.forEach(member -> profiles.add(graph.profileOf(member)));
        Map<Integer, Integer> parent = new HashMap<>();
        profiles.forEach(profile -> parent.put(profile, profile));
        Map<Integer, Integer> bestNeighbour = new HashMap<>();
        Map<Integer, Double> bestWeight = new HashMap<>();
        for (IntrusionGraph.Edge edge : edges) {
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
     * Refused attempts belong to the campaign whose infrastructure sent them: reconnaissance from
     * an address seen in exactly one campaign's intrusions, or a refused exploit request with a
     * browser user agent seen in exactly one campaign and the same request shape, becomes an
     * attempted intrusion of that campaign (a target that resisted). What matches no campaign, or
     * several, stays reconnaissance; internet scanners and research probes never share a
     * campaign's address, and tool-default user agents (python, curl) are not used to match.
     * The attached sightings are removed from {@code reconnaissance}.
     */
    private static List<List<Intrusion>> attachAttempts(List<List<Integer>> clusters, List<Intrusion> intrusions, List<Sighting> reconnaissance,
            ArtefactWeights weights, Map<String, List<Sighting>> additions)
    {
        // (organisation, address) already in an intrusion of a cluster: its reconnaissance joins that intrusion.
        Map<String, String> existing = new HashMap<>();
        for (List<Integer> cluster : clusters) {
            for (int member : cluster) {
                Intrusion intrusion = intrusions.get(member);
                for (String address : intrusion.values(ObservableType.SOURCE_IP)) {
                    existing.putIfAbsent(intrusion.organisation() + "|" + address, intrusion.id());
                }
            }
        }
        Map<String, Set<Integer>> byAddress = new HashMap<>();
        Map<String, Set<Integer>> byAgent = new HashMap<>();
        Map<Integer, Set<String>> variants = new HashMap<>();
        Map<String, Integer> perOrganisation = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (int member : clusters.get(c)) {
                Intrusion intrusion = intrusions.get(member);
                perOrganisation.merge(intrusion.organisation(), 1, Integer::sum);
                for (String address : intrusion.values(ObservableType.SOURCE_IP)) {
                    byAddress.computeIfAbsent(address, key -> new TreeSet<>()).add(c);
                }
                for (String agent : intrusion.values(ObservableType.USER_AGENT)) {
                    if (isBrowserAgent(agent) && !weights.excluded(new Observable(ObservableType.USER_AGENT, agent))) {
                        byAgent.computeIfAbsent(agent, key -> new TreeSet<>()).add(c);
                    }
                }
                variants.computeIfAbsent(c, key -> new TreeSet<>()).addAll(intrusion.values(ObservableType.REQUEST_VARIANT));
            }
        }
        Map<String, List<Sighting>> attempts = new LinkedHashMap<>();
        Map<String, Integer> attemptCluster = new HashMap<>();
        List<Sighting> kept = new ArrayList<>();
        for (Sighting sighting : reconnaissance) {
            int cluster = clusterOf(sighting, byAddress, byAgent, variants);
            if (cluster < 0) {
                kept.add(sighting);
                continue;
            }
            String address = sighting.values(ObservableType.SOURCE_IP).stream().findFirst().orElse("-");
            String known = existing.get(sighting.organisation() + "|" + address);
            if (known != null) {
                additions.computeIfAbsent(known, k -> new ArrayList<>()).add(sighting);
                continue;
            }
            String key = sighting.organisation() + "|" + address + "|" + cluster;
            attempts.computeIfAbsent(key, k -> new ArrayList<>()).add(sighting);
            attemptCluster.put(key, cluster);
        }
        reconnaissance.clear();
        reconnaissance.addAll(kept);
        List<List<Intrusion>> result = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            result.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<Sighting>> entry : attempts.entrySet()) {
            List<Sighting> list = entry.getValue();
            String organisation = list.get(0).organisation();
            int number = perOrganisation.merge(organisation, 1, Integer::sum);
            list.sort(Comparator.comparing((Sighting sighting) -> sighting.time().orElse(Instant.MAX)).thenComparing(sighting -> sighting.evidence().toString()));
            result.get(attemptCluster.get(entry.getKey())).add(new Intrusion(organisation + "#" + number, organisation, list));
        }
        return result;
    }

    private static Intrusion withAdditions(Intrusion intrusion, Map<String, List<Sighting>> additions)
    {
        List<Sighting> extra = additions.get(intrusion.id());
        if (extra == null) {
            return intrusion;
        }
        List<Sighting> all = new ArrayList<>(intrusion.sightings());
        all.addAll(extra);
        all.sort(Comparator.comparing((Sighting sighting) -> sighting.time().orElse(Instant.MAX)).thenComparing(sighting -> sighting.evidence().toString()));
        return new Intrusion(intrusion.id(), intrusion.organisation(), all);
    }

    private static int clusterOf(Sighting sighting, Map<String, Set<Integer>> byAddress, Map<String, Set<Integer>> byAgent, Map<Integer, Set<String>> variants)
    {
        for (String address : sighting.values(ObservableType.SOURCE_IP)) {
            Set<Integer> clusters = byAddress.get(address);
            if (clusters != null) {
                return clusters.size() == 1 ? clusters.iterator().next() : -1;
            }
        }
        if (sighting.stage() != Stage.EXPLOIT) {
            return -1;
        }
        for (String agent : sighting.values(ObservableType.USER_AGENT)) {
            Set<Integer> clusters = byAgent.get(agent);
            if (clusters != null && clusters.size() == 1) {
                int cluster = clusters.iterator().next();
                boolean sameShape = sighting.values(ObservableType.REQUEST_VARIANT).stream().anyMatch(variants.getOrDefault(cluster, Set.of())::contains);
                return sameShape ? cluster : -1;
            }
        }
        return -1;
    }

    /** A full browser string chosen by an operator, not a library's default (python-requests/2.x, curl/8.x). */
    static boolean isBrowserAgent(String agent)
    {
        return agent.startsWith("Mozilla/5.0 (") && agent.length() >= 40;
    }

    /** Attempts join the operator group that shares their address or user agent (or the first). */
    private static void attachToGroups(List<List<String>> groups, List<Intrusion> attempts, List<Intrusion> members)
    {
        if (attempts.isEmpty()) {
            return;
        }
        Map<String, Intrusion> byId = new HashMap<>();
        members.forEach(intrusion -> byId.put(intrusion.id(), intrusion));
        for (Intrusion attempt : attempts) {
            Set<String> operator = new TreeSet<>(attempt.values(ObservableType.SOURCE_IP));
            operator.addAll(attempt.values(ObservableType.USER_AGENT));
            List<String> target = groups.get(0);
            for (List<String> group : groups) {
                boolean shares = group.stream().map(byId::get).anyMatch(member -> {
                    Set<String> values = new TreeSet<>(member.values(ObservableType.SOURCE_IP));
                    values.addAll(member.values(ObservableType.USER_AGENT));
                    values.retainAll(operator);
                    return !values.isEmpty();
                });
                if (shares) {
                    target = group;
                    break;
                }
            }
            target.add(attempt.id());
            byId.put(attempt.id(), attempt);
        }
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
        record EventKey(dev.tradecraft.core.Origin origin, dev.tradecraft.core.SourcePosition position) {}
        Map<EventKey, Sighting> byEvent = new LinkedHashMap<>();
        for (Sighting sighting : sightings) {
            EventKey key = new EventKey(sighting.origin(), sighting.evidence());
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

    /**
     * From how many distinct sources each value was used: a source is a client network (/24 for
     * IPv4, /48 for IPv6) of the intrusion, or its organisation when it shows no address. Fills
     * {@code counts} and returns the number of sources in all.
     */
    private static int sourceCounts(List<Intrusion> intrusions, Map<Observable, Integer> counts)
    {
        Map<Observable, Set<String>> sources = new HashMap<>();
        Set<String> all = new java.util.HashSet<>();
        for (Intrusion intrusion : intrusions) {
            Set<String> networks = new TreeSet<>();
            for (String address : intrusion.values(ObservableType.SOURCE_IP)) {
                networks.add(network(address));
            }
            if (networks.isEmpty()) {
                networks.add("organisation:" + intrusion.organisation());
            }
            all.addAll(networks);
            for (Observable value : intrusion.observables()) {
                sources.computeIfAbsent(value, key -> new java.util.HashSet<>()).addAll(networks);
            }
        }
        sources.forEach((value, set) -> counts.put(value, set.size()));
        return all.size();
    }

    static String network(String address)
    {
        if (address.indexOf(':') >= 0) {
            String[] groups = address.split(":", -1);
            return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : address;
        }
        int last = address.lastIndexOf('.');
        return last > 0 ? address.substring(0, last) + ".0/24" : address;
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
