package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything fixed about one organisation before anything happens to it: who it is, how its farm is
 * reachable, how it logs, what it runs, and the everyday habits that make hard negatives.
 *
 * @param index position in generation order (stable for a spec), used to derive its random streams
 * @param name slug, the folder name
 * @param displayName as Shodan's {@code org} shows it
 * @param country where it is
 * @param naming its DNS and Active Directory names
 * @param network how its farm is reachable
 * @param logging how its servers log
 * @param exposure what it runs and when it patched
 * @param habits what its people and administrators do that looks suspicious and is not
 * @param hosts its web front-ends
 * @param users <code>DOMAIN&#92;name</code> accounts that use the farm
 * @param sites site collection names under {@code /sites/}
 */
record OrganisationProfile(int index, String name, String displayName, Country country, Naming naming, Network network,
        Logging logging, Exposure exposure, Habits habits, List<HostProfile> hosts, List<String> users, List<String> sites)
{
    /**
     * @param domain public DNS domain
     * @param netbios Active Directory NetBIOS domain, as in <code>DOMAIN&#92;user</code>
     * @param adDomain Active Directory DNS domain, suffix of host FQDNs
     * @param publicHost the farm's public host name
     * @param domainSid the domain SID prefix, {@code S-1-5-21-a-b-c}
     */
    record Naming(String domain, String netbios, String adDomain, String publicHost, String domainSid)
    {
        Naming
        {
            checkNotBlank(domain, "domain");
            checkNotBlank(netbios, "netbios");
            checkNotBlank(adDomain, "adDomain");
            checkNotBlank(publicHost, "publicHost");
            checkNotBlank(domainSid, "domainSid");
        }
    }

    /**
     * @param publicIp the address scanners see
     * @param balancerIp the load balancer's inside address when the farm sits behind one
     * @param forwardedFor whether IIS logs the balancer's X-Forwarded-For header
     * @param serverPort {@code s-port}: 443, or 80 where the balancer terminates TLS
     * @param farmNetwork second octet of the farm's 10.x network
     */
    record Network(String publicIp, Optional<String> balancerIp, boolean forwardedFor, int serverPort, int farmNetwork)
    {
        Network
        {
            checkNotBlank(publicIp, "publicIp");
            requireNonNull(balancerIp, "balancerIp is null");
            checkArgument(balancerIp.isPresent() || !forwardedFor, "forwardedFor without a balancer");
        }
    }

    /**
     * @param layout the {@code #Fields} set the first log file starts with
     * @param crlf CRLF line ends (as IIS writes) rather than LF (as a Linux collector re-writes)
     * @param gzipArchive whether files older than a day are stored gzip-compressed
     * @param prettyEvents pretty-printed concatenated JSON rather than one object per line
     * @param processAuditing process creation comes as Security 4688 rather than Sysmon 1
     * @param fullHashes Sysmon configured for MD5, SHA256 and IMPHASH rather than SHA256 only
     */
    record Logging(W3cLayout layout, boolean crlf, boolean gzipArchive, boolean prettyEvents, boolean processAuditing,
            boolean fullHashes)
    {
        Logging
        {
            requireNonNull(layout, "layout is null");
        }
    }

    /**
     * @param build what the farm runs at the end of the window
     * @param anonymousHome the home page is a public, anonymous site
     * @param headerRemoved the administrators removed the {@code MicrosoftSharePointTeamServices} header
     * @param patchTime when the fix package was installed inside the window, epoch milliseconds
     * @param amsi AMSI in full mode, which blocks the payload while the page still answers 200
     */
    record Exposure(SharePointBuild build, boolean anonymousHome, boolean headerRemoved, OptionalLong patchTime, boolean amsi)
    {
        Exposure
        {
            requireNonNull(build, "build is null");
            requireNonNull(patchTime, "patchTime is null");
        }
    }

    /**
     * @param editors site owners edit web parts through ToolPane.aspx
     * @param adminPowerShell administrators and management agents run encoded PowerShell
     * @param staleFirefox some staff browse with the same Firefox 120 the first actor used
     * @param warmupScript a scheduled warm-up script fetches pages with a PowerShell user agent
     * @param signOuts staff sign out, so SignOut.aspx appears as a page and a referer
     */
    record Habits(boolean editors, boolean adminPowerShell, boolean staleFirefox, boolean warmupScript, boolean signOuts)
    {
    }

    OrganisationProfile
    {
        checkNotBlank(name, "name");
        checkNotBlank(displayName, "displayName");
        requireNonNull(country, "country is null");
        requireNonNull(naming, "naming is null");
        requireNonNull(network, "network is null");
        requireNonNull(logging, "logging is null");
        requireNonNull(exposure, "exposure is null");
        requireNonNull(habits, "habits is null");
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        checkArgument(!hosts.isEmpty(), "organisation %s has no hosts", name);
        users = List.copyOf(requireNonNull(users, "users is null"));
        sites = List.copyOf(requireNonNull(sites, "sites is null"));
    }

    SharePointBuild build()
    {
        return exposure.build();
    }

    String hive()
    {
        return exposure.build().hive();
    }

    /** The layout the first file starts with, with X-Forwarded-For when the balancer's header is logged. */
    W3cLayout effectiveLayout(W3cLayout layout)
    {
        return network.forwardedFor() ? layout.withForwardedFor() : layout;
    }

    List<String> hostNames()
    {
        String[] names = new String[hosts.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = hosts.get(i).name();
        }
        return List.of(names);
    }
}
