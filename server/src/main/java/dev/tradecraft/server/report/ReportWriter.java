package dev.tradecraft.server.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.server.html.Display;
import dev.tradecraft.server.html.Document;
import dev.tradecraft.server.html.Html;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.server.view.CampaignView;
import dev.tradecraft.server.view.ExposureView;
import dev.tradecraft.server.view.Links;
import dev.tradecraft.server.view.OrganisationView;
import dev.tradecraft.server.view.OverviewView;
import dev.tradecraft.store.StoreException;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.CampaignSummary;
import dev.tradecraft.store.read.ExposureDimension;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * Writes the report: one self-contained HTML file (stylesheet and charts inline, no script, no
 * URL to fetch) that opens offline and prints to PDF. The whole report has the campaign picture,
 * the exposure totals and every organisation with its response checklist. A report for one
 * organisation is meant to be handed to it, so it names no other victim: its campaigns are shown
 * by their verdict and evidence, without the victim list, graph or timeline.
 */
public final class ReportWriter
{
    /** Hits listed per organisation; the total is always given. */
    public static final int HITS_PER_ORGANISATION = 500;

    private final WorkspaceQueries queries;
    private final ResponsePlanner planner;
    private final Clock clock;

    public ReportWriter(WorkspaceQueries queries, ResponsePlanner planner, Clock clock)
    {
        this.queries = requireNonNull(queries, "queries is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** With the built-in SharePoint knowledge, for the CVE the workspace's exposure data counts. */
    public static ReportWriter forWorkspace(WorkspaceQueries queries) throws StoreException
    {
        return new ReportWriter(queries, ResponsePlanner.builtIn(queries.overview().exposure().key()), Clock.systemUTC());
    }

    /**
     * Writes the report to {@code file} (through a temporary file beside it, so a reader never sees
     * half a report) and returns it.
     *
     * @param organisation one organisation only, or empty for all
     * @throws IllegalArgumentException when the organisation is not in the workspace
     */
    public Path write(Path file, Optional<String> organisation) throws StoreException, IOException
    {
        requireNonNull(file, "file is null");
        String html = render(organisation);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".report-", ".html.tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** The report as one HTML document. */
    public String render(Optional<String> organisation) throws StoreException
    {
        requireNonNull(organisation, "organisation is null");
        if (organisation.isPresent()) {
            return renderOne(organisation.get());
        }
        return renderAll();
    }

    private String renderAll() throws StoreException
    {
        Overview overview = queries.overview();
        Links links = Links.anchors();
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Tradecraft report");
        out.element("p", "Written " + Display.minute(clock.instant()) + " from the workspace; data of " + overview.runs() + " runs, the last "
                + Display.minute(overview.lastRun()) + ". Exposed, compromised and attributed are three different numbers.", "class", "muted");
        out.markup(OverviewView.cards(overview));

        List<CampaignSummary> campaigns = queries.campaigns();
        out.element("h2", "Campaigns");
        out.markup(CampaignView.table(campaigns, links));
        for (CampaignSummary campaign : campaigns) {
            Optional<CampaignDetail> detail = queries.campaign(campaign.id());
            if (detail.isEmpty()) {
                continue;
            }
            out.open("section", "class", "campaign", "id", Html.anchorId("campaign", campaign.id()));
            out.element("h3", "Campaign " + campaign.id());
            out.markup(CampaignView.detail(detail.get(), links));
            out.close("section");
        }

        out.element("h2", "Exposure");
        out.markup(ExposureView.totals(overview.exposure()));
        out.element("h3", "By country");
        out.markup(ExposureView.breakdown("Exposure by country", "country", queries.exposureBy(ExposureDimension.COUNTRY)));
        out.element("h3", "By product");
        out.markup(ExposureView.breakdown("Exposure by product", "product", queries.exposureBy(ExposureDimension.PRODUCT)));

        List<OrganisationSummary> organisations = queries.organisations();
        out.element("h2", "Organisations");
        out.markup(OrganisationView.table(organisations, links));
        for (OrganisationSummary organisation : organisations) {
            Optional<OrganisationDetail> detail = queries.organisation(organisation.name(), HITS_PER_ORGANISATION);
            if (detail.isPresent()) {
                out.markup(organisationSection(detail.get(), links));
            }
        }
        return Document.render("Tradecraft report", header("all organisations"), out.build(), Document.Style.INLINE);
    }

    private String renderOne(String name) throws StoreException
    {
        Optional<OrganisationDetail> found = queries.organisation(name, HITS_PER_ORGANISATION);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no organisation '" + name + "' in the workspace; 'tradecraft report' without --organisation lists them all");
        }
        OrganisationDetail detail = found.get();
        Links links = Links.anchors();
        HtmlBuilder out = new HtmlBuilder();
        out.element("h1", "Tradecraft report: " + name);
        out.element("p", "Written " + Display.minute(clock.instant()) + " from the workspace. This report covers one organisation and names no "
                + "other victim.", "class", "muted");
        out.element("h2", "Campaigns this organisation is part of");
        if (detail.campaigns().isEmpty()) {
            out.element("p", "None: nothing seen here was tied to activity at other organisations.", "class", "muted");
        }
        for (CampaignDetail campaign : detail.campaigns()) {
            out.open("section", "class", "campaign", "id", Html.anchorId("campaign", campaign.summary().id()));
            out.element("h3", "Campaign " + campaign.summary().id());
            out.markup(CampaignView.judgement(campaign.summary()));
            out.close("section");
        }
        out.markup(organisationSection(detail, links));
        return Document.render("Tradecraft report: " + name, header(name), out.build(), Document.Style.INLINE);
    }

    private Markup organisationSection(OrganisationDetail detail, Links links)
    {
        HtmlBuilder out = new HtmlBuilder();
        String name = detail.summary().name();
        out.open("section", "class", "organisation", "id", Html.anchorId("organisation", name));
        out.element("h2", "Organisation " + name);
        out.markup(OrganisationView.detail(detail, planner.plan(detail), links));
        out.close("section");
        return out.build();
    }

    private static Markup header(String scope)
    {
        return new HtmlBuilder().open("header", "class", "top").element("span", "Tradecraft", "class", "brand").element("span", "Report: " + scope)
                .close("header").build();
    }
}
