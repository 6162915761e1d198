package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One source of exploit-shaped or reconnaissance requests in a generated world and the tradecraft
 * that tells it apart.
 *
 * @param id stable identifier, referenced from {@link OrganisationTruth#actors()}
 * @param kind {@value #ESPIONAGE}, {@value #RANSOMWARE}, {@value #COPYCAT}, or one of the
 *        {@linkplain #reconnaissance() reconnaissance} kinds {@value #RESEARCH} (exploit checks) and
 *        {@value #SCANNER} (detection GETs and webshell checks, no exploit request)
 * @param copies the id of the actor whose public tradecraft this one reuses; empty when none
 * @param sourceIps every address the actor's requests came from in this world, in first-use order
 * @param userAgent the user agent of its exploit requests (for scanners, of their exploit-shaped
 *        detection requests), as sent (spaces, not {@code +})
 * @param variant the exploit request shape: method, path, query and referer
 * @param webshell file name of the webshell it drops; empty when it drops none
 * @param firstSeen its first exploit request in this world; for scanners, which send none, its first request
 * @param note what a human analyst should know about it
 */
public record ActorTruth(String id, String kind, String copies, List<String> sourceIps, String userAgent, String variant,
        String webshell, Instant firstSeen, String note)
{
    public static final String ESPIONAGE = "espionage";
    public static final String RANSOMWARE = "ransomware";
    public static final String COPYCAT = "copycat";
    public static final String RESEARCH = "research";
    public static final String SCANNER = "scanner";

    public ActorTruth
    {
        checkNotBlank(id, "id");
        checkNotBlank(kind, "kind");
        requireNonNull(copies, "copies is null");
        checkArgument(!copies.equals(id), "actor %s copies itself", id);
        sourceIps = List.copyOf(requireNonNull(sourceIps, "sourceIps is null"));
        checkNotBlank(userAgent, "userAgent");
        checkNotBlank(variant, "variant");
        requireNonNull(webshell, "webshell is null");
        requireNonNull(firstSeen, "firstSeen is null");
        requireNonNull(note, "note is null");
    }

    /** Research exploit checks and internet scanners show interest in the flaw, not an intrusion; campaigns should leave them out. */
    public boolean reconnaissance()
    {
        return kind.equals(RESEARCH) || kind.equals(SCANNER);
    }
}
