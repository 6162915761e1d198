package dev.tradecraft.campaigns.graph;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import dev.tradecraft.campaigns.weight.ArtefactWeights;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;

/**
 * The weighted graph of intrusions joined by shared artefacts.
 *
 * <p>Edge strength between two intrusions: S = operator + tooling, the sums of the weights of the
 * artefacts they share ({@link ArtefactWeights}), each type contributing at most 1.5 times its type
 * weight; commodity discount when either used the artefact while it was public. When both
 * intrusions show operator data (a source address or user agent) and share none of it, they were
 * run by different hands with the same tools, and their tooling counts at most
 * {@link #TOOLING_ONLY_CAP}, and closeness in time adds nothing; otherwise activity starting in
 * nearby six-hour windows adds up to {@link #TIMING_WEIGHT}. The edge weight is
 * {@code 1 - exp(-S)}, in [0, 1).
 *
 * <p>Artefacts seen at one organisation only are left out: they cannot tie organisations together.
 * Intrusions with identical weighted artefacts form one {@link Profile} node weighted by their
 * number, so clustering works on as many nodes as there are distinct behaviours. Candidate pairs
 * come from an inverted index (artefact → profiles); an artefact shared by more than
 * {@link #EXACT_POSTINGS} profiles yields pairs from MinHash/LSH buckets of its profiles plus a
 * chain through them, so the work stays near-linear at a million sightings.
 */
public final class IntrusionGraph
{
    static final double TOOLING_ONLY_CAP = 0.2;
    /** Activity that starts in the same six hours as other activity sharing artefacts with it. */
    static final long TIME_BUCKET_SECONDS = 6 * 3600;
    static final double TIMING_WEIGHT = 0.25;
    private static final long NO_TIME = Long.MIN_VALUE;
    static final int EXACT_POSTINGS = 64;
    private static final double TYPE_CAP = 1.5;

    private final List<Intrusion> intrusions;
    private final ArtefactWeights weights;
    private final List<Observable> artefacts = new ArrayList<>();
    private final double[] artefactWeight;
    private final boolean[] libraryAgent;
    private final List<Profile> profiles = new ArrayList<>();
    private final int[] profileOfIntrusion;
    private final boolean[] profileHasOperator;
    private final long[] profileBucket;
    private final List<Edge> edges = new ArrayList<>();

    /** An undirected edge between two profiles, with what it rests on. */
    public record Edge(int a, int b, double weight, double operator, double tooling, boolean corroborated) {}

    public IntrusionGraph(List<Intrusion> intrusions, ArtefactWeights weights)
    {
        this.intrusions = List.copyOf(requireNonNull(intrusions, "intrusions is null"));
        this.weights = requireNonNull(weights, "weights is null");
        Map<Observable, Integer> ids = new HashMap<>();
        List<Double> weightList = new ArrayList<>();
        Map<String, Integer> profileKeys = new LinkedHashMap<>();
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        List<int[]> profileFeatures = new ArrayList<>();
        List<Boolean> profileOperator = new ArrayList<>();
        List<Long> profileBuckets = new ArrayList<>();
        this.profileOfIntrusion = new int[this.intrusions.size()];
        for (int i = 0; i < this.intrusions.size(); i++) {
            Intrusion intrusion = this.intrusions.get(i);
            Map<Observable, Optional<Instant>> firstUse = firstUse(intrusion);
            boolean hasOperator = false;
            List<Integer> features = new ArrayList<>();
            for (Map.Entry<Observable, Optional<Instant>> entry : firstUse.entrySet()) {
                Observable value = entry.getKey();
                ObservableType type = value.type();
                if ((type == ObservableType.SOURCE_IP || type == ObservableType.USER_AGENT) && !weights.excluded(value)) {
                    hasOperator = true;
                }
                if (weights.organisationCount(value) < 2) {
                    continue;
                }
                double weight = weights.weight(value);
                if (weight <= 0) {
                    continue;
                }
                Integer id = ids.get(value);
                if (id == null) {
                    id = artefacts.size();
                    ids.put(value, id);
                    artefacts.add(value);
                    weightList.add(weight);
                }
                boolean publicUse = weights.isCommodity(value, entry.getValue(), entry.getValue());
                features.add(id * 2 + (publicUse ? 1 : 0));
            }
            int[] sorted = features.stream().mapToInt(Integer::intValue).sorted().toArray();
            boolean sharesOperator = false;
            for (int feature : sorted) {
                sharesOperator |= ArtefactWeights.isOperatorType(artefacts.get(feature >>> 1).type());
            }
            long bucket = intrusion.firstSeen().map(time -> time.getEpochSecond() / TIME_BUCKET_SECONDS).orElse(NO_TIME);
            String key = (hasOperator ? "o:" : "t:") + bucket + ":" + Arrays.toString(sorted);
            if (hasOperator && !sharesOperator) {
                // Own infrastructure that nobody else shows: alike tooling does not make such intrusions one node.
                key += ":" + i;
            }
            Integer profile = profileKeys.get(key);
            if (profile == null) {
                profile = profileKeys.size();
                profileKeys.put(key, profile);
                profileFeatures.add(sorted);
                profileOperator.add(hasOperator);
                profileBuckets.add(bucket);
            }
            members.computeIfAbsent(profile, k -> new ArrayList<>()).add(i);
            profileOfIntrusion[i] = profile;
        }
        this.artefactWeight = weightList.stream().mapToDouble(Double::doubleValue).toArray();
        this.libraryAgent = new boolean[artefacts.size()];
        for (int k = 0; k < artefacts.size(); k++) {
            Observable value = artefacts.get(k);
            libraryAgent[k] = value.type() == ObservableType.USER_AGENT && ArtefactWeights.isLibraryAgent(value.value());
        }
        this.profileHasOperator = new boolean[profileFeatures.size()];
        this.profileBucket = new long[profileFeatures.size()];
        for (int p = 0; p < profileFeatures.size(); p++) {
            profiles.add(new Profile(p, profileFeatures.get(p), members.get(p)));
            profileHasOperator[p] = profileOperator.get(p);
            profileBucket[p] = profileBuckets.get(p);
        }
        buildEdges();
    }

