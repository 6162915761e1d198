package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The truth about one organisation of a generated world.
 *
 * @param name the organisation slug, which is also its folder under {@code weblogs/} and {@code events/}
 * @param status what happened to it
 * @param actors ids of the {@link ActorTruth actors} that sent it exploit requests, in id order
 * @param product the SharePoint product, e.g. {@code SharePoint Server 2019}
 * @param build the full four-part build it runs at the end of the window, after any patch installed in it
 *        (the note says when); attempts on a patched farm come after its patch
 * @param vulnerable whether that build is vulnerable to CVE-2025-53770
 * @param hosts its web front-end host names, which are also the host folders
 * @param firstExploit the first exploit-shaped request it received, successful or not; empty when clean
 * @param webshellPaths URL paths under which a webshell was served successfully, in path order
 * @param note a human summary: exposure, what happened, and the hard negatives it carries
 */
public record OrganisationTruth(String name, OrganisationStatus status, List<String> actors, String product,
        String build, boolean vulnerable, List<String> hosts, Optional<Instant> firstExploit, List<String> webshellPaths, String note)
{
    public OrganisationTruth
    {
        checkNotBlank(name, "name");
        requireNonNull(status, "status is null");
        actors = List.copyOf(requireNonNull(actors, "actors is null"));
        checkNotBlank(product, "product");
        checkNotBlank(build, "build");
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        checkArgument(!hosts.isEmpty(), "hosts is empty for organisation %s", name);
        requireNonNull(firstExploit, "firstExploit is null");
        webshellPaths = List.copyOf(requireNonNull(webshellPaths, "webshellPaths is null"));
        requireNonNull(note, "note is null");
        checkArgument(status == OrganisationStatus.CLEAN || firstExploit.isPresent(),
                "organisation %s is %s but has no first exploit time", name, status);
        checkArgument(status != OrganisationStatus.CLEAN || firstExploit.isEmpty(),
                "organisation %s is clean but has a first exploit time", name);
        checkArgument(status == OrganisationStatus.COMPROMISED || webshellPaths.isEmpty(),
                "organisation %s is %s but has webshell paths", name, status);
        checkArgument(status != OrganisationStatus.COMPROMISED || vulnerable,
                "organisation %s is compromised but its build %s is not vulnerable", name, build);
    }
}
