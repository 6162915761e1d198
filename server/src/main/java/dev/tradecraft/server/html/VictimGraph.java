package dev.tradecraft.server.html;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tradecraft.store.read.SharedArtefact;

/**
 * A campaign's victims and the artefacts they share as a bipartite graph in inline SVG:
 * organisations in the left column (in the order given), artefacts in the right (most widely
 * shared first, as the store gives them), a line for each sighting of an artefact at an
 * organisation. The layout depends only on the order of its inputs, so the same campaign always
 * draws the same picture.
 */
public final class VictimGraph
{
    /** Artefacts beyond this many are listed in the caption, not drawn: the picture stays readable. */
    public static final int MAX_ARTEFACTS = 30;

    private static final int WIDTH = 900;
    private static final int ORGANISATION_X = 230;
    private static final int ARTEFACT_X = 560;
    private static final int ROW = 24;
    private static final int TOP = 36;

    private static final Map<String, String> TYPE_COLOURS = Map.of(
            "source-ip", "#b42318",
            "user-agent", "#7a2e9e",
            "webshell-name", "#c4320a",
            "webshell-path", "#c4320a",
            "command-fingerprint", "#1f4e8c",
            "file-hash", "#0e7490",
            "domain", "#067647",
            "tool", "#6c2e05",
            "request-variant", "#59636e",
            "request-size", "#8a94a0");

    private VictimGraph() {}

    /**
     * @param organisations the victims, in the order to draw them
     * @param artefacts what they share
     * @param organisationLink where an organisation's node links to (a page or an anchor)
     */
    public static Markup render(String title, List<String> organisations, List<SharedArtefact> artefacts, Function<String, String> organisationLink)
    {
        requireNonNull(title, "title is null");
        requireNonNull(organisationLink, "organisationLink is null");
        List<SharedArtefact> drawn = artefacts.subList(0, Math.min(artefacts.size(), MAX_ARTEFACTS));
        int rows = Math.max(1, Math.max(organisations.size(), drawn.size()));
        int height = TOP + rows * ROW + 10;
        double organisationStep = (double) rows * ROW / Math.max(1, organisations.size());
        double artefactStep = (double) rows * ROW / Math.max(1, drawn.size());
        Map<String, Double> organisationY = new HashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            organisationY.put(organisations.get(i), TOP + (i + 0.5) * organisationStep);
        }
        HtmlBuilder out = new HtmlBuilder();
        Svg.open(out, title, WIDTH, height);
        out.element("text", "organisations", "x", Integer.toString(ORGANISATION_X), "y", "20", "font-size", "13", "text-anchor", "end",
                "font-weight", "700");
        out.element("text", "shared artefacts", "x", Integer.toString(ARTEFACT_X), "y", "20", "font-size", "13", "font-weight", "700");
        for (int i = 0; i < drawn.size(); i++) {
            SharedArtefact artefact = drawn.get(i);
            double y = TOP + (i + 0.5) * artefactStep;
            String colour = TYPE_COLOURS.getOrDefault(artefact.type(), "#59636e");
            for (String organisation : artefact.organisations()) {
                Double from = organisationY.get(organisation);
                if (from == null) {
                    continue;
                }
                out.open("line", "x1", Integer.toString(ORGANISATION_X + 6), "y1", Svg.number(from), "x2", Integer.toString(ARTEFACT_X - 6),
                        "y2", Svg.number(y), "stroke", colour, "stroke-width", "1.2", "stroke-opacity", "0.6");
                out.close("line");
            }
        }
        for (String organisation : organisations) {
            double y = organisationY.get(organisation);
            out.openLink(organisationLink.apply(organisation));
            out.open("circle", "cx", Integer.toString(ORGANISATION_X), "cy", Svg.number(y), "r", "5", "fill", "#1f4e8c").close("circle");
            out.open("text", "x", Integer.toString(ORGANISATION_X - 10), "y", Svg.number(y + 4), "font-size", "12", "text-anchor", "end");
            out.element("title", organisation);
            out.text(Svg.shorten(organisation, 30));
            out.close("text");
            out.close("a");
        }
        for (int i = 0; i < drawn.size(); i++) {
            SharedArtefact artefact = drawn.get(i);
            double y = TOP + (i + 0.5) * artefactStep;
            String colour = TYPE_COLOURS.getOrDefault(artefact.type(), "#59636e");
            out.open("rect", "x", Integer.toString(ARTEFACT_X - 5), "y", Svg.number(y - 5), "width", "10", "height", "10", "fill", colour);
            out.close("rect");
            out.open("text", "x", Integer.toString(ARTEFACT_X + 10), "y", Svg.number(y + 4), "font-size", "12");
            out.element("title", artefact.type() + " " + artefact.value() + " (" + artefact.organisations().size() + " organisations)");
            out.text(Svg.shorten(artefact.type() + ": " + artefact.value(), 44) + " \u00d7" + artefact.organisations().size());
            out.close("text");
        }
        String caption = organisations.size() + " organisations, " + artefacts.size() + " artefacts"
                + (artefacts.size() > drawn.size() ? " (the " + drawn.size() + " most widely shared drawn)" : "");
        Svg.close(out, caption);
        return out.build();
    }
}
