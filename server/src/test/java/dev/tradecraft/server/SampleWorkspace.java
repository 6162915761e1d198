package dev.tradecraft.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.CampaignVerdict;
import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.ingest.DerivedState;
import dev.tradecraft.store.ingest.DerivedTables;
import dev.tradecraft.store.ingest.ExposureIngest;
import dev.tradecraft.store.ingest.ExposureMatch;
import dev.tradecraft.store.ingest.FileRecord;
import dev.tradecraft.store.ingest.HuntIngest;
import dev.tradecraft.store.ingest.OrganisationRecord;
import dev.tradecraft.store.ingest.RunRecord;
import dev.tradecraft.store.ingest.StoredHit;

/**
 * A small workspace written through the store's ingest API, as a hunt and an exposure run would:
 * a compromised organisation (whose logs carry a script tag in a user agent and a rule title), an
 * attempted one, a clean one, one campaign across the first two, and three scanned servers.
 */
public final class SampleWorkspace
{
    public static final String COMPROMISED = "acme-energy";
    public static final String ATTEMPTED = "blue-hollow-medical";
    public static final String CLEAN = "cedar-valley";
    public static final String CAMPAIGN = "TC-1";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String REFERER = "\"><img src=x onerror=alert(2)>";
    public static final String ATTACKER_IP = "107.191.58.76";
    public static final String WEBSHELL = "/_layouts/15/spinstall0.aspx";
    public static final Instant T0 = Instant.parse("2025-07-18T18:04:00Z");

    private static final RuleRef EXPLOIT = new RuleRef("rule-exploit", "ToolShell exploit request", Level.CRITICAL, "tc", List.of(), RuleRef.Kind.SIGMA);
    private static final RuleRef WEBSHELL_RULE = new RuleRef("rule-webshell", "Webshell " + SCRIPT + " requested", Level.HIGH, "user rule",
            List.of(), RuleRef.Kind.SIGMA);

    private SampleWorkspace() {}

    /** Writes the sample into a new workspace at {@code folder}. */
    public static void write(Path folder) throws StoreException
    {
        try (Workspace workspace = Workspace.open(folder)) {
            List<Hit> acme = List.of(
                    hit(COMPROMISED, "web01", 3, T0, EXPLOIT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0",
                            "/_layouts/15/ToolPane.aspx"),
                    hit(COMPROMISED, "web01", 7, T0.plusSeconds(95), WEBSHELL_RULE, SCRIPT, WEBSHELL),
                    hit(COMPROMISED, "web02", 2, T0.plusSeconds(3600), EXPLOIT, "curl/8.0", "/_layouts/15/ToolPane.aspx"));
            List<Hit> blue = List.of(hit(ATTEMPTED, "sp01", 11, T0.plusSeconds(7200), EXPLOIT, "curl/8.0", "/_layouts/15/ToolPane.aspx"));
            List<StoredHit> stored = new ArrayList<>();
            for (Hit hit : acme) {
                stored.add(new StoredHit(hit, "{\"rule_id\":\"" + hit.rule().id() + "\"}"));
            }
            for (Hit hit : blue) {
                stored.add(new StoredHit(hit, "{\"rule_id\":\"" + hit.rule().id() + "\"}"));
            }
            List<FileRecord> files = List.of(log(COMPROMISED, "web01", "a"), log(COMPROMISED, "web02", "b"), log(ATTEMPTED, "sp01", "c"),
                    log(CLEAN, "portal", "d"));
            HuntIngest.record(workspace, new RunRecord("hunt", "built-in", T0, T0.plusSeconds(30), 400, stored.size()), files, stored);

            List<Exposure> exposures = List.of(
                    exposure("198.51.100.10", "NL", "16.0.0.10417", Optional.empty(), ExposureState.AMBIGUOUS, 1),
                    exposure("198.51.100.11", "DE", "16.0.0.10417", Optional.of("16.0.10417.20027"), ExposureState.VULNERABLE, 2),
                    exposure("198.51.100.12", "DE", "16.0.0.10417", Optional.of("16.0.10417.20037"), ExposureState.NOT_VULNERABLE, 3));
            ExposureIngest.record(workspace, new RunRecord("exposure", "CVE-2025-53770", T0, T0.plusSeconds(2), 3, 3),
                    List.of(new FileRecord("shodan.json", "e".repeat(64), 900, FileRecord.Kind.SCAN, "", "", "shodan", 3, 0, "")), exposures,
                    "CVE-2025-53770");

            Intrusion acmeIntrusion = new Intrusion("I-1", COMPROMISED, List.of(sighting(acme.get(0), Stage.EXPLOIT), sighting(acme.get(1), Stage.WEBSHELL),
                    sighting(acme.get(2), Stage.EXPLOIT)));
            Intrusion blueIntrusion = new Intrusion("I-2", ATTEMPTED, List.of(sighting(blue.get(0), Stage.EXPLOIT)));
            Campaign campaign = new Campaign(CAMPAIGN, CampaignVerdict.SINGLE_ACTOR, 80, List.of(acmeIntrusion, blueIntrusion),
                    List.of(new InferredActor("TC-ACTOR-1", List.of("I-1", "I-2"))),
                    List.of("the same source address " + ATTACKER_IP + " at 2 organisations within 2 hours"),
                    List.of("curl/8.0 is a common user agent"));
            DerivedTables.replace(workspace, new DerivedState(List.of(
                    organisation(COMPROMISED, "compromised", List.of("web01", "web02"), Optional.of(T0), Optional.of(T0.plusSeconds(95)),
                            List.of(WEBSHELL), List.of(ATTACKER_IP), Map.of(Level.CRITICAL, 2L, Level.HIGH, 1L)),
                    organisation(ATTEMPTED, "attempted", List.of("sp01"), Optional.of(T0.plusSeconds(7200)), Optional.empty(), List.of(),
                            List.of(ATTACKER_IP), Map.of(Level.CRITICAL, 1L)),
                    organisation(CLEAN, "clean", List.of("portal"), Optional.empty(), Optional.empty(), List.of(), List.of(), Map.of())),
                    List.of(campaign), List.of(),
                    List.of(new ExposureMatch(ExposureIngest.id(exposures.get(1)), COMPROMISED, "sp.acme-energy.example"))));
        }
    }