    private static Map<Observable, Optional<Instant>> firstUse(Intrusion intrusion)
    {
        Map<Observable, Optional<Instant>> first = new LinkedHashMap<>();
        for (Sighting sighting : intrusion.sightings()) {
            for (Observable value : sighting.observables()) {
                Optional<Instant> known = first.get(value);
                Optional<Instant> time = sighting.time();
                if (known == null || (time.isPresent() && (known.isEmpty() || time.get().isBefore(known.get())))) {
                    first.put(value, time);
                }
            }
        }
        return first;
    }

    private void buildEdges()
    {
        // Inverted index: artefact id -> profiles carrying it.
        Map<Integer, List<Integer>> postings = new HashMap<>();
        for (Profile profile : profiles) {
            int previous = -1;
            for (int feature : profile.features()) {
                int artefact = feature >>> 1;
                if (artefact != previous) {
                    postings.computeIfAbsent(artefact, k -> new ArrayList<>()).add(profile.index());
                    previous = artefact;
                }
            }
        }
        LongOpenHashSet seen = new LongOpenHashSet();
        long[][] signatures = null;
        for (int artefact = 0; artefact < artefacts.size(); artefact++) {
            List<Integer> list = postings.get(artefact);
            if (list == null || list.size() < 2) {
                continue;
            }
            int[] members = list.stream().mapToInt(Integer::intValue).toArray();
            if (members.length <= EXACT_POSTINGS) {
                for (int x = 0; x < members.length; x++) {
                    for (int y = x + 1; y < members.length; y++) {
                        consider(members[x], members[y], seen);
                    }
                }
                continue;
            }
            if (signatures == null) {
                signatures = new long[profiles.size()][];
                for (Profile profile : profiles) {
                    signatures[profile.index()] = MinHashIndex.signature(profile.features());
                }
            }
            for (int[] group : MinHashIndex.buckets(members, signatures, EXACT_POSTINGS)) {
                for (int x = 0; x < group.length; x++) {
                    for (int y = x + 1; y < group.length; y++) {
                        consider(group[x], group[y], seen);
                    }
                }
            }
            // A chain through all holders keeps a frequent artefact able to join them when LSH splits them.
            for (int x = 0; x + 1 < members.length; x++) {
                consider(members[x], members[x + 1], seen);
            }
        }
    }

    private void consider(int a, int b, LongOpenHashSet seen)
    {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        if (low == high || !seen.add(((long) low << 32) | high)) {
            return;
        }
        Edge edge = score(low, high);
        if (edge != null) {
            edges.add(edge);
        }
    }

