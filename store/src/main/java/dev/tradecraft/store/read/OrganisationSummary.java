package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Level;

/**
 * An organisation as listed: its verdict over every hunt and the campaigns it is part of.
 *
 * @param name as hunted
 * @param status compromised, attempted or clean
 * @param hosts hosts with files read
 * @param firstExploit first exploit request seen
 * @param firstCompromise first evidence of compromise
 * @param webshells webshell paths seen served or written
 * @param sourceIps client addresses of exploit, webshell and key-use requests
 * @param hitsByLevel hits per level, every level present
 * @param campaigns ids of the campaigns it is part of
 */
public record OrganisationSummary(String name, String status, List<String> hosts, Optional<Instant> firstExploit,
        Optional<Instant> firstCompromise, List<String> webshells, List<String> sourceIps, Map<Level, Long> hitsByLevel, List<String> campaigns)
{
    public OrganisationSummary
    {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        hosts = List.copyOf(hosts);
        requireNonNull(firstExploit, "firstExploit is null");
        requireNonNull(firstCompromise, "firstCompromise is null");
        webshells = List.copyOf(webshells);
        sourceIps = List.copyOf(sourceIps);
        hitsByLevel = Map.copyOf(hitsByLevel);
        campaigns = List.copyOf(campaigns);
    }

    public long hits()
    {
        return hitsByLevel.values().stream().mapToLong(Long::longValue).sum();
    }
}
