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

    public Identification identify(Banner banner)
    {
        List<String> reasons = new ArrayList<>();
        boolean online = false;
        boolean sharepoint = false;
        boolean exchange = false;
        boolean iis = false;
        Optional<String> version = Optional.empty();
        String product = "";
        HttpHeaders headers = banner.headers();
        for (HttpHeaders.Header header : headers.headers()) {
            Optional<RecogDatabase> database = headerDatabases.forHeader(header.name());
            if (database.isEmpty()) {
                continue;
            }
            Optional<RecogMatch> match = database.get().match(header.value().strip());
            if (match.isEmpty()) {
                continue;
            }
            String signal = match.get().parameters().getOrDefault(SIGNAL, "");
            switch (signal) {
                case "sharepoint-version" -> {
                    sharepoint = true;
                    if (version.isEmpty()) {
                        version = Optional.ofNullable(match.get().parameters().get("service.version"));
                        product = match.get().parameters().getOrDefault("service.product", "SharePoint");
                    }
                    reasons.add("header " + header.name() + ": " + header.value().strip());
                }
                case "sharepoint" -> {
                    sharepoint = true;
                    reasons.add("header " + header.name() + " (sent only by SharePoint)");
                }
                case "sharepoint-online" -> {
                    online = true;
                    reasons.add("header " + header.name() + " (sent only by SharePoint Online)");
                }
                case "exchange" -> {
                    exchange = true;
                    reasons.add("header " + header.name() + ": " + header.value().strip() + " (Exchange)");
                }
                case "iis" -> {
                    iis = true;
                    reasons.add("header " + header.name() + ": " + header.value().strip());
                }
                default -> { }
            }
        }
        if (hostnames.isPresent()) {
            List<String> names = new ArrayList<>(banner.hostnames());
            headers.first("Host").ifPresent(names::add);
            for (String name : names) {
                Optional<RecogMatch> match = hostnames.get().match(name.strip());
                if (match.isPresent() && "sharepoint-online".equals(match.get().parameters().get(SIGNAL))) {
                    online = true;
                    reasons.add("name " + name + " (SharePoint Online)");
                    break;
                }
            }
        }
        if (titles.isPresent() && banner.title().isPresent()) {
            Optional<RecogMatch> match = titles.get().match(banner.title().get().strip());
            if (match.isPresent() && "exchange".equals(match.get().parameters().get(SIGNAL))) {
                exchange = true;
                reasons.add("page title '" + banner.title().get().strip() + "' (Exchange)");
            }
        }
        // Organisations run SharePoint Server on Azure too: Microsoft's network decides only when no
        // version header tells the build line (an on-premises build stays on-premises).
        if (sharepoint && !online && version.isEmpty()
                && banner.asn().map(asn -> MICROSOFT_ASNS.contains(asn.toUpperCase(Locale.ROOT))).orElse(false)) {
            online = true;
            reasons.add("SharePoint headers without a version, served from Microsoft's own network " + banner.asn().get() + " (SharePoint Online)");
        }
        ServiceKind kind;
        if (online) {
            kind = ServiceKind.SHAREPOINT_ONLINE;
            product = "SharePoint Online";
        }
        else if (sharepoint) {
            kind = ServiceKind.SHAREPOINT_ONPREM;
            if (product.isEmpty()) {
                product = "SharePoint";
            }
        }
        else if (exchange) {
            kind = ServiceKind.EXCHANGE;
            product = "Exchange Server";
        }
        else if (iis) {
            kind = ServiceKind.IIS;
            product = "IIS";
        }
        else {
            kind = ServiceKind.OTHER;
            product = banner.product().orElse("");
        }
        return new Identification(kind, product, kind.isSharePoint() ? version : Optional.empty(), reasons);
    }
}
