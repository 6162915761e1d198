package dev.tradecraft.hunt.verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Stage;
import dev.tradecraft.core.StageClassifier;
import dev.tradecraft.core.WebResponse;

/**
 * Decides, per organisation, whether it is compromised, attempted or clean, from its hits:
 * <ul>
 * <li><b>compromised</b>: an exploit request the server accepted (2xx), followed by a webshell
 * served with 200, stolen-key use answered 200, or code on a host (webshell written, shells or
 * encoded PowerShell started by the web worker); or, without exploit requests in the logs read,
 * such host evidence or a webshell served with 200 on its own, since either proves a drop;</li>
 * <li><b>attempted</b>: exploit requests and nothing of the above;</li>
 * <li><b>clean</b>: no exploit request, whatever scanners and webshell checks were seen.</li>
 * </ul>
 * "Followed" allows {@link #CLOCK_SKEW} between hosts whose clocks disagree.
 */
public final class OrganisationAssessor
{
    /** Web servers and the hosts' event logs are not perfectly in step. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int EVIDENCE_LIMIT = 6;

    private OrganisationAssessor() {}

    /**
     * @param organisations every organisation that had files read, with its hosts
     * @param hits all hits, any order
     */
    public static List<OrganisationVerdict> assess(Map<String, ? extends Collection<String>> organisations, List<Hit> hits)
    {
        SortedMap<String, List<Hit>> byOrganisation = new TreeMap<>();
        organisations.keySet().forEach(name -> byOrganisation.put(name, new ArrayList<>()));
        for (Hit hit : hits) {
            byOrganisation.computeIfAbsent(hit.origin().organisation(), name -> new ArrayList<>()).add(hit);
        }
        List<OrganisationVerdict> verdicts = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> entry : byOrganisation.entrySet()) {
            Set<String> hosts = new TreeSet<>();
            Collection<String> known = organisations.get(entry.getKey());
            if (known != null) {
                hosts.addAll(known);
            }
            verdicts.add(assessOne(entry.getKey(), hosts, entry.getValue()));
        }
        return verdicts;
    }

    private static OrganisationVerdict assessOne(String organisation, Set<String> hosts, List<Hit> hits)
    {
        List<Hit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparing((Hit hit) -> hit.time().orElse(Instant.MAX))
                .thenComparing(hit -> hit.position().toString()));

        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        Set<String> webshells = new TreeSet<>();
        Set<String> sourceIps = new TreeSet<>();
        List<Hit> exploits = new ArrayList<>();
        List<Hit> acceptedExploits = new ArrayList<>();
        List<Hit> followOns = new ArrayList<>();
        List<Hit> standalone = new ArrayList<>();
        for (Hit hit : ordered) {
            hosts.add(hit.origin().host());
            byLevel.merge(hit.rule().level(), 1L, Long::sum);
            Event event = hit.event();
            Stage stage = StageClassifier.classify(hit);
            boolean web = WebResponse.isWebEvent(event);
            switch (stage) {
                case EXPLOIT -> {
                    exploits.add(hit);
                    WebResponse.clientAddress(event).ifPresent(sourceIps::add);
                    if (!web || WebResponse.succeeded(event)) {
                        acceptedExploits.add(hit);
                    }
                }
                case WEBSHELL -> {
                    if (web && WebResponse.status(event).orElse(0) == 200) {
                        followOns.add(hit);
                        standalone.add(hit);
                        WebResponse.clientAddress(event).ifPresent(sourceIps::add);
                        String stem = event.field("cs-uri-stem");
                        if (stem != null && !stem.isEmpty()) {
                            webshells.add(stem);
                        }
                    }
                }
                case KEY_USE -> {
                    if (!web || WebResponse.status(event).orElse(0) == 200) {
                        followOns.add(hit);
                        WebResponse.clientAddress(event).ifPresent(sourceIps::add);
                    }
                }
                case WEBSHELL_DROP, POST_EXPLOITATION -> {
                    if (!web) {
                        followOns.add(hit);
                        standalone.add(hit);
                        String file = event.field("TargetFilename");
                        if (stage == Stage.WEBSHELL_DROP && file != null && !file.isEmpty()) {
                            webshells.add(file);
                        }
                    }
                }
                case RECON, IOC, OTHER -> { }
            }
        }

        List<String> evidence = new ArrayList<>();
        Optional<Instant> firstExploit = exploits.stream().map(Hit::time).flatMap(Optional::stream).min(Comparator.naturalOrder());
        Optional<Hit> compromiseProof = Optional.empty();
        Optional<Hit> exploitBeforeProof = Optional.empty();
        for (Hit followOn : followOns) {
            Optional<Hit> exploit = acceptedExploits.stream().filter(candidate -> precedes(candidate, followOn)).findFirst();
            if (exploit.isPresent()) {
                compromiseProof = Optional.of(followOn);
                exploitBeforeProof = exploit;
                break;
            }
        }
        OrganisationStatus status;
        if (compromiseProof.isPresent()) {
            status = OrganisationStatus.COMPROMISED;
            evidence.add("exploit request " + describe(exploitBeforeProof.get()) + ", followed by " + describe(compromiseProof.get()));
        }
        else if (!standalone.isEmpty()) {
            status = OrganisationStatus.COMPROMISED;
            compromiseProof = Optional.of(standalone.get(0));
            evidence.add((exploits.isEmpty() ? "no exploit request in the logs read, but " : "no accepted exploit request before it, but ")
                    + describe(standalone.get(0)));
        }
        else if (!exploits.isEmpty()) {
            status = OrganisationStatus.ATTEMPTED;
            long refused = exploits.stream().filter(hit -> !WebResponse.succeeded(hit.event())).count();
            evidence.add(exploits.size() + " exploit request(s), " + refused + " refused, none followed by webshell access, key use or code on a host; first: "
                    + describe(exploits.get(0)));
        }
        else {
            status = OrganisationStatus.CLEAN;
        }
        for (Hit hit : followOns) {
            if (evidence.size() >= EVIDENCE_LIMIT) {
                break;
            }
            if (compromiseProof.isEmpty() || hit != compromiseProof.get()) {
                evidence.add("also " + describe(hit));
            }
        }
        Optional<Instant> firstCompromise = status == OrganisationStatus.COMPROMISED ? compromiseProof.flatMap(Hit::time) : Optional.empty();
        return new OrganisationVerdict(organisation, status, List.copyOf(hosts), firstExploit, firstCompromise,
                List.copyOf(webshells), List.copyOf(sourceIps), byLevel, evidence);
    }

    private static boolean precedes(Hit exploit, Hit followOn)
    {
        if (exploit.time().isEmpty() || followOn.time().isEmpty()) {
            return true;
        }
        return !followOn.time().get().isBefore(exploit.time().get().minus(CLOCK_SKEW));
    }

    private static String describe(Hit hit)
    {
        Event event = hit.event();
        StringBuilder text = new StringBuilder();
        text.append(hit.rule().title());
        if (WebResponse.isWebEvent(event)) {
            String method = event.field("cs-method");
            String stem = event.field("cs-uri-stem");
            text.append(" [").append(method == null ? "" : method + " ").append(stem == null ? "" : stem);
            WebResponse.status(event).ifPresent(status -> text.append(" → ").append(status));
            WebResponse.clientAddress(event).ifPresent(client -> text.append(" from ").append(client));
            text.append(']');
        }
        else {
            String image = event.field("Image");
            String target = event.field("TargetFilename");
            if (target != null) {
                text.append(" [").append(target).append(']');
            }
            else if (image != null) {
                text.append(" [").append(image).append(']');
            }
        }
        hit.time().ifPresent(time -> text.append(" at ").append(time));
        text.append(" (").append(hit.origin().host()).append(", ").append(hit.position()).append(')');
        return text.toString();
    }
}
