package dev.tradecraft.hunt.verdict;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Level;

/**
 * The verdict on one organisation with the evidence a person checks it by.
 *
 * @param organisation the organisation's name as hunted
 * @param status compromised, attempted or clean
 * @param hosts hosts with files read, sorted
 * @param firstExploit time of the first exploit request seen, if any
 * @param firstCompromise time of the first evidence of compromise, if compromised
 * @param webshells webshell paths seen served or written, sorted
 * @param sourceIps client addresses of exploit, webshell and key-use requests, sorted
 * @param hitsByLevel hit counts per level (every level present, zero when none)
 * @param evidence sentences that justify the status, each pointing at file and position
 */
public record OrganisationVerdict(
        String organisation,
        OrganisationStatus status,
        List<String> hosts,
        Optional<Instant> firstExploit,
        Optional<Instant> firstCompromise,
        List<String> webshells,
        List<String> sourceIps,
        Map<Level, Long> hitsByLevel,
        List<String> evidence)
{
    public OrganisationVerdict
    {
        checkNotBlank(organisation, "organisation");
        requireNonNull(status, "status is null");
        hosts = List.copyOf(hosts);
        requireNonNull(firstExploit, "firstExploit is null");
        requireNonNull(firstCompromise, "firstCompromise is null");
        webshells = List.copyOf(webshells);
        sourceIps = List.copyOf(sourceIps);
        EnumMap<Level, Long> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, hitsByLevel.getOrDefault(level, 0L));
        }
        hitsByLevel = Collections.unmodifiableMap(counts);
        evidence = List.copyOf(evidence);
    }

    public long hitCount()
    {
        long total = 0;
        for (long count : hitsByLevel.values()) {
            total += count;
        }
        return total;
    }
}
