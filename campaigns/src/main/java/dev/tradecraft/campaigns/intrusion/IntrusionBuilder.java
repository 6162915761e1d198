package dev.tradecraft.campaigns.intrusion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;

/**
 * Groups one organisation's sightings into intrusions, the units campaigns are made of:
 * <ol>
 * <li>web sightings by their real client address: one address, one intrusion; requests whose
 * client a balancer hides, by host in bursts separated by more than {@link #BURST_GAP};</li>
 * <li>host sightings (no address) by host, in bursts separated by more than {@link #BURST_GAP};</li>
 * <li>a host burst joins the web intrusion that explains it: one that requested the webshell the
 * host wrote, else the one whose accepted access came closest before the burst (within
 * {@link #CAUSE_WINDOW}, allowing {@link #CLOCK_SKEW}: droppers run seconds after the request that
 * starts them); a burst nothing explains stays an intrusion of its own, to be tied by its tooling
 * (logs of the web side missing, hands-on work hours later, or benign software that a rule caught);</li>
 * <li>an address (or hidden client) that only used a webshell or stolen keys, without exploiting anything itself,
 * follows up an earlier compromise: it joins the intrusion whose accepted exploit or served
 * webshell came last before it (the one that requested the same webshell first). The keys or the
 * shell it used came from there.</li>
 * </ol>
 * Reconnaissance (scans, webshell checks, refused requests) is not an intrusion and must be
 * filtered out before.
 */
public final class IntrusionBuilder
{
    static final Duration BURST_GAP = Duration.ofHours(2);
    static final Duration CAUSE_WINDOW = Duration.ofHours(1);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private IntrusionBuilder() {}

    /** Intrusions of all organisations, ordered by organisation, then first activity. */
    public static List<Intrusion> build(List<Sighting> sightings)
    {
        Map<String, List<Sighting>> byOrganisation = new TreeMap<>();
        for (Sighting sighting : sightings) {
            if (sighting.isReconnaissance()) {
                throw new IllegalArgumentException("reconnaissance is not an intrusion: " + sighting.evidence());
            }
            byOrganisation.computeIfAbsent(sighting.organisation(), name -> new ArrayList<>()).add(sighting);
        }
        List<Intrusion> intrusions = new ArrayList<>();
        byOrganisation.forEach((organisation, list) -> intrusions.addAll(buildOne(organisation, list)));
        return intrusions;
    }

    private static List<Intrusion> buildOne(String organisation, List<Sighting> sightings)
    {
        List<Sighting> ordered = new ArrayList<>(sightings);
        ordered.sort(BY_TIME);
        Map<String, List<Sighting>> web = new LinkedHashMap<>();
        Map<String, List<Sighting>> hiddenClients = new TreeMap<>();
        Map<String, List<Sighting>> hostOnly = new TreeMap<>();
        for (Sighting sighting : ordered) {
            List<String> addresses = sighting.values(ObservableType.SOURCE_IP);
            if (!addresses.isEmpty()) {
                web.computeIfAbsent(addresses.get(0), key -> new ArrayList<>()).add(sighting);
            }
            else if (isWebStage(sighting.stage())) {
                // A balancer that hides its clients: web requests without an address, grouped by host and time.
                hiddenClients.computeIfAbsent(sighting.origin().host(), key -> new ArrayList<>()).add(sighting);
            }
            else {
                hostOnly.computeIfAbsent(sighting.origin().host(), key -> new ArrayList<>()).add(sighting);
            }
        }
        List<List<Sighting>> addressGroups = new ArrayList<>(web.values());
        for (List<Sighting> hidden : hiddenClients.values()) {
            addressGroups.addAll(bursts(hidden));
        }
        List<List<Sighting>> webGroups = attachFollowOns(addressGroups);
        List<List<Sighting>> groups = new ArrayList<>(webGroups);
        List<Access> accesses = accesses(webGroups);
        for (List<Sighting> hostSightings : hostOnly.values()) {
            for (List<Sighting> burst : bursts(hostSightings)) {
                Optional<List<Sighting>> cause = cause(burst, accesses);
                if (cause.isPresent()) {
                    cause.get().addAll(burst);
                }
                else {
                    groups.add(burst);
                }
            }
        }
        groups.sort(Comparator.comparing(IntrusionBuilder::firstTime).thenComparing(group -> group.get(0).evidence().toString()));
        List<Intrusion> intrusions = new ArrayList<>(groups.size());
        for (List<Sighting> group : groups) {
            group.sort(BY_TIME);
            intrusions.add(new Intrusion(organisation + "#" + (intrusions.size() + 1), organisation, group));
        }
        return intrusions;
    }

