package dev.tradecraft.server.view;

import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.server.html.BarChart;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.ExposureTotals;

/** Exposure counts as a chart and a table: vulnerable, ambiguous and not vulnerable kept apart. */
public final class ExposureView
{
    /** Rows beyond this many are in the table but not the chart. */
    public static final int CHART_ROWS = 15;

    private static final List<BarChart.Series> STATES = List.of(new BarChart.Series("vulnerable", "#b42318"),
            new BarChart.Series("ambiguous", "#dc9b04"), new BarChart.Series("not vulnerable", "#067647"));

    private ExposureView() {}

    /** The totals of the CVE counted as one bar. */
    public static Markup totals(ExposureTotals totals)
    {
        if (totals.services() == 0) {
            return new HtmlBuilder().element("p", "No scan data in the workspace: run 'tradecraft exposure' on scan exports.", "class", "muted").build();
        }
        return BarChart.render("SharePoint services by state for " + totals.key(), STATES, List.of(bar(totals)));
    }

    /** A breakdown (by country or product): chart of the largest rows, table of all. */
    public static Markup breakdown(String title, String keyName, List<ExposureTotals> rows)
    {
        HtmlBuilder out = new HtmlBuilder();
        if (rows.isEmpty()) {
            return out.element("p", "No scan data.", "class", "muted").build();
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        for (ExposureTotals row : rows.subList(0, Math.min(CHART_ROWS, rows.size()))) {
            bars.add(bar(row));
        }
        out.markup(BarChart.render(title, STATES, bars));
        out.open("table");
        out.open("tr").element("th", keyName).element("th", "services", "class", "number").element("th", "vulnerable", "class", "number")
                .element("th", "ambiguous", "class", "number").element("th", "not vulnerable", "class", "number").close("tr");
        for (ExposureTotals row : rows) {
            out.open("tr").element("td", row.key()).element("td", Long.toString(row.services()), "class", "number")
                    .element("td", Long.toString(row.vulnerable()), "class", "number").element("td", Long.toString(row.ambiguous()), "class", "number")
                    .element("td", Long.toString(row.notVulnerable()), "class", "number").close("tr");
        }
        out.close("table");
        return out.build();
    }

    /** Scanned servers with their state and reason. */
    public static Markup servers(List<ExposureRow> servers, Links links)
    {
        HtmlBuilder out = new HtmlBuilder();
        if (servers.isEmpty()) {
            return out.element("p", "No scanned server.", "class", "muted").build();
        }
        out.open("table");
        out.open("tr").element("th", "server").element("th", "product").element("th", "version shown").element("th", "state").element("th", "reason")
                .element("th", "organisation").close("tr");
        for (ExposureRow server : servers) {
            out.open("tr");
            out.open("td").element("span", server.address() + ":" + server.port(), "class", "mono");
            if (!server.hostnames().isEmpty()) {
                out.text(" " + String.join(", ", server.hostnames()));
            }
            out.close("td");
            out.element("td", server.product());
            out.element("td", server.build().or(server::versionShown).orElse("-"), "class", "mono");
            out.element("td", server.state());
            out.element("td", server.reason());
            out.open("td");
            if (server.matchedOrganisation().isPresent()) {
                out.link(links.organisation(server.matchedOrganisation().get()), server.matchedOrganisation().get());
                out.text(server.matchedBy().map(by -> " (by " + by + ")").orElse(""));
            }
            else {
                out.text(server.organisation().orElse("-"));
            }
            out.close("td");
            out.close("tr");
        }
        out.close("table");
        return out.build();
    }

    private static BarChart.Bar bar(ExposureTotals totals)
    {
        return new BarChart.Bar(totals.key(), List.of(totals.vulnerable(), totals.ambiguous(), totals.notVulnerable()));
    }
}