    private static Hit hit(String organisation, String host, long line, Instant time, RuleRef rule, String userAgent, String path)
    {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("cs-uri-stem", path);
        fields.put("cs-user-agent", userAgent);
        fields.put("c-ip", ATTACKER_IP);
        // Not matched by any rule: shown as context beside the hit, and just as hostile.
        fields.put("cs-referer", REFERER);
        Event event = new Event(new Origin(organisation, host), SourcePosition.line(organisation + "/" + host + "/u_ex250718.log", line),
                Optional.of(time), new Logsource("windows", "webserver", "iis"), EventFields.of(fields));
        return new Hit(rule, event, Map.of("cs-uri-stem", path, "cs-user-agent", userAgent));
    }

    private static Sighting sighting(Hit hit, Stage stage)
    {
        List<Observable> observables = new ArrayList<>();
        observables.add(new Observable(ObservableType.SOURCE_IP, ATTACKER_IP));
        observables.add(new Observable(ObservableType.USER_AGENT, hit.matchedFields().get("cs-user-agent")));
        if (stage == Stage.WEBSHELL) {
            observables.add(new Observable(ObservableType.WEBSHELL_NAME, "spinstall0.aspx"));
        }
        return new Sighting(hit.origin(), hit.time(), stage, true, observables, hit.position(), hit.rule().id());
    }

    private static FileRecord log(String organisation, String host, String hashLetter)
    {
        return new FileRecord(organisation + "/" + host + "/u_ex250718.log", hashLetter.repeat(64), 1000, FileRecord.Kind.LOG, organisation, host,
                "iis-w3c", 100, 0, "");
    }

    private static Exposure exposure(String address, String country, String header, Optional<String> build, ExposureState state, long line)
    {
        return new Exposure(address, 443, List.of("sp" + line + ".example"), Optional.of("Example Hosting"), Optional.of("AS64500"),
                Optional.of(country), ServiceKind.SHAREPOINT_ONPREM, "SharePoint Server 2019", Optional.of(header), build, List.of("header"),
                List.of(new CveVerdict("CVE-2025-53770", state, "judged from " + header)), SourcePosition.line("shodan.json", line));
    }

    private static OrganisationRecord organisation(String name, String status, List<String> hosts, Optional<Instant> firstExploit,
            Optional<Instant> firstCompromise, List<String> webshells, List<String> sourceIps, Map<Level, Long> levels)
    {
        return new OrganisationRecord(name, status, hosts, firstExploit, firstCompromise, webshells, sourceIps, new EnumMap<>(levels.isEmpty()
                ? Map.of(Level.LOW, 0L) : levels), List.of(status + " per " + name + "/web01/u_ex250718.log:3"));
    }
}
