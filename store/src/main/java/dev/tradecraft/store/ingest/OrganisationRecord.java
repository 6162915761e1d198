package dev.tradecraft.store.ingest;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Level;

/**
 * The verdict on one organisation over every hunt in the workspace.
 *
 * @param name the organisation
 * @param status compromised, attempted or clean
 * @param hosts hosts with files read
 * @param firstExploit first exploit request seen
 * @param firstCompromise first evidence of compromise
 * @param webshells webshell paths seen served or written
 * @param sourceIps client addresses of exploit, webshell and key-use requests
 * @param hitsByLevel hit counts per level
 * @param evidence sentences that justify the status, with file and position
 */
public record OrganisationRecord(String name, String status, List<String> hosts, Optional<Instant> firstExploit,
        Optional<Instant> firstCompromise, List<String> webshells, List<String> sourceIps, Map<Level, Long> hitsByLevel, List<String> evidence)
{
    public OrganisationRecord
    {
        checkNotBlank(name, "name");
        checkNotBlank(status, "status");
        hosts = List.copyOf(hosts);
        requireNonNull(firstExploit, "firstExploit is null");
        requireNonNull(firstCompromise, "firstCompromise is null");
        webshells = List.copyOf(webshells);
        sourceIps = List.copyOf(sourceIps);
        EnumMap<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, hitsByLevel.getOrDefault(level, 0L));
        }
        hitsByLevel = Map.copyOf(counts);
        evidence = List.copyOf(evidence);
    }
}
