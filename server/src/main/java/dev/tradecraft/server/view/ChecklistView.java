package dev.tradecraft.server.view;

import java.util.Locale;

import dev.tradecraft.server.html.HtmlBuilder;
import dev.tradecraft.server.html.Markup;
import dev.tradecraft.server.response.ChecklistItem;
import dev.tradecraft.server.response.ResponseChecklist;

/** A response checklist as an ordered list with the targets of each step. */
public final class ChecklistView
{
    private ChecklistView() {}

    public static Markup render(ResponseChecklist checklist)
    {
        HtmlBuilder out = new HtmlBuilder();
        out.element("p", checklist.summary(), "class", "checklist-summary");
        out.open("ol", "class", "checklist");
        for (ChecklistItem item : checklist.items()) {
            out.open("li", "data-step", item.step().name().toLowerCase(Locale.ROOT));
            out.text(item.instruction());
            if (!item.targets().isEmpty()) {
                out.open("ul");
                for (String target : item.targets()) {
                    out.element("li", target, "class", "mono");
                }
                out.close("ul");
            }
            out.close("li");
        }
        out.close("ol");
        return out.build();
    }
}
