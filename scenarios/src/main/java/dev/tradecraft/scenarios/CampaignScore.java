package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Stage;

/**
 * Campaigns found by clustering, scored against a world's ground truth: does each campaign hold one
 * real actor's activity, and does each actor's activity sit in one campaign?
 *
 * <p>Two {@link ClusterScore}s. Over <b>source addresses</b>: the items are the source IPs of every
 * actor that is not {@linkplain ActorTruth#reconnaissance() reconnaissance}, labelled with the
 * actors that used them; an address is predicted to be in every campaign with an intrusion that
 * carries it as {@link ObservableType#SOURCE_IP}. Over <b>intrusions</b>: the items are the pairs
 * (organisation, actor) for every organisation and every non-reconnaissance actor the truth lists
 * for it, written {@code organisation/actor}; a pair is predicted to be in every campaign with an
 * intrusion at that organisation attributed to that actor.
 *
 * <p>An intrusion is attributed to the actors that own any of its source addresses. One that
 * carries no address of any actor in the truth (host events only, or a balancer that hides clients;
 * a refused exploit attempt counts too, a mere scan does not) is attributed through the organisation: to
 * its only real actor; where several hit it, to the one whose webshell name the intrusion carries
 * (as a name or the last segment of a path) if exactly one does; otherwise to nobody, and it is
 * listed as unattributed. An intrusion whose only known addresses are reconnaissance is attributed
 * to nobody and reported under {@link #reconnaissance()}.
 *
 * @param sourceIps the clustering of the real actors' source addresses
 * @param intrusions the clustering of (organisation, actor) intrusions
 * @param campaigns how many campaigns were found
 * @param actors how many real (non-reconnaissance) actors the truth has
 * @param copycatMixes per campaign that holds both a copycat and the actor it copies, a sentence naming both
 * @param reconnaissance per campaign and reconnaissance address in it, a sentence naming the address and its owner
 * @param unattributed per intrusion no actor of the truth explains, a sentence naming it, its organisation and campaign
 */
