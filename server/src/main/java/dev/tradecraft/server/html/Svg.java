package dev.tradecraft.server.html;

import java.util.Locale;

/** Number and text formatting shared by the charts: coordinates with one decimal, long labels shortened. */
final class Svg
{
    private Svg() {}

    static String number(double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** At most {@code max} characters, with an ellipsis when cut; the full text goes in the element's title. */
    static String shorten(String text, int max)
    {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** Opens the chart: a figure with an inline SVG (no namespace URL needed inside HTML). */
    static void open(HtmlBuilder out, String title, int width, int height)
    {
        out.open("figure", "class", "chart");
        out.open("svg", "viewBox", "0 0 " + width + " " + height, "width", Integer.toString(width), "height", Integer.toString(height),
                "role", "img", "aria-label", title);
        out.element("title", title);
    }

    static void close(HtmlBuilder out, String caption)
    {
        out.close("svg");
        out.element("figcaption", caption);
        out.close("figure");
    }
}
