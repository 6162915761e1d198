package dev.tradecraft.server.view;

import dev.tradecraft.server.html.Display;
import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.store.read.Overview;

/**
 * The numbers an incident lead looks at first, as cards. Exposed, vulnerable, compromised and
 * attributed stay apart; each card carries {@code data-metric} so tests and scripts can read it.
 */
public final class OverviewView
{
    private OverviewView() {}

    public static Markup cards(Overview overview)
    {
        HtmlBuilder out = new HtmlBuilder();
        String cve = overview.exposure().key().isEmpty() ? "no scan data" : overview.exposure().key();
        out.open("div", "class", "cards");
        card(out, "exposed", overview.exposure().services(), "SharePoint services exposed (" + cve + ")");
        card(out, "vulnerable", overview.exposure().vulnerable(), "vulnerable");
        card(out, "ambiguous", overview.exposure().ambiguous(), "ambiguous (the evidence cannot tell)");
        card(out, "compromised", overview.compromised(), "organisations compromised");
        card(out, "attempted", overview.attempted(), "organisations attempted");
        card(out, "clean", overview.clean(), "organisations clean");
        card(out, "campaigns", overview.campaigns(), "campaigns (" + overview.singleActorCampaigns() + " likely one actor)");
        out.close("div");
        out.element("p", overview.organisations() + " organisations hunted, " + overview.hits() + " hits kept, " + overview.files() + " files read in "
                + overview.runs() + " runs; last run " + Display.minute(overview.lastRun()) + ".", "class", "muted");
        return out.build();
    }

    private static void card(HtmlBuilder out, String metric, long value, String label)
    {
        out.open("div", "class", "card", "data-metric", metric);
        out.element("span", Long.toString(value), "class", "number");
        out.element("span", label, "class", "label");
        out.close("div");
    }
}
