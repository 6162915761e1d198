package dev.tradecraft.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.Hit;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.ServerName;
import dev.tradecraft.store.read.WorkspaceQueries;

/** What the hunts know of each organisation: its status, and the names and addresses its servers answered on. */
final class HuntFootprints
{
    private HuntFootprints() {}

    /** From hits in hand and the verdicts over them. */
    static Map<String, CrossReference.Footprint> of(List<OrganisationVerdict> verdicts, List<Hit> hits)
    {
        Map<String, String> statuses = new LinkedHashMap<>();
        verdicts.forEach(verdict -> statuses.put(verdict.organisation(), verdict.status().label()));
        List<ServerName> names = new ArrayList<>();
        for (Hit hit : hits) {
            names.add(new ServerName(hit.origin().organisation(), Optional.ofNullable(hit.event().field("cs-host")),
                    Optional.ofNullable(hit.event().field("s-ip"))));
        }
        return of(statuses, names);
    }

    /** From what the workspace keeps, without parsing a hit. */
    static Map<String, CrossReference.Footprint> of(WorkspaceQueries queries) throws StoreException
    {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (OrganisationSummary organisation : queries.organisations()) {
            statuses.put(organisation.name(), organisation.status());
        }
        return of(statuses, queries.serverNames());
    }

    private static Map<String, CrossReference.Footprint> of(Map<String, String> statuses, List<ServerName> servers)
    {
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> addresses = new HashMap<>();
        for (ServerName server : servers) {
            String organisation = server.organisation();
            server.host().filter(host -> !host.isBlank())
                    .ifPresent(host -> names.computeIfAbsent(organisation, key -> new HashSet<>()).add(host.toLowerCase(Locale.ROOT).replaceAll(":\\d+$", "")));
            server.address().filter(address -> !address.isBlank())
                    .ifPresent(address -> addresses.computeIfAbsent(organisation, key -> new HashSet<>()).add(address));
        }
        Map<String, CrossReference.Footprint> footprints = new LinkedHashMap<>();
        statuses.forEach((organisation, status) -> footprints.put(organisation, new CrossReference.Footprint(organisation, status,
                names.getOrDefault(organisation, Set.of()), addresses.getOrDefault(organisation, Set.of()))));
        return footprints;
    }
}