public record CampaignScore(ClusterScore sourceIps, ClusterScore intrusions, int campaigns, int actors, List<String> copycatMixes,
        List<String> reconnaissance, List<String> unattributed)
{
    public CampaignScore
    {
        requireNonNull(sourceIps, "sourceIps is null");
        requireNonNull(intrusions, "intrusions is null");
        copycatMixes = List.copyOf(requireNonNull(copycatMixes, "copycatMixes is null"));
        reconnaissance = List.copyOf(requireNonNull(reconnaissance, "reconnaissance is null"));
        unattributed = List.copyOf(requireNonNull(unattributed, "unattributed is null"));
    }

    public static CampaignScore of(GroundTruth truth, List<Campaign> campaigns)
    {
        requireNonNull(truth, "truth is null");
        requireNonNull(campaigns, "campaigns is null");
        Map<String, ActorTruth> actors = new HashMap<>();
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, Set<String>> ipTruth = new TreeMap<>();
        int realActors = 0;
        for (ActorTruth actor : truth.actors()) {
            actors.put(actor.id(), actor);
            if (!actor.reconnaissance()) {
                realActors++;
            }
            for (String ip : actor.sourceIps()) {
                owners.computeIfAbsent(ip, key -> new TreeSet<>()).add(actor.id());
                if (!actor.reconnaissance()) {
                    ipTruth.computeIfAbsent(ip, key -> new TreeSet<>()).add(actor.id());
                }
            }
        }
        Map<String, OrganisationTruth> organisations = new HashMap<>();
        Map<String, Set<String>> intrusionTruth = new TreeMap<>();
        for (OrganisationTruth organisation : truth.organisations()) {
            organisations.put(organisation.name(), organisation);
            for (String actor : organisation.actors()) {
                if (!actors.get(actor).reconnaissance()) {
                    intrusionTruth.put(organisation.name() + "/" + actor, Set.of(actor));
                }
            }
        }

        Attribution attribution = new Attribution(actors, owners, organisations);
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> ipPredicted = new HashMap<>();
        Map<String, Set<String>> intrusionPredicted = new HashMap<>();
        List<String> copycatMixes = new ArrayList<>();
        List<String> reconnaissance = new ArrayList<>();
        List<String> unattributed = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            requireNonNull(campaign, "campaign is null");
            if (!ids.add(campaign.id())) {
                throw new IllegalArgumentException("campaign id is not unique: " + campaign.id());
            }
            Set<String> attributed = new TreeSet<>();
            for (Intrusion intrusion : campaign.intrusions()) {
                for (String ip : intrusion.values(ObservableType.SOURCE_IP)) {
                    if (ipTruth.containsKey(ip)) {
                        ipPredicted.computeIfAbsent(ip, key -> new TreeSet<>()).add(campaign.id());
                    }
                }
                Set<String> who = attribution.actorsOf(intrusion);
                if (who.isEmpty() && !attribution.carriesReconnaissance(intrusion)) {
                    unattributed.add(intrusion.id() + " at " + intrusion.organisation() + " in " + campaign.id());
                }
                for (String actor : who) {
                    attributed.add(actor);
                    String item = intrusion.organisation() + "/" + actor;
                    if (intrusionTruth.containsKey(item)) {
                        intrusionPredicted.computeIfAbsent(item, key -> new TreeSet<>()).add(campaign.id());
                    }
                }
            }
            for (String actor : attributed) {
                String copied = actors.get(actor).copies();
                if (!copied.isEmpty() && attributed.contains(copied)) {
                    copycatMixes.add(campaign.id() + " holds " + actor + " and " + copied + ", whose public tradecraft " + actor + " copies");
                }
            }
            for (String ip : campaign.values(ObservableType.SOURCE_IP)) {
                Set<String> ipOwners = owners.get(ip);
                if (ipOwners != null && attribution.onlyReconnaissance(ipOwners)) {
                    reconnaissance.add(campaign.id() + " carries " + ip + " of " + String.join(", ", ipOwners));
                }
            }
        }
        return new CampaignScore(ClusterScore.of(ipTruth, ipPredicted), ClusterScore.of(intrusionTruth, intrusionPredicted),
                campaigns.size(), realActors, copycatMixes, reconnaissance, unattributed);
    }

    /** Whether some campaign holds a copycat together with the actor it copies. */
    public boolean mixesCopycat()
    {
        return !copycatMixes.isEmpty();
    }

    /** Whether some campaign carries a scanner's or research probe's address. */
    public boolean carriesReconnaissance()
    {
        return !reconnaissance.isEmpty();
    }

    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder();
        out.append(campaigns).append(" campaigns for ").append(actors).append(" actors\n");
        out.append("source IPs: ").append(sourceIps).append('\n');
        out.append("intrusions: ").append(intrusions).append('\n');
        out.append("copycat mixed with the actor it copies: ").append(copycatMixes.isEmpty() ? "no" : String.join("; ", copycatMixes))
                .append('\n');
        out.append("reconnaissance in campaigns: ").append(reconnaissance.isEmpty() ? "no" : String.join("; ", reconnaissance))
                .append('\n');
        out.append("unattributed intrusions: ").append(unattributed.size());
        return out.toString();
    }

    /** Who is behind an intrusion, by the truth: its addresses first, its organisation and webshell when it has none. */
    private record Attribution(Map<String, ActorTruth> actors, Map<String, Set<String>> owners, Map<String, OrganisationTruth> organisations)
    {
        Set<String> actorsOf(Intrusion intrusion)
        {
            Set<String> found = new TreeSet<>();
            boolean known = false;
            for (String ip : intrusion.values(ObservableType.SOURCE_IP)) {
                Set<String> ipOwners = owners.get(ip);
                if (ipOwners == null) {
                    continue;
                }
                known = true;
                for (String actor : ipOwners) {
                    if (!actors.get(actor).reconnaissance()) {
                        found.add(actor);
                    }
                }
            }
            if (known || intrusion.sightings().stream().allMatch(sighting -> sighting.stage() == Stage.RECON)) {
                return found;
            }
            OrganisationTruth organisation = organisations.get(intrusion.organisation());
            if (organisation == null) {
                return found;
            }
            List<String> candidates = new ArrayList<>();
            for (String actor : organisation.actors()) {
                if (!actors.get(actor).reconnaissance()) {
                    candidates.add(actor);
                }
            }
            if (candidates.size() > 1) {
                List<String> narrowed = new ArrayList<>();
                for (String actor : candidates) {
                    if (carriesWebshell(intrusion, actors.get(actor).webshell())) {
                        narrowed.add(actor);
                    }
                }
                candidates = narrowed;
            }
            if (candidates.size() == 1) {
                found.add(candidates.get(0));
            }
            return found;
        }

        boolean carriesReconnaissance(Intrusion intrusion)
        {
            for (String ip : intrusion.values(ObservableType.SOURCE_IP)) {
                Set<String> ipOwners = owners.get(ip);
                if (ipOwners != null && onlyReconnaissance(ipOwners)) {
                    return true;
                }
            }
            return false;
        }

        boolean onlyReconnaissance(Set<String> ipOwners)
        {
            for (String actor : ipOwners) {
                if (!actors.get(actor).reconnaissance()) {
                    return false;
                }
            }
            return true;
        }

        private static boolean carriesWebshell(Intrusion intrusion, String webshell)
        {
            if (webshell.isEmpty()) {
                return false;
            }
            for (String name : intrusion.values(ObservableType.WEBSHELL_NAME)) {
                if (name.equalsIgnoreCase(webshell)) {
                    return true;
                }
            }
            for (String path : intrusion.values(ObservableType.WEBSHELL_PATH)) {
                int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
                if (path.substring(slash + 1).equalsIgnoreCase(webshell)) {
                    return true;
                }
            }
            return false;
        }
    }
}
