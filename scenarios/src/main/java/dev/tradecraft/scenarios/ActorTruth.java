package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One source of exploit requests in a generated world and the tradecraft that tells it apart.
 *
 * @param id stable identifier, referenced from {@link OrganisationTruth#actors()}
 * @param kind {@code espionage}, {@code ransomware}, {@code copycat} or {@code research}
 * @param sourceIps every address the actor's requests came from in this world, in first-use order
 * @param userAgent the user agent of its exploit requests, as sent (spaces, not {@code +})
 * @param variant the exploit request shape: method, path, query and referer
 * @param webshell file name of the webshell it drops; empty when it drops none
 * @param firstSeen its first exploit request in this world
 * @param note what a human analyst should know about it
 */
public record ActorTruth(String id, String kind, List<String> sourceIps, String userAgent, String variant,
        String webshell, Instant firstSeen, String note)
{
    public ActorTruth
    {
        checkNotBlank(id, "id");
        checkNotBlank(kind, "kind");
        sourceIps = List.copyOf(requireNonNull(sourceIps, "sourceIps is null"));
        checkNotBlank(userAgent, "userAgent");
        checkNotBlank(variant, "variant");
        requireNonNull(webshell, "webshell is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(note, "note is null");
    }
}
