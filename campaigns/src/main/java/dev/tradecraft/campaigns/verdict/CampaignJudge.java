package dev.tradecraft.campaigns.verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tradecraft.campaigns.weight.ArtefactWeights;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * Judges one cluster of intrusions: one actor, several, or undetermined, with a confidence and
 * the sentences that justify it. See docs/campaigns.md for the rules and the confidence scale.
 *
 * <ul>
 * <li><b>undetermined</b>: one intrusion (nothing to compare), or intrusions that share neither
 * infrastructure nor private tooling;</li>
 * <li><b>multiple-actors</b>: the intrusions fall into groups that share no source address, domain
 * or user agent with each other: the same tools in different hands;</li>
 * <li><b>single-actor</b>: otherwise.</li>
 * </ul>
 */
public final class CampaignJudge
{
    private static final int LISTED_VALUES = 3;

    private CampaignJudge() {}

    /**
     * @param id the campaign's id
     * @param intrusions its intrusions
     * @param groups the intrusions split by operator evidence (ids of each group); one group when
     *        infrastructure or habits tie them all
     * @param weights the weighting, for rarity and public dates
     * @param overall for each artefact, at how many organisations any campaign (attempts included) saw it
     */
    public static Campaign judge(String id, List<Intrusion> intrusions, List<List<String>> groups, ArtefactWeights weights, Map<Observable, Integer> overall)
    {
        List<Intrusion> ordered = new ArrayList<>(intrusions);
        ordered.sort(Comparator.comparing((Intrusion intrusion) -> intrusion.firstSeen().orElse(Instant.MAX)).thenComparing(Intrusion::id));
        Facts facts = Facts.of(ordered, weights, overall);
        List<String> evidence = new ArrayList<>();
        List<String> against = new ArrayList<>();
        evidence.add(facts.headline());
        evidence.addAll(facts.details());
        against.addAll(facts.commodityNotes());
        if (facts.hostOnly > 0) {
            against.add(facts.hostOnly + (facts.hostOnly == 1 ? " of the intrusions was" : " of the intrusions were")
                    + " seen on hosts only (no web requests), so " + (facts.hostOnly == 1 ? "it joins" : "they join") + " by tooling, not by infrastructure");
        }

        CampaignVerdict verdict;
        int confidence;
        List<InferredActor> actors = new ArrayList<>();
        if (ordered.size() == 1) {
            verdict = CampaignVerdict.UNDETERMINED;
            confidence = 20;
            against.add("one intrusion only: nothing to compare it with");
        }
        else if (groups.size() > 1) {
            verdict = CampaignVerdict.MULTIPLE_ACTORS;
            confidence = Math.min(90, 50 + 10 * Math.min(3, groups.size() - 1) + (facts.commodityShared ? 10 : 0));
            against.add("the intrusions form " + groups.size() + " groups that share no source address, domain or user agent: "
                    + describeGroups(groups, ordered) + "; what ties them is tooling, which can be shared or copied");
            char letter = 'A';
            for (List<String> group : groups) {
                actors.add(new InferredActor(id + "-" + letter, group));
                letter = letter < 'Z' ? (char) (letter + 1) : letter;
            }
        }
        else if (!facts.sharedOperator && !facts.sharedPrivateTooling) {
            verdict = CampaignVerdict.UNDETERMINED;
            confidence = 35;
            against.add("the intrusions share neither infrastructure nor tooling that was private at the time");
        }
        else {
            verdict = CampaignVerdict.SINGLE_ACTOR;
            int score = 50;
            score += facts.organisations >= 3 ? 10 : 0;
            score += facts.organisations >= 10 ? 5 : 0;
            score += facts.sharedOperator ? 15 : 0;
            score += facts.dominantUserAgentShare >= 0.8 ? 10 : 0;
            score += facts.sharedPrivateTooling ? 10 : 0;
            score -= facts.hostOnly > 0 ? 10 : 0;
            score -= !facts.sharedPrivateTooling && facts.commodityShared ? 15 : 0;
            confidence = Math.max(30, Math.min(95, score));
            List<String> all = new ArrayList<>();
            ordered.forEach(intrusion -> all.add(intrusion.id()));
            actors.add(new InferredActor(id + "-A", all));
        }
        return new Campaign(id, verdict, confidence, ordered, actors, evidence, against);
    }

