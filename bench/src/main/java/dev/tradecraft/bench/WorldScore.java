package dev.tradecraft.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.tradecraft.bench.SightingWorld.Kind;
import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;

/**
 * How well a campaign analysis of a {@link SightingWorld} found its actors.
 *
 * <p>The main score is B-cubed over source addresses: every address of an intruding actor
 * (actors, copycats, lone intruders) that the world used is an item labelled with its owner, and
 * its predicted cluster is the campaign in which most of the intrusions showing it are (an
 * address in no campaign is a cluster of its own). The same is scored with the campaigns' inferred
 * actors as clusters. An intrusion is credited to the actor that made most of its sightings.
 *
 * @param addresses B-cubed over addresses, campaigns as clusters
 * @param inferredActors B-cubed over addresses, inferred actors as clusters (the campaign where it has none)
 * @param campaigns how many campaigns
 * @param multiOrganisation campaigns at two organisations or more
 * @param singleActor campaigns judged single-actor
 * @param multipleActors campaigns judged multiple-actors
 * @param undetermined campaigns judged undetermined
 * @param trueActors actors and copycats that made at least one intrusion of a campaign
 * @param medianSpread over those, the median number of campaigns their intrusions are in
 * @param maxSpread over those, the largest such number
 * @param mixedCampaigns campaigns with intrusions of two or more actors or copycats
 * @param mixedIntrusions intrusions with sightings of two or more intruding actors
 * @param copycatsWithOriginal for each copycat that shares a campaign with the actor it copies, one line saying where
 */
record WorldScore(BCubed addresses, BCubed inferredActors, int campaigns, int multiOrganisation, int singleActor, int multipleActors,
        int undetermined, int trueActors, int medianSpread, int maxSpread, int mixedCampaigns, int mixedIntrusions, List<String> copycatsWithOriginal)
{
    WorldScore
    {
        requireNonNull(addresses, "addresses is null");
        requireNonNull(inferredActors, "inferredActors is null");
        copycatsWithOriginal = List.copyOf(copycatsWithOriginal);
    }

    static WorldScore of(SightingWorld world, CampaignAnalysis analysis)
    {
        List<SightingWorld.Actor> actors = world.actors();
        List<Campaign> campaigns = analysis.campaigns();
        Map<String, Map<String, Integer>> byCampaign = new HashMap<>();
        Map<String, Map<String, Integer>> byInferred = new HashMap<>();
        List<Set<Integer>> creditedPerCampaign = new ArrayList<>();
        int multiOrganisation = 0;
        int single = 0;
        int multiple = 0;
        int undetermined = 0;
        int mixedIntrusions = 0;
        for (Campaign campaign : campaigns) {
            multiOrganisation += campaign.organisations().size() >= 2 ? 1 : 0;
            switch (campaign.verdict()) {
                case SINGLE_ACTOR -> single++;
                case MULTIPLE_ACTORS -> multiple++;
                case UNDETERMINED -> undetermined++;
            }
            Map<String, String> inferredOf = new HashMap<>();
            for (InferredActor actor : campaign.actors()) {
                for (String id : actor.intrusionIds()) {
                    inferredOf.put(id, actor.name());
                }
            }
            Set<Integer> credited = new HashSet<>();
            for (Intrusion intrusion : campaign.intrusions()) {
                Map<Integer, Integer> counts = new HashMap<>();
                int intruders = 0;
                for (Sighting sighting : intrusion.sightings()) {
                    int label = world.labelOf(sighting);
                    if (counts.merge(label, 1, Integer::sum) == 1 && actors.get(label).kind().intrudes()) {
                        intruders++;
                    }
                }
                mixedIntrusions += intruders >= 2 ? 1 : 0;
                credited.add(majority(counts));
                String inferred = inferredOf.getOrDefault(intrusion.id(), campaign.id());
                for (String address : intrusion.values(ObservableType.SOURCE_IP)) {
                    byCampaign.computeIfAbsent(address, key -> new HashMap<>()).merge(campaign.id(), 1, Integer::sum);
                    byInferred.computeIfAbsent(address, key -> new HashMap<>()).merge(inferred, 1, Integer::sum);
                }
            }
            creditedPerCampaign.add(credited);
        }

        Map<String, String> truth = new HashMap<>();
        for (Sighting sighting : world.sightings()) {
            for (Observable observable : sighting.observables()) {
                if (observable.type() == ObservableType.SOURCE_IP && !truth.containsKey(observable.value())) {
                    int owner = world.ownerLabel(observable.value());
                    if (owner >= 0 && actors.get(owner).kind().intrudes()) {
                        truth.put(observable.value(), actors.get(owner).name());
                    }
                }
            }
        }

        int[] spread = new int[actors.size()];
        int mixedCampaigns = 0;
        for (Set<Integer> credited : creditedPerCampaign) {
            int named = 0;
            for (int label : credited) {
                Kind kind = actors.get(label).kind();
                if (kind == Kind.ACTOR || kind == Kind.COPYCAT) {
                    spread[label]++;
                    named++;
                }
            }
            mixedCampaigns += named >= 2 ? 1 : 0;
        }
        List<Integer> spreads = new ArrayList<>();
        for (int label = 0; label < spread.length; label++) {
            if (spread[label] > 0) {
                spreads.add(spread[label]);
            }
        }
        spreads.sort(null);

        List<String> copycats = new ArrayList<>();
        Map<String, Integer> labelOfName = new HashMap<>();
        for (int label = 0; label < actors.size(); label++) {
            labelOfName.put(actors.get(label).name(), label);
        }
        for (int label = 0; label < actors.size(); label++) {
            SightingWorld.Actor actor = actors.get(label);
            if (actor.copies().isEmpty()) {
                continue;
            }
            int original = labelOfName.get(actor.copies().get());
            Set<String> together = new TreeSet<>();
            for (int c = 0; c < campaigns.size(); c++) {
                Set<Integer> credited = creditedPerCampaign.get(c);
                if (credited.contains(label) && credited.contains(original)) {
                    together.add(campaigns.get(c).id());
                }
            }
            if (!together.isEmpty()) {
                copycats.add(actor.name() + " with " + actor.copies().get() + " in " + String.join(", ", together));
            }
        }
        return new WorldScore(BCubed.score(truth, mostFrequent(byCampaign)), BCubed.score(truth, mostFrequent(byInferred)), campaigns.size(),
                multiOrganisation, single, multiple, undetermined, spreads.size(), spreads.isEmpty() ? 0 : spreads.get(spreads.size() / 2),
                spreads.isEmpty() ? 0 : spreads.get(spreads.size() - 1), mixedCampaigns, mixedIntrusions, copycats);
    }

    /** The label with the most sightings; the lowest on a tie. */
    private static int majority(Map<Integer, Integer> counts)
    {
        int best = -1;
        int most = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > most || (entry.getValue() == most && entry.getKey() < best)) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best;
    }

    /** Per address, the cluster most of its intrusions are in; the first in sorted order on a tie. */
    private static Map<String, String> mostFrequent(Map<String, Map<String, Integer>> counts)
    {
        Map<String, String> chosen = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
            String[] clusters = entry.getValue().keySet().toArray(new String[0]);
            Arrays.sort(clusters);
            String best = clusters[0];
            for (String cluster : clusters) {
                if (entry.getValue().get(cluster) > entry.getValue().get(best)) {
                    best = cluster;
                }
            }
            chosen.put(entry.getKey(), best);
        }
        return chosen;
    }
}
