package dev.tradecraft.server.view;

import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.server.html.Display;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.server.html.TimelineChart;
import dev.tradecraft.server.html.VictimGraph;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.CampaignSummary;
import dev.tradecraft.store.read.CampaignVictim;
import dev.tradecraft.store.read.SharedArtefact;
import dev.tradecraft.store.read.TimelineEntry;

/** Campaigns as a list and one campaign in full: verdict, evidence for and against, victims, graph, timeline, artefacts. */
public final class CampaignView
{
    /** Timeline rows listed in the table beyond the chart; the chart draws them all. */
    public static final int TIMELINE_ROWS = 200;

    private CampaignView() {}

    public static Markup table(List<CampaignSummary> campaigns, Links links)
    {
        HtmlBuilder out = new HtmlBuilder();
        if (campaigns.isEmpty()) {
            return out.element("p", "No campaign: no activity was tied together across organisations.", "class", "muted").build();
        }
        out.open("table", "class", "campaigns");
        out.open("tr").element("th", "campaign").element("th", "verdict").element("th", "confidence", "class", "number")
                .element("th", "organisations", "class", "number").element("th", "intrusions", "class", "number").element("th", "first seen")
                .element("th", "last seen").close("tr");
        for (CampaignSummary campaign : campaigns) {
            out.open("tr");
            out.open("td").link(links.campaign(campaign.id()), campaign.id(), "class", "campaign-link").close("td");
            out.element("td", campaign.verdict());
            out.element("td", Integer.toString(campaign.confidence()), "class", "number");
            out.element("td", Integer.toString(campaign.organisations().size()), "class", "number");
            out.element("td", Integer.toString(campaign.intrusions()), "class", "number");
            out.element("td", Display.minute(campaign.firstSeen()));
            out.element("td", Display.minute(campaign.lastSeen()));
            out.close("tr");
        }
        out.close("table");
        return out.build();
    }

    /** The verdict line and the evidence for and against, as a person can check it. */
    public static Markup judgement(CampaignSummary campaign)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.open("p");
        out.element("strong", campaign.verdict());
        out.text(" with confidence " + campaign.confidence() + " of 100: " + campaign.organisations().size() + " organisations, "
                + campaign.intrusions() + " intrusions, " + Display.minute(campaign.firstSeen()) + " to " + Display.minute(campaign.lastSeen())
                + (campaign.actors().isEmpty() ? "." : "; actors " + String.join(", ", campaign.actors()) + "."));
        out.close("p");
        out.element("h4", "Evidence");
        list(out, campaign.evidence(), "evidence for", "No evidence sentence recorded.");
        out.element("h4", "What argues against it");
        list(out, campaign.against(), "evidence against", "Nothing recorded against it.");
        return out.build();
    }

    public static Markup detail(CampaignDetail detail, Links links)
    {
        CampaignSummary campaign = detail.summary();
        List<String> victims = new ArrayList<>();
        for (CampaignVictim victim : detail.victims()) {
            if (!victims.contains(victim.organisation())) {
                victims.add(victim.organisation());
            }
        }
        HtmlBuilder out = new HtmlBuilder();
        out.markup(judgement(campaign));
        out.element("h3", "Victims");
        out.open("table", "class", "victims");
        out.open("tr").element("th", "organisation").element("th", "intrusion").element("th", "hosts").element("th", "first seen").element("th", "last seen")
                .element("th", "sightings", "class", "number").close("tr");
        for (CampaignVictim victim : detail.victims()) {
            out.open("tr");
            out.open("td").link(links.organisation(victim.organisation()), victim.organisation(), "class", "victim-link").close("td");
            out.element("td", victim.intrusionId(), "class", "mono");
            out.element("td", String.join(", ", victim.hosts()));
            out.element("td", Display.minute(victim.firstSeen()));
            out.element("td", Display.minute(victim.lastSeen()));
            out.element("td", Integer.toString(victim.sightings()), "class", "number");
            out.close("tr");
        }
        out.close("table");
        out.element("h3", "Victims and the artefacts they share");
        out.markup(VictimGraph.render("Victims of " + campaign.id() + " and shared artefacts", victims, detail.artefacts(), links::organisation));
        out.element("h3", "Timeline");
        out.markup(TimelineChart.render("Sightings of " + campaign.id() + " over time", victims, detail.timeline()));
        out.element("h3", "Artefacts");
        artefacts(out, detail.artefacts());
        out.element("h3", "Sightings");
        timeline(out, detail.timeline());
        return out.build();
    }

    private static void artefacts(HtmlBuilder out, List<SharedArtefact> artefacts)
    {
        if (artefacts.isEmpty()) {
            out.element("p", "No artefact recorded.", "class", "muted");
            return;
        }
        out.open("table", "class", "artefacts");
        out.open("tr").element("th", "type").element("th", "value").element("th", "organisations").close("tr");
        for (SharedArtefact artefact : artefacts) {
            out.open("tr").element("td", artefact.type()).element("td", artefact.value(), "class", "mono")
                    .element("td", artefact.organisations().size() + ": " + String.join(", ", artefact.organisations())).close("tr");
        }
        out.close("table");
    }

    private static void timeline(HtmlBuilder out, List<TimelineEntry> timeline)
    {
        out.open("table", "class", "timeline");
        out.open("tr").element("th", "time").element("th", "organisation").element("th", "host").element("th", "stage").element("th", "rule")
                .element("th", "evidence").close("tr");
        for (TimelineEntry entry : timeline.subList(0, Math.min(TIMELINE_ROWS, timeline.size()))) {
            out.open("tr").element("td", Display.second(entry.time())).element("td", entry.organisation()).element("td", entry.host())
                    .element("td", entry.stage()).element("td", entry.ruleId(), "class", "mono").element("td", entry.evidence(), "class", "mono")
                    .close("tr");
        }
        out.close("table");
        if (timeline.size() > TIMELINE_ROWS) {
            out.element("p", (timeline.size() - TIMELINE_ROWS) + " more sightings not listed (all are drawn above).", "class", "muted");
        }
    }

    private static void list(HtmlBuilder out, List<String> sentences, String kind, String none)
    {
        if (sentences.isEmpty()) {
            out.element("p", none, "class", "muted");
            return;
        }
        out.open("ul", "class", "evidence " + (kind.endsWith("against") ? "against" : "for"));
        for (String sentence : sentences) {
            out.element("li", sentence);
        }
        out.close("ul");
    }
}
