package dev.tradecraft.server.view;

import dev.tradecraft.server.html.Html;

/**
 * Where a campaign or organisation is shown: a page of the dashboard, or a section of the
 * one-file report. Views link through this so the same markup serves both.
 */
public interface Links
{
    String campaign(String id);

    String organisation(String name);

    /** Dashboard pages: {@code /campaigns/<id>}, {@code /organisations/<name>}. */
    static Links pages()
    {
        return new Links()
        {
            @Override
            public String campaign(String id)
            {
                return "/campaigns/" + Html.pathSegment(id);
            }

            @Override
            public String organisation(String name)
            {
                return "/organisations/" + Html.pathSegment(name);
            }
        };
    }

    /** Sections of one document: {@code #campaign-...}, {@code #organisation-...}. */
    static Links anchors()
    {
        return new Links()
        {
            @Override
            public String campaign(String id)
            {
                return "#" + Html.anchorId("campaign", id);
            }

            @Override
            public String organisation(String name)
            {
                return "#" + Html.anchorId("organisation", name);
            }
        };
    }
}
