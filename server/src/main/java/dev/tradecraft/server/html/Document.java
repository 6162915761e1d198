package dev.tradecraft.server.html;

import static java.util.Objects.requireNonNull;

/**
 * A whole HTML document around a body: charset, viewport, title, and the stylesheet either inline
 * (the report, one file with nothing to fetch) or as a same-site file (the dashboard).
 */
public final class Document
{
    /** Where the stylesheet comes from. */
    public enum Style
    {
        INLINE, LINKED
    }

    /** Path the dashboard serves {@link Stylesheet#CSS} at. */
    public static final String STYLESHEET_PATH = "/static/tradecraft.css";

    /** Path the dashboard serves its icon at. */
    public static final String FAVICON_PATH = "/static/favicon.svg";

    private Document() {}

    public static String render(String title, Markup header, Markup body, Style style)
    {
        requireNonNull(title, "title is null");
        requireNonNull(style, "style is null");
        HtmlBuilder out = new HtmlBuilder();
        out.open("html", "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.empty("meta", "name", "referrer", "content", "no-referrer");
        out.element("title", title);
        switch (style) {
            case INLINE -> out.open("style").markup(new Markup(Stylesheet.CSS)).close("style");
            case LINKED -> out.empty("link", "rel", "stylesheet", "href", STYLESHEET_PATH).empty("link", "rel", "icon", "type", "image/svg+xml",
                    "href", FAVICON_PATH);
        }
        out.close("head");
        out.open("body");
        out.markup(header);
        out.open("main");
        out.markup(body);
        out.close("main");
        out.close("body");
        out.close("html");
        return "<!DOCTYPE html>\n" + out.build().html() + "\n";
    }
}