    /** Merges follow-on-only address groups into the group whose access they depend on. */
    private static List<List<Sighting>> attachFollowOns(List<List<Sighting>> groups)
    {
        List<List<Sighting>> sources = new ArrayList<>();
        List<List<Sighting>> followOns = new ArrayList<>();
        for (List<Sighting> group : groups) {
            boolean exploits = group.stream().anyMatch(sighting -> sighting.stage() == Stage.EXPLOIT);
            (exploits ? sources : followOns).add(group);
        }
        if (sources.isEmpty()) {
            return groups;
        }
        List<List<Sighting>> kept = new ArrayList<>(sources);
        for (List<Sighting> followOn : followOns) {
            Instant start = firstTime(followOn);
            Set<String> shells = new TreeSet<>();
            followOn.forEach(sighting -> shells.addAll(sighting.values(ObservableType.WEBSHELL_NAME)));
            List<Sighting> best = null;
            boolean bestSharesShell = false;
            Instant bestAccess = null;
            for (List<Sighting> source : sources) {
                Instant access = null;
                boolean sharesShell = false;
                for (Sighting sighting : source) {
                    if (!isAccess(sighting) || sighting.time().isEmpty()) {
                        continue;
                    }
                    Instant time = sighting.time().get();
                    if (start != Instant.MAX && time.isAfter(start.plus(CLOCK_SKEW))) {
                        continue;
                    }
                    if (access == null || time.isAfter(access)) {
                        access = time;
                    }
                    sharesShell |= !Collections.disjoint(shells, sighting.values(ObservableType.WEBSHELL_NAME));
                }
                if (access == null) {
                    continue;
                }
                boolean better = best == null || (sharesShell && !bestSharesShell) || (sharesShell == bestSharesShell && access.isAfter(bestAccess));
                if (better) {
                    best = source;
                    bestSharesShell = sharesShell;
                    bestAccess = access;
                }
            }
            if (best != null) {
                best.addAll(followOn);
            }
            else {
                kept.add(followOn);
            }
        }
        return kept;
    }

    private static List<List<Sighting>> bursts(List<Sighting> sightings)
    {
        List<List<Sighting>> bursts = new ArrayList<>();
        List<Sighting> current = new ArrayList<>();
        Instant last = null;
        for (Sighting sighting : sightings) {
            Instant time = sighting.time().orElse(null);
            if (!current.isEmpty() && time != null && last != null && Duration.between(last, time).compareTo(BURST_GAP) > 0) {
                bursts.add(current);
                current = new ArrayList<>();
            }
            current.add(sighting);
            if (time != null) {
                last = time;
            }
        }
        if (!current.isEmpty()) {
            bursts.add(current);
        }
        return bursts;
    }

    /** What a web group offers to explain host activity: when it got in, and the shells it requested. */
    private record Access(List<Sighting> group, long[] times, Set<String> shells) {}

    private static List<Access> accesses(List<List<Sighting>> webGroups)
    {
        List<Access> accesses = new ArrayList<>(webGroups.size());
        for (List<Sighting> group : webGroups) {
            List<Long> times = new ArrayList<>();
            Set<String> shells = new TreeSet<>();
            for (Sighting sighting : group) {
                if (sighting.stage() == Stage.WEBSHELL) {
                    shells.addAll(sighting.values(ObservableType.WEBSHELL_NAME));
                }
                if (isAccess(sighting) && sighting.time().isPresent()) {
                    times.add(sighting.time().get().toEpochMilli());
                }
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            accesses.add(new Access(group, sorted, shells));
        }
        return accesses;
    }

    private static Optional<List<Sighting>> cause(List<Sighting> burst, List<Access> accesses)
    {
        Set<String> written = new TreeSet<>();
        for (Sighting sighting : burst) {
            written.addAll(sighting.values(ObservableType.WEBSHELL_NAME));
        }
        Instant start = firstTime(burst);
        Access best = null;
        boolean bestSharesShell = false;
        long bestGap = Long.MAX_VALUE;
        for (Access access : accesses) {
            boolean sharesShell = !written.isEmpty() && !Collections.disjoint(written, access.shells());
            long gap = Long.MAX_VALUE;
            if (start != Instant.MAX && access.times().length > 0) {
                // The closest access at or before the burst's start (clock skew allowed), within the window.
                long startMillis = start.toEpochMilli();
                long latest = startMillis + CLOCK_SKEW.toMillis();
                int index = java.util.Arrays.binarySearch(access.times(), latest);
                int before = index >= 0 ? index : -index - 2;
                if (before >= 0 && startMillis - access.times()[before] <= CAUSE_WINDOW.toMillis()) {
                    gap = Math.abs(startMillis - access.times()[before]);
                }
            }
            if (gap == Long.MAX_VALUE && !sharesShell) {
                continue;
            }
            // The shell it wrote being requested beats timing; among equals, the closest access wins.
            boolean better = best == null || (sharesShell && !bestSharesShell) || (sharesShell == bestSharesShell && gap < bestGap);
            if (better) {
                best = access;
                bestSharesShell = sharesShell;
                bestGap = gap;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.group());
    }

    private static boolean isWebStage(Stage stage)
    {
        return stage == Stage.EXPLOIT || stage == Stage.WEBSHELL || stage == Stage.KEY_USE || stage == Stage.RECON;
    }

    /** A request that got in: an accepted exploit, a served webshell, accepted key use. */
    private static boolean isAccess(Sighting sighting)
    {
        return sighting.succeeded() && (sighting.stage() == Stage.EXPLOIT || sighting.stage() == Stage.WEBSHELL || sighting.stage() == Stage.KEY_USE);
    }

    private static Instant firstTime(List<Sighting> sightings)
    {
        Instant first = Instant.MAX;
        for (Sighting sighting : sightings) {
            if (sighting.time().isPresent() && sighting.time().get().isBefore(first)) {
                first = sighting.time().get();
            }
        }
        return first;
    }

    private static final Comparator<Sighting> BY_TIME = Comparator
            .comparing((Sighting sighting) -> sighting.time().orElse(Instant.MAX))
            .thenComparing(sighting -> sighting.evidence().toString());
}
