package dev.tradecraft.server.view;

import java.util.List;
import java.util.Map;

import dev.tradecraft.core.Level;
import dev.tradecraft.server.html.Display;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.server.response.ResponseChecklist;
import dev.tradecraft.store.ingest.HitContext;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.HitRow;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;

/** Organisations as a list and one in full: status, evidence, checklist, hits, servers, campaigns. */
public final class OrganisationView
{
    private OrganisationView() {}

    public static Markup table(List<OrganisationSummary> organisations, Links links)
    {
        HtmlBuilder out = new HtmlBuilder();
        if (organisations.isEmpty()) {
            return out.element("p", "No organisation hunted yet.", "class", "muted").build();
        }
        out.open("table", "class", "organisations");
        out.open("tr").element("th", "organisation").element("th", "status").element("th", "first exploit").element("th", "webshells")
                .element("th", "source IPs").element("th", "hits C/H/M/L/I").element("th", "campaigns").close("tr");
        for (OrganisationSummary organisation : organisations) {
            out.open("tr");
            out.open("td").link(links.organisation(organisation.name()), organisation.name(), "class", "organisation-link").close("td");
            out.open("td").markup(status(organisation.status())).close("td");
            out.element("td", Display.minute(organisation.firstExploit()));
            out.element("td", String.join(" ", organisation.webshells()), "class", "mono");
            out.element("td", String.join(" ", organisation.sourceIps()), "class", "mono");
            out.element("td", levels(organisation.hitsByLevel()), "class", "mono");
            out.open("td");
            for (String campaign : organisation.campaigns()) {
                out.link(links.campaign(campaign), campaign).text(" ");
            }
            out.close("td");
            out.close("tr");
        }
        out.close("table");
        return out.build();
    }

    public static Markup status(String status)
    {
        String known = switch (status) {
            case "compromised", "attempted", "clean" -> status;
            default -> "other";
        };
        return new HtmlBuilder().element("span", status, "class", "status status-" + known).build();
    }

    /**
     * @param checklist the organisation's response checklist
     */
    public static Markup detail(OrganisationDetail detail, ResponseChecklist checklist, Links links)
    {
        OrganisationSummary summary = detail.summary();
        HtmlBuilder out = new HtmlBuilder();
        out.open("p").text("Status ").markup(status(summary.status())).text(" \u2014 hosts " + String.join(", ", summary.hosts()) + "; first exploit "
                + Display.minute(summary.firstExploit()) + "; first compromise " + Display.minute(summary.firstCompromise()) + ".").close("p");
        out.open("table", "class", "facts");
        fact(out, "webshells", String.join(" ", summary.webshells()));
        fact(out, "source IPs", String.join(" ", summary.sourceIps()));
        out.open("tr").element("th", "hits").open("td").element("span", Long.toString(detail.hitCount()), "data-metric", "hits")
                .text(" (C/H/M/L/I " + levels(summary.hitsByLevel()) + ")").close("td").close("tr");
        out.open("tr").element("th", "campaigns").open("td");
        for (CampaignDetail campaign : detail.campaigns()) {
            out.link(links.campaign(campaign.summary().id()), campaign.summary().id()).text(" (" + campaign.summary().verdict() + ", confidence "
                    + campaign.summary().confidence() + ") ");
        }
        if (detail.campaigns().isEmpty()) {
            out.text("none");
        }
        out.close("td").close("tr");
        out.close("table");
        out.element("h3", "Why this status");
        if (detail.evidence().isEmpty()) {
            out.element("p", "No evidence sentence recorded.", "class", "muted");
        }
        else {
            out.open("ul", "class", "evidence");
            for (String sentence : detail.evidence()) {
                out.element("li", sentence);
            }
            out.close("ul");
        }
        out.element("h3", "Response checklist");
        out.markup(ChecklistView.render(checklist));
        out.element("h3", "Scanned servers");
        out.markup(ExposureView.servers(detail.servers(), links));
        out.element("h3", "Hits");
        hits(out, detail);
        return out.build();
    }

    private static void hits(HtmlBuilder out, OrganisationDetail detail)
    {
        if (detail.hits().isEmpty()) {
            out.element("p", "No hit.", "class", "muted");
            return;
        }
        out.element("p", detail.hits().size() == detail.hitCount() ? "All " + detail.hitCount() + " hits, in time order."
                : "The first " + detail.hits().size() + " of " + detail.hitCount() + " hits, in time order.", "class", "muted");
        out.open("table", "class", "hits");
        out.open("tr").element("th", "time").element("th", "level").element("th", "rule").element("th", "host").element("th", "evidence")
                .element("th", "matched fields, then context").close("tr");
        for (HitRow hit : detail.hits()) {
            out.open("tr", "class", "hit");
            out.element("td", Display.second(hit.time()));
            out.element("td", hit.level());
            out.open("td").text(hit.title()).element("div", hit.ruleId(), "class", "mono muted").close("td");
            out.element("td", hit.host());
            out.element("td", hit.file() + " " + hit.position(), "class", "mono");
            out.open("td");
            for (Map.Entry<String, String> field : hit.matched().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                out.open("div", "class", "mono").element("strong", field.getKey()).text(" " + field.getValue()).close("div");
            }
            // What the rule did not match but a responder wants beside it: the request or the process.
            for (String name : HitContext.FIELDS) {
                String value = hit.context().get(name);
                if (value != null && !hit.matched().containsKey(name)) {
                    out.element("div", name + " " + value, "class", "mono muted");
                }
            }
            out.close("td");
            out.close("tr");
        }
        out.close("table");
    }

    private static void fact(HtmlBuilder out, String name, String value)
    {
        out.open("tr").element("th", name).element("td", value.isEmpty() ? Display.NONE : value, "class", "mono").close("tr");
    }

    private static String levels(Map<Level, Long> byLevel)
    {
        return byLevel.getOrDefault(Level.CRITICAL, 0L) + "/" + byLevel.getOrDefault(Level.HIGH, 0L) + "/" + byLevel.getOrDefault(Level.MEDIUM, 0L)
                + "/" + byLevel.getOrDefault(Level.LOW, 0L) + "/" + byLevel.getOrDefault(Level.INFORMATIONAL, 0L);
    }
}
