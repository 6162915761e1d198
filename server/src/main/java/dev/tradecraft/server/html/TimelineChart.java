package dev.tradecraft.server.html;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tradecraft.store.read.TimelineEntry;

/**
 * A campaign's sightings over time as inline SVG: one row per organisation (in the order given),
 * one dot per sighting coloured by stage, a time axis in UTC. Sightings without a time cannot be
 * placed and are counted in the caption.
 */
public final class TimelineChart
{
    private static final int WIDTH = 900;
    private static final int LABEL_WIDTH = 210;
    private static final int RIGHT = 30;
    private static final int ROW = 22;
    private static final int TOP = 34;
    private static final int AXIS = 40;
    private static final int TICKS = 3;

    private static final Map<String, String> STAGE_COLOURS = stageColours();

    private TimelineChart() {}

    public static Markup render(String title, List<String> organisations, List<TimelineEntry> entries)
    {
        requireNonNull(title, "title is null");
        List<TimelineEntry> timed = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            if (entry.time().isPresent()) {
                timed.add(entry);
            }
        }
        List<String> rows = new ArrayList<>(organisations);
        for (TimelineEntry entry : timed) {
            if (!rows.contains(entry.organisation())) {
                rows.add(entry.organisation());
            }
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(rows.get(i), i);
        }
        Instant first = timed.stream().map(entry -> entry.time().get()).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant last = timed.stream().map(entry -> entry.time().get()).max(Instant::compareTo).orElse(first);
        if (!last.isAfter(first)) {
            // One moment only: give the axis an hour either side so the dots sit in the middle.
            first = first.minus(Duration.ofHours(1));
            last = last.plus(Duration.ofHours(1));
        }
        double span = Duration.between(first, last).toMillis();
        double plot = WIDTH - LABEL_WIDTH - RIGHT;
        int height = TOP + Math.max(1, rows.size()) * ROW + AXIS;
        HtmlBuilder out = new HtmlBuilder();
        Svg.open(out, title, WIDTH, height);
        legend(out, timed);
        for (int i = 0; i < rows.size(); i++) {
            int y = TOP + i * ROW + ROW / 2;
            out.open("line", "x1", Integer.toString(LABEL_WIDTH), "y1", Integer.toString(y), "x2", Integer.toString(WIDTH - RIGHT), "y2",
                    Integer.toString(y), "stroke", "#d0d7de", "stroke-width", "1").close("line");
            out.open("text", "x", Integer.toString(LABEL_WIDTH - 8), "y", Integer.toString(y + 4), "font-size", "12", "text-anchor", "end");
            out.element("title", rows.get(i));
            out.text(Svg.shorten(rows.get(i), 30));
            out.close("text");
        }
        int axisY = TOP + Math.max(1, rows.size()) * ROW + 6;
        out.open("line", "x1", Integer.toString(LABEL_WIDTH), "y1", Integer.toString(axisY), "x2", Integer.toString(WIDTH - RIGHT), "y2",
                Integer.toString(axisY), "stroke", "#59636e", "stroke-width", "1").close("line");
        for (int tick = 0; tick <= TICKS; tick++) {
            double x = LABEL_WIDTH + plot * tick / TICKS;
            Instant at = first.plusMillis((long) (span * tick / TICKS));
            out.open("line", "x1", Svg.number(x), "y1", Integer.toString(axisY), "x2", Svg.number(x), "y2", Integer.toString(axisY + 5),
                    "stroke", "#59636e").close("line");
            String anchor = tick == 0 ? "start" : tick == TICKS ? "end" : "middle";
            out.element("text", Display.minute(at), "x", Svg.number(x), "y", Integer.toString(axisY + 20), "font-size", "11", "text-anchor", anchor);
        }
        for (TimelineEntry entry : timed) {
            Instant time = entry.time().get();
            double x = LABEL_WIDTH + plot * Duration.between(first, time).toMillis() / span;
            int y = TOP + rowOf.get(entry.organisation()) * ROW + ROW / 2;
            out.open("circle", "cx", Svg.number(x), "cy", Integer.toString(y), "r", "4.5", "fill", colour(entry.stage()), "fill-opacity", "0.85");
            out.element("title", Display.second(entry.time()) + " " + entry.organisation() + "/" + entry.host() + " " + entry.stage() + " "
                    + entry.ruleId() + " (" + entry.evidence() + ")");
            out.close("circle");
        }
        int untimed = entries.size() - timed.size();
        String caption = timed.size() + " sightings over time (UTC)" + (untimed > 0 ? "; " + untimed + " without a time are not drawn" : "");
        Svg.close(out, caption);
        return out.build();
    }

    private static void legend(HtmlBuilder out, List<TimelineEntry> timed)
    {
        Map<String, String> present = new LinkedHashMap<>();
        for (Map.Entry<String, String> stage : STAGE_COLOURS.entrySet()) {
            for (TimelineEntry entry : timed) {
                if (entry.stage().equals(stage.getKey())) {
                    present.put(stage.getKey(), stage.getValue());
                    break;
                }
            }
        }
        int x = LABEL_WIDTH;
        for (Map.Entry<String, String> stage : present.entrySet()) {
            out.open("circle", "cx", Integer.toString(x + 5), "cy", "14", "r", "5", "fill", stage.getValue()).close("circle");
            out.element("text", stage.getKey(), "x", Integer.toString(x + 14), "y", "18", "font-size", "12");
            x += 24 + stage.getKey().length() * 7;
        }
    }

    private static String colour(String stage)
    {
        return STAGE_COLOURS.getOrDefault(stage, "#59636e");
    }

    private static Map<String, String> stageColours()
    {
        Map<String, String> colours = new LinkedHashMap<>();
        colours.put("recon", "#8a94a0");
        colours.put("exploit", "#b42318");
        colours.put("key-use", "#1f4e8c");
        colours.put("webshell-drop", "#c4320a");
        colours.put("webshell", "#7a2e9e");
        colours.put("post-exploitation", "#6c2e05");
        colours.put("ioc", "#0e7490");
        colours.put("other", "#59636e");
        return colours;
    }
}