    private static String describeGroups(List<List<String>> groups, List<Intrusion> intrusions)
    {
        Map<String, Intrusion> byId = new LinkedHashMap<>();
        intrusions.forEach(intrusion -> byId.put(intrusion.id(), intrusion));
        List<String> parts = new ArrayList<>();
        char letter = 'A';
        for (List<String> group : groups) {
            Set<String> ips = new TreeSet<>();
            Set<String> agents = new TreeSet<>();
            Set<String> organisations = new TreeSet<>();
            for (String member : group) {
                Intrusion intrusion = byId.get(member);
                ips.addAll(intrusion.values(ObservableType.SOURCE_IP));
                agents.addAll(intrusion.values(ObservableType.USER_AGENT));
                organisations.add(intrusion.organisation());
            }
            parts.add(letter + ") " + organisations.size() + " organisation(s) from " + list(ips, "source IP") + (agents.isEmpty() ? "" : " with " + quoted(agents)));
            letter = letter < 'Z' ? (char) (letter + 1) : letter;
        }
        return String.join("; ", parts);
    }

    private static String list(Set<String> values, String noun)
    {
        if (values.isEmpty()) {
            return "no " + noun;
        }
        List<String> shown = new ArrayList<>(values).subList(0, Math.min(LISTED_VALUES, values.size()));
        return values.size() + " " + noun + (values.size() == 1 ? "" : "s") + " (" + String.join(", ", shown) + (values.size() > shown.size() ? ", …" : "") + ")";
    }

    private static String quoted(Set<String> agents)
    {
        List<String> shown = new ArrayList<>(agents).subList(0, Math.min(2, agents.size()));
        return "user agent " + String.join(" / ", shown.stream().map(agent -> "'" + agent + "'").toList()) + (agents.size() > shown.size() ? " and " + (agents.size() - shown.size()) + " more" : "");
    }

    /** Counts over a campaign's intrusions that the sentences and the verdict rest on. */
    private static final class Facts
    {
        private final List<Intrusion> intrusions;
        private final ArtefactWeights weights;
        private final Map<Observable, Set<String>> organisationsByValue = new TreeMap<>();
        private final Map<Observable, Integer> intrusionsByValue = new TreeMap<>();
        private final Map<Observable, Integer> publicUses = new TreeMap<>();
        private int organisations;
        private int hostOnly;
        private int attempts;
        private int webIntrusions;
        private boolean sharedOperator;
        private boolean sharedPrivateTooling;
        private boolean commodityShared;
        private double dominantUserAgentShare;
        private Optional<Instant> first = Optional.empty();
        private Optional<Instant> last = Optional.empty();

        private final Map<Observable, Integer> overall;

        private Facts(List<Intrusion> intrusions, ArtefactWeights weights, Map<Observable, Integer> overall)
        {
            this.intrusions = intrusions;
            this.weights = weights;
            this.overall = overall;
        }

        static Facts of(List<Intrusion> intrusions, ArtefactWeights weights, Map<Observable, Integer> overall)
        {
            Facts facts = new Facts(intrusions, weights, overall);
            facts.count();
            return facts;
        }

