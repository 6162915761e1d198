package dev.tradecraft.server.html;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A horizontal stacked bar chart as inline SVG: one bar per row (a CVE's totals, a country, a
 * product), one segment per series (vulnerable, ambiguous, not vulnerable), a legend, and the
 * total at the end of each bar. Bars share one scale so rows compare.
 */
public final class BarChart
{
    /** One kind of count, drawn in one colour. */
    public record Series(String name, String colour)
    {
        public Series
        {
            requireNonNull(name, "name is null");
            checkArgument(colour.matches("#[0-9a-fA-F]{6}"), "colour must be #rrggbb: %s", colour);
        }
    }

    /** One row: its label and one value per series. */
    public record Bar(String label, List<Long> values)
    {
        public Bar
        {
            requireNonNull(label, "label is null");
            values = List.copyOf(values);
            for (long value : values) {
                checkArgument(value >= 0, "bar values must not be negative: %s", value);
            }
        }

        long total()
        {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 190;
    private static final int TOTAL_WIDTH = 70;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int LEGEND = 30;

    private BarChart() {}

    public static Markup render(String title, List<Series> series, List<Bar> bars)
    {
        requireNonNull(title, "title is null");
        for (Bar bar : bars) {
            checkArgument(bar.values().size() == series.size(), "bar %s has %s values for %s series", bar.label(), bar.values().size(), series.size());
        }
        int height = LEGEND + Math.max(1, bars.size()) * ROW + 10;
        HtmlBuilder out = new HtmlBuilder();
        Svg.open(out, title, WIDTH, height);
        int x = LABEL_WIDTH;
        for (Series each : series) {
            out.open("rect", "x", Integer.toString(x), "y", "8", "width", "12", "height", "12", "fill", each.colour()).close("rect");
            out.element("text", each.name(), "x", Integer.toString(x + 16), "y", "18", "font-size", "12");
            x += 24 + each.name().length() * 7;
        }
        long max = bars.stream().mapToLong(Bar::total).max().orElse(0);
        double area = WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
        if (bars.isEmpty()) {
            out.element("text", "nothing to count", "x", Integer.toString(LABEL_WIDTH), "y", Integer.toString(LEGEND + 16), "font-size", "13",
                    "fill", "#59636e");
        }
        for (int row = 0; row < bars.size(); row++) {
            Bar bar = bars.get(row);
            int y = LEGEND + row * ROW;
            out.open("text", "x", Integer.toString(LABEL_WIDTH - 8), "y", Integer.toString(y + 13), "font-size", "12", "text-anchor", "end");
            out.element("title", bar.label());
            out.text(Svg.shorten(bar.label(), 26));
            out.close("text");
            double offset = LABEL_WIDTH;
            for (int i = 0; i < series.size(); i++) {
                long value = bar.values().get(i);
                if (value == 0) {
                    continue;
                }
                double width = max == 0 ? 0 : value * area / max;
                out.open("rect", "x", Svg.number(offset), "y", Integer.toString(y), "width", Svg.number(width), "height", Integer.toString(BAR),
                        "fill", series.get(i).colour());
                out.element("title", bar.label() + ": " + series.get(i).name() + " " + value);
                out.close("rect");
                offset += width;
            }
            out.element("text", Long.toString(bar.total()), "x", Svg.number(offset + 6), "y", Integer.toString(y + 13), "font-size", "12");
        }
        Svg.close(out, title);
        return out.build();
    }
}