    private Edge score(int a, int b)
    {
        int[] left = profiles.get(a).features();
        int[] right = profiles.get(b).features();
        double[] byType = new double[ObservableType.values().length];
        double libraryAgents = 0;
        int i = 0;
        int j = 0;
        while (i < left.length && j < right.length) {
            int artefactLeft = left[i] >>> 1;
            int artefactRight = right[j] >>> 1;
            if (artefactLeft < artefactRight) {
                i++;
            }
            else if (artefactLeft > artefactRight) {
                j++;
            }
            else {
                boolean commodity = ((left[i] | right[j]) & 1) != 0;
                double weight = artefactWeight[artefactLeft] * (commodity ? weights.options().commodityFactor() : 1.0);
                if (libraryAgent[artefactLeft]) {
                    libraryAgents += weight;
                }
                else {
                    byType[artefacts.get(artefactLeft).type().ordinal()] += weight;
                }
                i++;
                j++;
            }
        }
        double proximity = proximity(a, b);
        // A library's default user agent (python-requests/2.32.3) is shared by strangers; within a day or
        // two it still suggests the same script run by the same hands.
        byType[ObservableType.USER_AGENT.ordinal()] += libraryAgents * libraryProximity(a, b);
        double operator = 0;
        double tooling = 0;
        for (ObservableType type : ObservableType.values()) {
            double contribution = Math.min(byType[type.ordinal()], TYPE_CAP * ArtefactWeights.typeWeight(type));
            if (ArtefactWeights.isOperatorType(type)) {
                operator += contribution;
            }
            else {
                tooling += contribution;
            }
        }
        // Who is at the keyboard shows in addresses, domains and user agents; common tools (net.exe,
        // viewstate) add to a tie but do not make one between different infrastructure.
        double infrastructure = byType[ObservableType.SOURCE_IP.ordinal()] + byType[ObservableType.DOMAIN.ordinal()]
                + byType[ObservableType.USER_AGENT.ordinal()];
        boolean contradicted = infrastructure == 0 && profileHasOperator[a] && profileHasOperator[b];
        double strength = contradicted ? Math.min(tooling, TOOLING_ONLY_CAP) : operator + tooling + TIMING_WEIGHT * proximity;
        if (strength <= 0 || (operator == 0 && tooling == 0)) {
            return null;
        }
        return new Edge(a, b, 1 - Math.exp(-strength), operator, tooling, !contradicted);
    }

    /**
     * Closeness in time, 1 in the same six-hour window, halving about every three windows apart;
     * 0 when either time is unknown. Timing adds {@link #TIMING_WEIGHT} × this to a tie that other
     * evidence already makes.
     */
    /** Like {@link #proximity} but halving only every two days: how long a library user agent stays telling. */
    private double libraryProximity(int a, int b)
    {
        if (profileBucket[a] == NO_TIME || profileBucket[b] == NO_TIME) {
            return 0;
        }
        long apart = Math.abs(profileBucket[a] - profileBucket[b]);
        return Math.exp(-apart / 12.0);
    }

    private double proximity(int a, int b)
    {
        if (profileBucket[a] == NO_TIME || profileBucket[b] == NO_TIME) {
            return 0;
        }
        long apart = Math.abs(profileBucket[a] - profileBucket[b]);
        return Math.exp(-apart / 4.0);
    }

    public List<Intrusion> intrusions()
    {
        return intrusions;
    }

    public List<Edge> edges()
    {
        return Collections.unmodifiableList(edges);
    }

    public int profileCount()
    {
        return profiles.size();
    }

    List<Profile> profiles()
    {
        return profiles;
    }

    public int profileOf(int intrusion)
    {
        return profileOfIntrusion[intrusion];
    }

    /** The intrusion indexes of a profile. */
    public List<Integer> intrusionsOf(int profile)
    {
        checkArgument(profile >= 0 && profile < profiles.size(), "no profile %s", profile);
        return profiles.get(profile).intrusions();
    }

    /** Whether the profile's intrusions show a source address or user agent at all. */
    public boolean hasOperatorData(int profile)
    {
        return profileHasOperator[profile];
    }

    public int profileSize(int profile)
    {
        return profiles.get(profile).size();
    }

    public ArtefactWeights weights()
    {
        return weights;
    }
}