        private void count()
        {
            Set<String> victims = new TreeSet<>();
            Map<String, Integer> agents = new TreeMap<>();
            for (Intrusion intrusion : intrusions) {
                victims.add(intrusion.organisation());
                if (intrusion.sightings().stream().allMatch(sighting -> sighting.isReconnaissance())) {
                    attempts++;
                }
                if (intrusion.values(ObservableType.SOURCE_IP).isEmpty()) {
                    hostOnly++;
                }
                else {
                    webIntrusions++;
                }
                intrusion.values(ObservableType.USER_AGENT).forEach(agent -> agents.merge(agent, 1, Integer::sum));
                intrusion.firstSeen().ifPresent(time -> first = Optional.of(first.map(known -> known.isBefore(time) ? known : time).orElse(time)));
                intrusion.lastSeen().ifPresent(time -> last = Optional.of(last.map(known -> known.isAfter(time) ? known : time).orElse(time)));
                Map<Observable, Optional<Instant>> firstUse = new TreeMap<>();
                intrusion.sightings().forEach(sighting -> sighting.observables().forEach(value -> {
                    Optional<Instant> known = firstUse.get(value);
                    if (known == null || (sighting.time().isPresent() && (known.isEmpty() || sighting.time().get().isBefore(known.get())))) {
                        firstUse.put(value, sighting.time());
                    }
                }));
                for (Map.Entry<Observable, Optional<Instant>> entry : firstUse.entrySet()) {
                    organisationsByValue.computeIfAbsent(entry.getKey(), key -> new TreeSet<>()).add(intrusion.organisation());
                    intrusionsByValue.merge(entry.getKey(), 1, Integer::sum);
                    if (weights.isCommodity(entry.getKey(), entry.getValue(), entry.getValue())) {
                        publicUses.merge(entry.getKey(), 1, Integer::sum);
                    }
                }
            }
            organisations = victims.size();
            int topAgent = agents.values().stream().max(Integer::compare).orElse(0);
            dominantUserAgentShare = webIntrusions == 0 ? 0 : (double) topAgent / webIntrusions;
            for (Map.Entry<Observable, Integer> entry : intrusionsByValue.entrySet()) {
                Observable value = entry.getKey();
                if (entry.getValue() < 2 || weights.weight(value) == 0) {
                    continue;
                }
                int privateUses = entry.getValue() - publicUses.getOrDefault(value, 0);
                if (ArtefactWeights.isOperatorType(value.type()) && value.type() != ObservableType.TOOL) {
                    sharedOperator = true;
                }
                else if (!ArtefactWeights.isOperatorType(value.type())) {
                    if (privateUses >= 2) {
                        sharedPrivateTooling = true;
                    }
                    if (publicUses.getOrDefault(value, 0) > 0) {
                        commodityShared = true;
                    }
                }
            }
        }

        /** "the same webshell name spinstall0.aspx and the same encoded dropper at 14 organisations from 2 source IPs within 15 hours". */
        String headline()
        {
            List<String> same = new ArrayList<>();
            topShared(ObservableType.WEBSHELL_NAME).ifPresent(value -> same.add("the same webshell name " + value.value()));
            topShared(ObservableType.COMMAND_FINGERPRINT).ifPresent(value -> same.add("the same encoded dropper (fingerprint " + shortHash(value.value()) + ")"));
            topShared(ObservableType.FILE_HASH).ifPresent(value -> same.add("the same file (SHA-256 " + shortHash(value.value()) + ")"));
            if (same.isEmpty()) {
                topShared(ObservableType.REQUEST_VARIANT).ifPresent(value -> same.add("the same exploit request shape"));
            }
            Set<String> ips = new TreeSet<>();
            intrusions.forEach(intrusion -> ips.addAll(intrusion.values(ObservableType.SOURCE_IP)));
            StringBuilder text = new StringBuilder();
            text.append(same.isEmpty() ? intrusions.size() + " intrusion(s)" : String.join(" and ", same));
            text.append(" at ").append(organisations).append(organisations == 1 ? " organisation" : " organisations");
            if (attempts > 0) {
                text.append(" (").append(attempts).append(attempts == 1 ? " of the intrusions was a refused attempt" : " of the intrusions were refused attempts").append(')');
            }
            text.append(" from ").append(ips.size()).append(ips.size() == 1 ? " source IP" : " source IPs");
            if (first.isPresent() && last.isPresent()) {
                text.append(" within ").append(span(Duration.between(first.get(), last.get())));
                text.append(" (").append(first.get().truncatedTo(ChronoUnit.SECONDS)).append(" to ").append(last.get().truncatedTo(ChronoUnit.SECONDS)).append(')');
            }
            return text.toString();
        }

