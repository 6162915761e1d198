package dev.tradecraft.server.web;

import java.util.List;

import dev.tradecraft.server.html.Document;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.server.response.ResponseChecklist;
import dev.tradecraft.server.view.CampaignView;
import dev.tradecraft.server.view.ExposureView;
import dev.tradecraft.server.view.Links;
import dev.tradecraft.server.view.OrganisationView;
import dev.tradecraft.server.view.OverviewView;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.CampaignSummary;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.ExposureTotals;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.Overview;

/** The dashboard's pages: the shared views inside a document with the site's navigation. */
final class DashboardPages
{
    private static final Links LINKS = Links.pages();

    private DashboardPages() {}

    static String overview(Overview overview, List<CampaignSummary> campaigns)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Overview");
        out.markup(OverviewView.cards(overview));
        out.element("h2", "Exposure");
        out.markup(ExposureView.totals(overview.exposure()));
        out.element("h2", "Campaigns");
        out.markup(CampaignView.table(campaigns, LINKS));
        return page("Overview", out.build());
    }

    static String campaigns(List<CampaignSummary> campaigns)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Campaigns");
        out.markup(CampaignView.table(campaigns, LINKS));
        for (CampaignSummary campaign : campaigns) {
            out.open("h2").link(LINKS.campaign(campaign.id()), campaign.id()).close("h2");
            out.markup(CampaignView.judgement(campaign));
        }
        return page("Campaigns", out.build());
    }

    static String campaign(CampaignDetail detail)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Campaign " + detail.summary().id());
        out.markup(CampaignView.detail(detail, LINKS));
        return page("Campaign " + detail.summary().id(), out.build());
    }

    static String organisations(List<OrganisationSummary> organisations)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Organisations");
        out.markup(OrganisationView.table(organisations, LINKS));
        return page("Organisations", out.build());
    }

    static String organisation(OrganisationDetail detail, ResponseChecklist checklist)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Organisation " + detail.summary().name());
        out.markup(OrganisationView.detail(detail, checklist, LINKS));
        return page("Organisation " + detail.summary().name(), out.build());
    }

    static String exposure(ExposureTotals totals, List<ExposureTotals> byCountry, List<ExposureTotals> byProduct, List<ExposureRow> servers)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Exposure");
        out.markup(ExposureView.totals(totals));
        out.element("h2", "By country");
        out.markup(ExposureView.breakdown("Exposure by country", "country", byCountry));
        out.element("h2", "By product");
        out.markup(ExposureView.breakdown("Exposure by product", "product", byProduct));
        out.element("h2", "Servers");
        out.element("p", "The first " + servers.size() + " scanned services.", "class", "muted");
        out.markup(ExposureView.servers(servers, LINKS));
        return page("Exposure", out.build());
    }

    /** A page that says what went wrong; {@code message} may hold a requested name, so it is escaped like everything else. */
    static String problem(String title, String message)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", title);
        out.element("p", message);
        out.open("p").link("/", "Back to the overview").close("p");
        return page(title, out.build());
    }

    private static String page(String title, Markup body)
    {
        HtmlBuilder header = new HtmlBuilder();
        header.open("header", "class", "top");
        header.element("span", "Tradecraft", "class", "brand");
        header.open("nav");
        header.link("/", "Overview").link("/campaigns", "Campaigns").link("/organisations", "Organisations").link("/exposure", "Exposure");
        header.close("nav");
        header.close("header");
        return Document.render(title + " \u2014 Tradecraft", header.build(), body, Document.Style.LINKED);
    }
}
