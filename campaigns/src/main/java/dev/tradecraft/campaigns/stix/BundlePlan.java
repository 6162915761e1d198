package dev.tradecraft.campaigns.stix;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tradecraft.campaigns.stix.StixPatterns.IndicatorPattern;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.Sighting;

/**
 * The STIX objects a list of campaigns becomes, with their ids and times, in the order they are
 * written: identities by name, campaigns as given, intrusion sets as first named, indicators by
 * pattern, then relationships and sightings campaign by campaign. Working it out before writing
 * keeps the writer a plain walk and makes shared objects (a victim or a source address in two
 * campaigns) come out once.
 */
final class BundlePlan
{
    record IdentityObject(String id, String name)
    {
        IdentityObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }

    record CampaignObject(String id, Campaign campaign, Optional<Instant> firstSeen, Optional<Instant> lastSeen)
    {
        CampaignObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(campaign, "campaign is null");
            requireNonNull(firstSeen, "firstSeen is null");
            requireNonNull(lastSeen, "lastSeen is null");
        }
    }

    record ActorObject(String id, String name, SortedSet<String> intrusionIds, Optional<Instant> firstSeen, Optional<Instant> lastSeen)
    {
        ActorObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            intrusionIds = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(intrusionIds, "intrusionIds is null")));
            requireNonNull(firstSeen, "firstSeen is null");
            requireNonNull(lastSeen, "lastSeen is null");
        }
    }

    record IndicatorObject(String id, String pattern, String name, Optional<Instant> validFrom, List<String> campaignNames)
    {
        IndicatorObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(pattern, "pattern is null");
            requireNonNull(name, "name is null");
            requireNonNull(validFrom, "validFrom is null");
            campaignNames = List.copyOf(campaignNames);
        }
    }

    record RelationshipObject(String id, String type, String sourceRef, String targetRef, OptionalInt confidence, Optional<String> description)
    {
        RelationshipObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(type, "type is null");
            requireNonNull(sourceRef, "sourceRef is null");
            requireNonNull(targetRef, "targetRef is null");
            requireNonNull(confidence, "confidence is null");
            requireNonNull(description, "description is null");
        }
    }

    record SightingObject(String id, String campaignRef, String identityRef, Optional<Instant> firstSeen, Optional<Instant> lastSeen, long count,
            List<String> intrusionIds)
    {
        SightingObject
        {
            requireNonNull(id, "id is null");
            requireNonNull(campaignRef, "campaignRef is null");
            requireNonNull(identityRef, "identityRef is null");
            requireNonNull(firstSeen, "firstSeen is null");
            requireNonNull(lastSeen, "lastSeen is null");
            checkArgument(count >= 0, "count is negative: %s", count);
            intrusionIds = List.copyOf(intrusionIds);
        }
    }

    final String bundleId;
    final List<IdentityObject> identities = new ArrayList<>();
    final List<CampaignObject> campaigns = new ArrayList<>();
    final List<ActorObject> actors = new ArrayList<>();
    final List<IndicatorObject> indicators = new ArrayList<>();
    final List<RelationshipObject> relationships = new ArrayList<>();
    final List<SightingObject> sightings = new ArrayList<>();

    private BundlePlan(String bundleId)
    {
        this.bundleId = bundleId;
    }

    static BundlePlan of(List<Campaign> campaigns)
    {
        Set<String> campaignIds = new HashSet<>();
        for (Campaign campaign : campaigns) {
            requireNonNull(campaign, "campaign is null");
            checkArgument(campaignIds.add(campaign.id()), "campaign id %s appears twice", campaign.id());
        }

        Map<String, String> identityIds = new TreeMap<>();
        for (Campaign campaign : campaigns) {
            for (Intrusion intrusion : campaign.intrusions()) {
                identityIds.computeIfAbsent(intrusion.organisation(), organisation -> StixIds.id("identity", "identity|" + organisation));
            }
        }

        List<CampaignObject> campaignObjects = new ArrayList<>();
        StringBuilder bundleKey = new StringBuilder("bundle");
        for (Campaign campaign : campaigns) {
            String id = StixIds.id("campaign", "campaign|" + campaign.id() + "|" + String.join("|", campaign.organisations()));
            TimeSpan span = new TimeSpan();
            for (Intrusion intrusion : campaign.intrusions()) {
                span.addAll(intrusion);
            }
            campaignObjects.add(new CampaignObject(id, campaign, span.first(), span.last()));
            bundleKey.append('|').append(id);
        }

        BundlePlan plan = new BundlePlan(StixIds.id("bundle", bundleKey.toString()));
        identityIds.forEach((name, id) -> plan.identities.add(new IdentityObject(id, name)));
        plan.campaigns.addAll(campaignObjects);
        plan.planActors();
        plan.planIndicators();
        plan.planRelationshipsAndSightings(identityIds);
        return plan;
    }

    /** Actors with the same name in two campaigns are one intrusion set. */
    private void planActors()
    {
        Map<String, TreeSet<String>> intrusionsByActor = new LinkedHashMap<>();
        Map<String, TimeSpan> spanByActor = new HashMap<>();
        for (CampaignObject campaign : campaigns) {
            Map<String, Intrusion> intrusionsById = new HashMap<>();
            for (Intrusion intrusion : campaign.campaign().intrusions()) {
                intrusionsById.putIfAbsent(intrusion.id(), intrusion);
            }
            for (InferredActor actor : campaign.campaign().actors()) {
                TreeSet<String> intrusionIds = intrusionsByActor.computeIfAbsent(actor.name(), name -> new TreeSet<>());
                TimeSpan span = spanByActor.computeIfAbsent(actor.name(), name -> new TimeSpan());
                for (String intrusionId : actor.intrusionIds()) {
                    intrusionIds.add(intrusionId);
                    Intrusion intrusion = intrusionsById.get(intrusionId);
                    if (intrusion != null) {
                        span.addAll(intrusion);
                    }
                }
            }
        }
        for (Map.Entry<String, TreeSet<String>> actor : intrusionsByActor.entrySet()) {
            TimeSpan span = spanByActor.get(actor.getKey());
            actors.add(new ActorObject(StixIds.id("intrusion-set", "intrusion-set|" + actor.getKey()), actor.getKey(), actor.getValue(),
                    span.first(), span.last()));
        }
    }

    private static final class IndicatorDraft
    {
        final String name;
        final TimeSpan span = new TimeSpan();
        final Set<Integer> campaigns = new TreeSet<>();

        IndicatorDraft(String name)
        {
            this.name = name;
        }
    }

    private void planIndicators()
    {
        Map<String, IndicatorDraft> drafts = new TreeMap<>();
        // the same artefact recurs in many sightings; work its pattern out once
        Map<Observable, Optional<IndicatorPattern>> patterns = new HashMap<>();
        for (int index = 0; index < campaigns.size(); index++) {
            for (Intrusion intrusion : campaigns.get(index).campaign().intrusions()) {
                for (Sighting sighting : intrusion.sightings()) {
                    for (Observable observable : sighting.observables()) {
                        Optional<IndicatorPattern> pattern = patterns.computeIfAbsent(observable, StixPatterns::forObservable);
                        if (pattern.isEmpty()) {
                            continue;
                        }
                        IndicatorDraft draft = drafts.computeIfAbsent(pattern.get().pattern(), key -> new IndicatorDraft(pattern.get().name()));
                        draft.span.add(sighting.time());
                        draft.campaigns.add(index);
                    }
                }
            }
        }
        for (Map.Entry<String, IndicatorDraft> entry : drafts.entrySet()) {
            IndicatorDraft draft = entry.getValue();
            List<String> campaignNames = new ArrayList<>();
            for (int index : draft.campaigns) {
                campaignNames.add(campaigns.get(index).campaign().id());
            }
            indicators.add(new IndicatorObject(StixIds.id("indicator", "indicator|" + entry.getKey()), entry.getKey(), draft.name, draft.span.first(),
                    campaignNames));
        }
    }

    private void planRelationshipsAndSightings(Map<String, String> identityIds)
    {
        Map<String, String> actorIds = new HashMap<>();
        for (ActorObject actor : actors) {
            actorIds.put(actor.name(), actor.id());
        }
        Map<String, String> campaignRefs = new HashMap<>();
        Map<String, RelationshipObject> planned = new LinkedHashMap<>();
        for (CampaignObject object : campaigns) {
            Campaign campaign = object.campaign();
            campaignRefs.put(campaign.id(), object.id());
            for (String organisation : campaign.organisations()) {
                add(planned, "targets", object.id(), identityIds.get(organisation), OptionalInt.empty(), Optional.empty());
            }
            for (InferredActor actor : campaign.actors()) {
                add(planned, "attributed-to", object.id(), actorIds.get(actor.name()), OptionalInt.of(campaign.confidence()),
                        Optional.of(campaign.id() + " is attributed to " + actor.name() + " (" + campaign.verdict().label() + ", intrusions "
                                + String.join(", ", actor.intrusionIds()) + ")"));
            }
        }
        for (IndicatorObject indicator : indicators) {
            for (String campaignName : indicator.campaignNames()) {
                add(planned, "indicates", indicator.id(), campaignRefs.get(campaignName), OptionalInt.empty(), Optional.empty());
            }
        }
        relationships.addAll(planned.values());

        for (CampaignObject object : campaigns) {
            Map<String, List<Intrusion>> intrusionsByOrganisation = new TreeMap<>();
            for (Intrusion intrusion : object.campaign().intrusions()) {
                intrusionsByOrganisation.computeIfAbsent(intrusion.organisation(), organisation -> new ArrayList<>()).add(intrusion);
            }
            for (Map.Entry<String, List<Intrusion>> entry : intrusionsByOrganisation.entrySet()) {
                String identityRef = identityIds.get(entry.getKey());
                TimeSpan span = new TimeSpan();
                long count = 0;
                List<String> intrusionIds = new ArrayList<>();
                for (Intrusion intrusion : entry.getValue()) {
                    span.addAll(intrusion);
                    count += intrusion.sightings().size();
                    intrusionIds.add(intrusion.id());
                }
                sightings.add(new SightingObject(StixIds.id("sighting", "sighting|" + object.id() + "|" + identityRef), object.id(), identityRef,
                        span.first(), span.last(), count, intrusionIds));
            }
        }
    }

    private static void add(Map<String, RelationshipObject> planned, String type, String source, String target, OptionalInt confidence,
            Optional<String> description)
    {
        String id = StixIds.id("relationship", "relationship|" + type + "|" + source + "|" + target);
        planned.putIfAbsent(id, new RelationshipObject(id, type, source, target, confidence, description));
    }

    /** Earliest and latest of the times STIX can carry; times outside years 0 to 9999 are left out. */
    private static final class TimeSpan
    {
        private Instant first;
        private Instant last;

        void add(Optional<Instant> time)
        {
            if (time.isEmpty() || !StixTime.representable(time.get())) {
                return;
            }
            Instant value = time.get();
            if (first == null || value.isBefore(first)) {
                first = value;
            }
            if (last == null || value.isAfter(last)) {
                last = value;
            }
        }

        void addAll(Intrusion intrusion)
        {
            for (Sighting sighting : intrusion.sightings()) {
                add(sighting.time());
            }
        }

        Optional<Instant> first()
        {
            return Optional.ofNullable(first);
        }

        Optional<Instant> last()
        {
            return Optional.ofNullable(last);
        }
    }
}