        List<String> details()
        {
            List<String> lines = new ArrayList<>();
            for (ObservableType type : List.of(ObservableType.SOURCE_IP, ObservableType.DOMAIN, ObservableType.USER_AGENT,
                    ObservableType.REQUEST_VARIANT, ObservableType.WEBSHELL_NAME, ObservableType.COMMAND_FINGERPRINT, ObservableType.FILE_HASH, ObservableType.TOOL)) {
                List<Map.Entry<Observable, Set<String>>> shared = organisationsByValue.entrySet().stream()
                        .filter(entry -> entry.getKey().type() == type && intrusionsByValue.get(entry.getKey()) >= 2)
                        .sorted(Comparator.comparing((Map.Entry<Observable, Set<String>> entry) -> -entry.getValue().size()).thenComparing(Map.Entry::getKey))
                        .limit(LISTED_VALUES)
                        .toList();
                for (Map.Entry<Observable, Set<String>> entry : shared) {
                    Observable value = entry.getKey();
                    int at = intrusionsByValue.get(value);
                    int everywhere = Math.max(entry.getValue().size(), overall.getOrDefault(value, 0));
                    String rarity = weights.excluded(value) ? "generic, not counted"
                            : weights.overCorrelated(value) ? "seen at " + everywhere + " organisations in all, too common to count"
                            : "seen at " + everywhere + " organisation" + (everywhere == 1 ? "" : "s") + " in all";
                    int here = entry.getValue().size();
                    lines.add(label(type) + " " + show(value) + " at " + at + " of " + intrusions.size() + " intrusions (" + here
                            + (here == 1 ? " organisation; " : " organisations; ") + rarity + ")");
                }
            }
            return lines;
        }

        List<String> commodityNotes()
        {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<Observable, Integer> entry : publicUses.entrySet()) {
                Observable value = entry.getKey();
                Optional<Instant> since = weights.publicSince(value);
                if (since.isPresent() && intrusionsByValue.getOrDefault(value, 0) >= 2) {
                    lines.add(label(value.type()) + " " + show(value) + " was public from " + since.get().toString().substring(0, 10) + "; "
                            + entry.getValue() + " of the intrusions used it after that, where it is evidence of the tool, not of the actor");
                }
            }
            return lines;
        }

        private Optional<Observable> topShared(ObservableType type)
        {
            return intrusionsByValue.entrySet().stream()
                    .filter(entry -> entry.getKey().type() == type && entry.getValue() >= 2)
                    .max(Comparator.comparing((Map.Entry<Observable, Integer> entry) -> entry.getValue()).thenComparing(entry -> entry.getKey().value(), Comparator.reverseOrder()))
                    .map(Map.Entry::getKey);
        }

        private static String label(ObservableType type)
        {
            return switch (type) {
                case SOURCE_IP -> "source IP";
                case DOMAIN -> "domain";
                case USER_AGENT -> "user agent";
                case REQUEST_VARIANT -> "exploit request shape";
                case REQUEST_SIZE -> "request size";
                case WEBSHELL_NAME -> "webshell name";
                case WEBSHELL_PATH -> "webshell path";
                case COMMAND_FINGERPRINT -> "encoded command fingerprint";
                case FILE_HASH -> "file SHA-256";
                case TOOL -> "follow-on tool";
            };
        }

        private static String show(Observable value)
        {
            return switch (value.type()) {
                case COMMAND_FINGERPRINT, FILE_HASH -> shortHash(value.value());
                case USER_AGENT, REQUEST_VARIANT -> "'" + value.value() + "'";
                default -> value.value();
            };
        }

        private static String shortHash(String hash)
        {
            return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
        }

        private static String span(Duration duration)
        {
            long hours = duration.toHours();
            if (hours < 1) {
                return duration.toMinutes() + " minutes";
            }
            if (hours < 72) {
                return hours + " hours";
            }
            return String.format(Locale.ROOT, "%.1f days", duration.toHours() / 24.0);
        }
    }
}
