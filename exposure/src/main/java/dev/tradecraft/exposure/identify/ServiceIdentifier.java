package dev.tradecraft.exposure.identify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.fingerprint.RecogDatabase;
import dev.tradecraft.exposure.fingerprint.RecogDatabases;
import dev.tradecraft.exposure.fingerprint.RecogMatch;
import dev.tradecraft.exposure.scan.Banner;
import dev.tradecraft.exposure.scan.HttpHeaders;

/**
 * Identifies a service from its banner with Recog-format fingerprint databases: each response
 * header is matched against the database for {@code http_header.<name>}, each host name against
 * {@code hostname}, the page title against {@code html_title}. Tradecraft's own databases
 * (content/exposure/fingerprints) set {@code tradecraft.signal} on what they recognise; the
 * signals combine as follows:
 * <ol>
 * <li><b>SharePoint Online</b> when any signal says so (an online-only header, a
 * {@code *.sharepoint.com} name), or when SharePoint headers without a version come from
 * Microsoft's own network (AS8075): Microsoft's cloud, not an organisation's server. (A version
 * header in SharePoint Online's build range is judged with the build table, by the analyzer.)</li>
 * <li><b>SharePoint on-premises</b> when the version header or a SharePoint-only header is present;</li>
 * <li>else <b>Exchange</b>, else <b>IIS</b>, else other.</li>
 * </ol>
 * Words in a page body or title never make SharePoint: anyone can write them.
 */
public final class ServiceIdentifier
{
    static final String SIGNAL = "tradecraft.signal";
    private static final Set<String> MICROSOFT_ASNS = Set.of("AS8075", "AS8068", "AS8069", "AS12076");

    private final HeaderDatabases headerDatabases;
    private final Optional<RecogDatabase> hostnames;
    private final Optional<RecogDatabase> titles;

    public ServiceIdentifier(RecogDatabases databases)
    {
        requireNonNull(databases, "databases is null");
        this.headerDatabases = new HeaderDatabases(databases);
        this.hostnames = databases.forKey("hostname");
        this.titles = databases.forKey("html_title");
    }

    /** Where a text to match came from: a response header, a name of the host, the page title. */
    private enum Source
    {
        HEADER, NAME, TITLE
    }

    /** One text of the banner and the database it is matched against; {@code label} names it in reasons. */
    private record Probe(Source source, RecogDatabase database, String text, String label) {}

    public Identification identify(Banner banner)
    {
        // Every text is matched at one call site, in one loop: the matcher is large, and the compiler
        // would otherwise copy it into this method once per kind of text.
        List<Probe> probes = probes(banner);
        Evidence evidence = new Evidence();
        for (Probe probe : probes) {
            Optional<RecogMatch> match = probe.database().match(probe.text());
            if (match.isPresent()) {
                evidence.add(probe, match.get());
            }
        }
        // Organisations run SharePoint Server on Azure too: Microsoft's network decides only when no
        // version header tells the build line (an on-premises build stays on-premises).
        if (evidence.sharepoint && !evidence.online && evidence.version.isEmpty()
                && banner.asn().map(asn -> MICROSOFT_ASNS.contains(asn.toUpperCase(Locale.ROOT))).orElse(false)) {
            evidence.online = true;
            evidence.reasons.add("SharePoint headers without a version, served from Microsoft's own network " + banner.asn().get() + " (SharePoint Online)");
        }
        return evidence.identification(banner);
    }

    private List<Probe> probes(Banner banner)
    {
        List<Probe> probes = new ArrayList<>(8);
        HttpHeaders headers = banner.headers();
        for (HttpHeaders.Header header : headers.headers()) {
            Optional<RecogDatabase> database = headerDatabases.forHeader(header.name());
            if (database.isPresent()) {
                probes.add(new Probe(Source.HEADER, database.get(), header.value().strip(), header.name()));
            }
        }
        if (hostnames.isPresent()) {
            for (String name : banner.hostnames()) {
                probes.add(new Probe(Source.NAME, hostnames.get(), name.strip(), name));
            }
            Optional<String> host = headers.first("Host");
            if (host.isPresent()) {
                probes.add(new Probe(Source.NAME, hostnames.get(), host.get().strip(), host.get()));
            }
        }
        if (titles.isPresent() && banner.title().isPresent()) {
            probes.add(new Probe(Source.TITLE, titles.get(), banner.title().get().strip(), banner.title().get().strip()));
        }
        return probes;
    }

    /** What the matches of one banner add up to. */
    private static final class Evidence
    {
        final List<String> reasons = new ArrayList<>();
        boolean online;
        boolean onlineByName;
        boolean sharepoint;
        boolean exchange;
        boolean iis;
        Optional<String> version = Optional.empty();
        String product = "";

        void add(Probe probe, RecogMatch match)
        {
            String signal = match.parameters().getOrDefault(SIGNAL, "");
            switch (probe.source()) {
                case HEADER -> header(probe, match, signal);
                case NAME -> {
                    // The first name that is SharePoint Online's says it; more would repeat it.
                    if (signal.equals("sharepoint-online") && !onlineByName) {
                        online = true;
                        onlineByName = true;
                        reasons.add("name " + probe.label() + " (SharePoint Online)");
                    }
                }
                case TITLE -> {
                    if (signal.equals("exchange")) {
                        exchange = true;
                        reasons.add("page title '" + probe.label() + "' (Exchange)");
                    }
                }
            }
        }

        private void header(Probe probe, RecogMatch match, String signal)
        {
            switch (signal) {
                case "sharepoint-version" -> {
                    sharepoint = true;
                    if (version.isEmpty()) {
                        version = Optional.ofNullable(match.parameters().get("service.version"));
                        product = match.parameters().getOrDefault("service.product", "SharePoint");
                    }
                    reasons.add("header " + probe.label() + ": " + probe.text());
                }
                case "sharepoint" -> {
                    sharepoint = true;
                    reasons.add("header " + probe.label() + " (sent only by SharePoint)");
                }
                case "sharepoint-online" -> {
                    online = true;
                    reasons.add("header " + probe.label() + " (sent only by SharePoint Online)");
                }
                case "exchange" -> {
                    exchange = true;
                    reasons.add("header " + probe.label() + ": " + probe.text() + " (Exchange)");
                }
                case "iis" -> {
                    iis = true;
                    reasons.add("header " + probe.label() + ": " + probe.text());
                }
                default -> { }
            }
        }

        Identification identification(Banner banner)
        {
            ServiceKind kind;
            String named = product;
            if (online) {
                kind = ServiceKind.SHAREPOINT_ONLINE;
                named = "SharePoint Online";
            }
            else if (sharepoint) {
                kind = ServiceKind.SHAREPOINT_ONPREM;
                if (named.isEmpty()) {
                    named = "SharePoint";
                }
            }
            else if (exchange) {
                kind = ServiceKind.EXCHANGE;
                named = "Exchange Server";
            }
            else if (iis) {
                kind = ServiceKind.IIS;
                named = "IIS";
            }
            else {
                kind = ServiceKind.OTHER;
                named = banner.product().orElse("");
            }
            return new Identification(kind, named, kind.isSharePoint() ? version : Optional.empty(), reasons);
        }
    }
}
