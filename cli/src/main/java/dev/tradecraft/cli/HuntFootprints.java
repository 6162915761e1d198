package dev.tradecraft.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tradecraft.core.Hit;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;

/** What the hunts know of each organisation: its status, and the names and addresses its servers answered on. */
final class HuntFootprints
{
    private HuntFootprints() {}

    static Map<String, CrossReference.Footprint> of(List<OrganisationVerdict> verdicts, List<Hit> hits)
    {
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> addresses = new HashMap<>();
        for (Hit hit : hits) {
            String organisation = hit.origin().organisation();
            String host = hit.event().field("cs-host");
            if (host != null && !host.isBlank()) {
                names.computeIfAbsent(organisation, key -> new HashSet<>()).add(host.toLowerCase(Locale.ROOT).replaceAll(":\\d+$", ""));
            }
            String server = hit.event().field("s-ip");
            if (server != null && !server.isBlank()) {
                addresses.computeIfAbsent(organisation, key -> new HashSet<>()).add(server);
            }
        }
        Map<String, CrossReference.Footprint> footprints = new LinkedHashMap<>();
        for (OrganisationVerdict verdict : verdicts) {
            String organisation = verdict.organisation();
            footprints.put(organisation, new CrossReference.Footprint(organisation, verdict.status().label(),
                    names.getOrDefault(organisation, Set.of()), addresses.getOrDefault(organisation, Set.of())));
        }
        return footprints;
    }
}
