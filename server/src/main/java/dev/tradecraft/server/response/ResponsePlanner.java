package dev.tradecraft.server.response;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.exposure.ExposureAnalyzer;
import dev.tradecraft.exposure.vuln.VulnerabilityKnowledge;
import dev.tradecraft.server.html.Display;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.SharedArtefact;

/**
 * Builds an organisation's response checklist from what the workspace found there: its verdict,
 * hosts, webshells, first exploit, the scanned servers tied to it and the campaigns it is part of.
 * Every organisation is told to patch, a clean one included; the other steps appear only when
 * there is something to do them to.
 */
public final class ResponsePlanner
{
    /** Artefact types worth blocking or hunting for at the edge, in the order they are listed. */
    static final List<String> BLOCKABLE = List.of("source-ip", "domain", "file-hash", "webshell-name", "user-agent");

    private final FixedBuilds fixes;
    private final String cve;

    public ResponsePlanner(FixedBuilds fixes, String cve)
    {
        this.fixes = requireNonNull(fixes, "fixes is null");
        this.cve = requireNonNull(cve, "cve is null");
    }

    /**
     * With the built-in SharePoint knowledge, for {@code cve}; a blank CVE (a workspace without
     * exposure data) means the default, CVE-2025-53770.
     */
    public static ResponsePlanner builtIn(String cve)
    {
        String counted = cve == null || cve.isBlank() ? ExposureAnalyzer.DEFAULT_CVE : cve;
        return new ResponsePlanner(new FixedBuilds(VulnerabilityKnowledge.builtIn(null, null), counted), counted);
    }

    public String cve()
    {
        return cve;
    }

    public ResponseChecklist plan(OrganisationDetail detail)
    {
        OrganisationSummary summary = detail.summary();
        List<ChecklistItem> items = new ArrayList<>();
        items.add(patch(detail));
        items.add(rotateKeys(summary));
        if (!summary.webshells().isEmpty()) {
            items.add(new ChecklistItem(Step.REMOVE_WEBSHELLS, "Remove the webshells found, keeping a copy for the investigation, and look for other "
                    + "files written to the same folders around the same time.", summary.webshells()));
        }
        if (summary.firstExploit().isPresent()) {
            items.add(review(detail));
        }
        List<String> indicators = indicators(detail);
        if (!indicators.isEmpty()) {
            items.add(new ChecklistItem(Step.BLOCK_INDICATORS, "Block the campaign's indicators at the firewall, proxy and mail gateway, and search "
                    + "other logs for them: they were seen here or at other victims of the same campaign.", indicators));
        }
        return new ResponseChecklist(summary.name(), summary.status(), summaryLine(detail), items);
    }

    private String summaryLine(OrganisationDetail detail)
    {
        OrganisationSummary summary = detail.summary();
        return switch (summary.status()) {
            case "compromised" -> "Compromised: first exploit " + Display.minute(summary.firstExploit()) + ", first evidence of compromise "
                    + Display.minute(summary.firstCompromise()) + ", " + summary.webshells().size() + " webshell(s), " + detail.hitCount()
                    + " hit(s).";
            case "attempted" -> "Exploit attempts reached the servers from " + Display.minute(summary.firstExploit()) + " ("
                    + summary.sourceIps().size() + " source address(es), " + detail.hitCount() + " hit(s)); no sign that one succeeded.";
            case "clean" -> "No sign of exploitation was found in the logs read (" + summary.hosts().size() + " host(s)). Patch all the same: "
                    + "the logs show the past, not the next attempt.";
            default -> "Status " + summary.status() + ", " + detail.hitCount() + " hit(s).";
        };
    }

    private ChecklistItem patch(OrganisationDetail detail)
    {
        List<String> targets = new ArrayList<>();
        boolean listAll = detail.servers().isEmpty();
        for (ExposureRow server : detail.servers()) {
            Optional<String> version = server.build().or(server::versionShown);
            List<FixedBuild> serverFixes = fixes.forServer(server.product(), version);
            String where = server.address() + ":" + server.port() + (server.hostnames().isEmpty() ? "" : " (" + String.join(", ", server.hostnames()) + ")");
            String shows = server.product() + version.map(shown -> " " + shown).orElse(", version not shown") + ", " + server.state() + " for " + server.cve();
            if (serverFixes.isEmpty()) {
                targets.add(where + ": " + shows + "; product not determined from the scan, see the fixed builds of every product below");
                listAll = true;
            }
            else {
                for (FixedBuild fix : serverFixes) {
                    targets.add(where + ": " + shows + "; update to " + fix.describe());
                }
            }
        }
        if (listAll) {
            for (FixedBuild fix : fixes.all()) {
                targets.add(fix.describe());
            }
        }
        String instruction = detail.servers().isEmpty()
                ? "Update every SharePoint server of the farm to the build that fixes " + cve + " for its product (no scanned server was tied to "
                        + "this organisation, so the fixed build of every product is listed)."
                : "Update every SharePoint server of the farm to the build that fixes " + cve + "; the scanned servers tied to this organisation:";
        return new ChecklistItem(Step.PATCH, instruction, targets);
    }

    private ChecklistItem rotateKeys(OrganisationSummary summary)
    {
        String when = summary.status().equals("clean")
                ? "After patching, as Microsoft advises for every farm reachable from the internet, rotate"
                : "After patching, rotate";
        return new ChecklistItem(Step.ROTATE_MACHINE_KEYS, when + " the ASP.NET machine keys (Set-SPMachineKey and Update-SPMachineKey, or the "
                + "Machine Key Rotation job) and restart IIS (iisreset) on every server of the farm: stolen keys let an attacker forge signed "
                + "ViewState even on a patched server.", summary.hosts());
    }

    private ChecklistItem review(OrganisationDetail detail)
    {
        OrganisationSummary summary = detail.summary();
        String since = Display.minute(summary.firstExploit());
        String compromise = summary.firstCompromise().isPresent() ? " (first evidence of compromise " + Display.minute(summary.firstCompromise()) + ")" : "";
        List<String> targets = new ArrayList<>();
        targets.add("hosts: " + String.join(", ", summary.hosts()));
        targets.addAll(detail.evidence());
        return new ChecklistItem(Step.REVIEW_ACTIVITY, "Review all activity on these hosts since " + since + ", the first exploit request" + compromise
                + ": processes started by w3wp.exe, files written under the LAYOUTS folder, new accounts and sign-ins, outbound connections.", targets);
    }

    private static List<String> indicators(OrganisationDetail detail)
    {
        Set<String> found = new LinkedHashSet<>();
        for (String type : BLOCKABLE) {
            if (type.equals("source-ip")) {
                for (String address : detail.summary().sourceIps()) {
                    found.add(type + " " + address);
                }
            }
            for (CampaignDetail campaign : detail.campaigns()) {
                for (SharedArtefact artefact : campaign.artefacts()) {
                    if (artefact.type().equals(type)) {
                        found.add(type + " " + artefact.value());
                    }
                }
            }
        }
        return List.copyOf(found);
    }
}
