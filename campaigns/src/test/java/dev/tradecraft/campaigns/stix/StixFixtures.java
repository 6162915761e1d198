package dev.tradecraft.campaigns.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

/**
 * Two campaigns built by hand. TC-1 (multiple actors: TC-ACTOR-1 at Contoso, TC-ACTOR-2 at
 * Fabrikam) and TC-2 (undetermined, no actor) share the victim Contoso and the source address
 * 107.191.58.76. Between them they carry an IPv4 and an IPv6 address (one with a port, one in
 * brackets), a SHA-256 and an MD5, a request path with a {@code ]} and a {@code '}, a Windows path
 * with a {@code '}, and values that are no indicator (an address of {@code unknown}, a short hash).
 */
final class StixFixtures
{
    static final Instant CREATED = Instant.parse("2025-07-25T12:00:00Z");

    static final String CONTOSO = "Contoso Ltd";
    static final String FABRIKAM = "Fabrikam, Inc.";
    static final String WOODGROVE = "Woodgrove \"Bank\"";

    static final String SHARED_IP = "107.191.58.76";
    static final String IPV6 = "2001:db8::7";
    static final String SHA256 = "92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514";
    static final String MD5 = "0123456789abcdef0123456789ABCDEF";
    static final String WEB_PATH = "/_layouts/15/spinstall0.aspx";
    static final String ODD_WEB_PATH = "/_layouts/15/a]b'c.aspx";
    static final String WINDOWS_PATH = "C:\\Program Files\\Common Files\\O'Brien\\16\\TEMPLATE\\LAYOUTS\\spinstall0.aspx";

    static final Instant T1 = Instant.parse("2025-07-18T18:06:14.123456Z");
    static final Instant T2 = Instant.parse("2025-07-18T18:10:00Z");
    static final Instant T3 = Instant.parse("2025-07-19T07:00:00Z");
    static final Instant T4 = Instant.parse("2025-07-19T07:45:30.500Z");
    static final Instant T5 = Instant.parse("2025-07-21T03:15:00Z");

    private StixFixtures() {}

    static List<Campaign> campaigns()
    {
        Intrusion contoso1 = new Intrusion("I-1", CONTOSO, List.of(
                sighting(CONTOSO, "sp01", T1, Stage.EXPLOIT,
                        observable(ObservableType.SOURCE_IP, SHARED_IP),
                        observable(ObservableType.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0")),
                sighting(CONTOSO, "sp01", T2, Stage.WEBSHELL,
                        observable(ObservableType.SOURCE_IP, SHARED_IP + ":51234"),
                        observable(ObservableType.WEBSHELL_PATH, WEB_PATH),
                        observable(ObservableType.WEBSHELL_NAME, "spinstall0.aspx")),
                sighting(CONTOSO, "sp02", T2, Stage.WEBSHELL_DROP,
                        observable(ObservableType.FILE_HASH, SHA256),
                        observable(ObservableType.WEBSHELL_PATH, WINDOWS_PATH))));
        Intrusion fabrikam = new Intrusion("I-2", FABRIKAM, List.of(
                sighting(FABRIKAM, "web", T3, Stage.EXPLOIT,
                        observable(ObservableType.SOURCE_IP, "[" + IPV6 + "]:443"),
                        observable(ObservableType.WEBSHELL_PATH, ODD_WEB_PATH)),
                sighting(FABRIKAM, "web", T4, Stage.WEBSHELL,
                        observable(ObservableType.SOURCE_IP, IPV6),
                        observable(ObservableType.FILE_HASH, SHA256.toUpperCase(Locale.ROOT)))));
        Campaign tc1 = new Campaign("TC-1", CampaignVerdict.MULTIPLE_ACTORS, 70, List.of(contoso1, fabrikam),
                List.of(new InferredActor("TC-ACTOR-1", List.of("I-1")), new InferredActor("TC-ACTOR-2", List.of("I-2"))),
                List.of("The same webshell spinstall0.aspx was dropped at 2 organisations.", "The SHA-256 of the webshell is identical."),
                List.of("The source addresses share no /24 and the waves are 13 hours apart."));

        Intrusion contoso2 = new Intrusion("I-3", CONTOSO, List.of(
                sighting(CONTOSO, "sp01", T5, Stage.RECON,
                        observable(ObservableType.SOURCE_IP, SHARED_IP))));
        Intrusion woodgrove = new Intrusion("I-4", WOODGROVE, List.of(
                untimedSighting(WOODGROVE, "iis",
                        observable(ObservableType.SOURCE_IP, "unknown"),
                        observable(ObservableType.FILE_HASH, MD5),
                        observable(ObservableType.FILE_HASH, "abc123")),
                untimedSighting(WOODGROVE, "iis",
                        observable(ObservableType.SOURCE_IP, "999.1.1.1"))));
        Campaign tc2 = new Campaign("TC-2", CampaignVerdict.UNDETERMINED, 30, List.of(contoso2, woodgrove), List.of(),
                List.of("Both organisations were probed for ToolPane.aspx."), List.of());
        return List.of(tc1, tc2);
    }

    static Observable observable(ObservableType type, String value)
    {
        return new Observable(type, value);
    }

    static Sighting sighting(String organisation, String host, Instant time, Stage stage, Observable... observables)
    {
        return new Sighting(new Origin(organisation, host), Optional.of(time), stage, true, List.of(observables),
                SourcePosition.line(organisation + "/" + host + "/u_ex250718.log", 42), "web_iis_cve_2025_53770");
    }

    static Sighting untimedSighting(String organisation, String host, Observable... observables)
    {
        return new Sighting(new Origin(organisation, host), Optional.empty(), Stage.IOC, true, List.of(observables),
                SourcePosition.record(organisation + "/" + host + "/hashes.json", 1), "ioc-feed");
    }

    /** A one-intrusion campaign carrying the given webshell paths, for values an attacker chose. */
    static Campaign campaignWithPaths(String id, List<String> paths)
    {
        List<Observable> observables = new ArrayList<>();
        for (String path : paths) {
            observables.add(observable(ObservableType.WEBSHELL_PATH, path));
        }
        Intrusion intrusion = new Intrusion("I-" + id, CONTOSO, List.of(
                sighting(CONTOSO, "sp01", T1, Stage.WEBSHELL, observables.toArray(new Observable[0]))));
        return new Campaign(id, CampaignVerdict.SINGLE_ACTOR, 90, List.of(intrusion), List.of(new InferredActor("TC-ACTOR-" + id, List.of(intrusion.id()))),
                List.of("One intrusion."), List.of());
    }
}
