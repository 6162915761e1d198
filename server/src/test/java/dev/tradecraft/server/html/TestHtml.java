package dev.tradecraft.server.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.tradecraft.store.read.SharedArtefact;
import dev.tradecraft.store.read.TimelineEntry;

class TestHtml
{
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void testTextEscapesTheFiveSpecialCharacters()
    {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escapeText(SCRIPT));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39;", Html.escapeText("a & b \"c\" 'd'"));
        assertEquals("plain text stays", Html.escapeText("plain text stays"));
    }

    @Test
    void testAttributeValueCannotCloseItsQuotes()
    {
        assertEquals("x&quot; onmouseover=&quot;alert(1)", Html.escapeAttribute("x\" onmouseover=\"alert(1)"));
        assertEquals("x&#39; onmouseover=&#39;alert(1)", Html.escapeAttribute("x' onmouseover='alert(1)"));
    }

    @Test
    void testControlCharactersAndLoneSurrogatesBecomeReplacementCharacters()
    {
        assertEquals("a\uFFFDb\uFFFDc", Html.escapeText("a\u0000b\u001bc"));
        assertEquals("\uFFFDx", Html.escapeText("\uD800x"));
        assertEquals("tab\tand\nnewline", Html.escapeText("tab\tand\nnewline"));
        assertEquals("emoji \uD83D\uDE00 kept", Html.escapeText("emoji \uD83D\uDE00 kept"));
    }

    @Test
    void testRandomStringsNeverLeaveMarkupCharactersRaw()
    {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = "<>\"'&;/=ab \u0000\u00e9\uD83D\uDE00\uD800";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                input.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = Html.escapeText(input.toString());
            for (char forbidden : new char[] {'<', '>', '"', '\''}) {
                assertTrue(escaped.indexOf(forbidden) < 0, "seed " + seed + ": raw " + forbidden + " in " + escaped);
            }
            // Every '&' starts an entity we wrote: the input's own '&' became "&amp;".
            for (int at = escaped.indexOf('&'); at >= 0; at = escaped.indexOf('&', at + 1)) {
                String rest = escaped.substring(at);
                assertTrue(rest.startsWith("&amp;") || rest.startsWith("&lt;") || rest.startsWith("&gt;") || rest.startsWith("&quot;")
                        || rest.startsWith("&#39;"), "seed " + seed + ": stray & in " + escaped);
            }
            String segment = Html.pathSegment(input.toString());
            assertTrue(segment.matches("[A-Za-z0-9._~%-]*"), "seed " + seed + ": " + segment);
        }
    }

    @Test
    void testPathSegmentKeepsANameOneSegment()
    {
        assertEquals("acme-energy", Html.pathSegment("acme-energy"));
        assertEquals("a%2Fb%3F%23", Html.pathSegment("a/b?#"));
        assertEquals("%2E%2E", Html.pathSegment(".."));
        assertEquals("acme.example", Html.pathSegment("acme.example"));
    }

    @Test
    void testBuilderEscapesTextAndAttributesAndChecksNesting()
    {
        Markup markup = new HtmlBuilder().open("p", "title", SCRIPT).text(SCRIPT).close("p").build();
        assertEquals("<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</p>", markup.html());
        assertThrows(IllegalStateException.class, () -> new HtmlBuilder().open("p").close("div"));
        assertThrows(IllegalStateException.class, () -> new HtmlBuilder().open("p").build());
    }

    @Test
    void testBuilderWritesNoScriptNoHandlerAndNoLinkAway()
    {
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().open("script"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().open("img", "onerror", "alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().link("javascript:alert(1)", "x"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().link("//evil.example/", "x"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().link("https://evil.example/", "x"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().open("p", "x\" y", "1"));
        assertEquals("<a href=\"/organisations/a%2Fb\">a/b</a>", new HtmlBuilder().link("/organisations/" + Html.pathSegment("a/b"), "a/b").build().html());
    }

    @Test
    void testChartsEscapeLabelsAndHoldNoScriptOrUrl()
    {
        String bars = BarChart.render("t", List.of(new BarChart.Series("vulnerable", "#b42318")), List.of(new BarChart.Bar(SCRIPT, List.of(3L)))).html();
        String graph = VictimGraph.render("g", List.of(SCRIPT, "b"), List.of(new SharedArtefact("user-agent", SCRIPT, List.of(SCRIPT, "b"))),
                name -> "/organisations/" + Html.pathSegment(name)).html();
        String timeline = TimelineChart.render("t", List.of(SCRIPT), List.of(new TimelineEntry(Optional.of(Instant.EPOCH), SCRIPT,
                "h", "exploit", "r", "f:1"), new TimelineEntry(Optional.empty(), SCRIPT, "h", "exploit", "r", "f:2"))).html();
        for (String svg : List.of(bars, graph, timeline)) {
            assertFalse(svg.contains("<script"), svg);
            assertTrue(svg.contains("&lt;script&gt;"), svg);
            assertFalse(svg.contains("http:") || svg.contains("https:"), svg);
            assertTrue(svg.startsWith("<figure class=\"chart\"><svg"), svg);
        }
        assertTrue(timeline.contains("1 without a time are not drawn"), timeline);
        assertTrue(graph.contains("<line"), "an edge for each organisation an artefact was seen at");
    }

    @Test
    void testVictimGraphLayoutIsDeterministic()
    {
        List<SharedArtefact> artefacts = List.of(new SharedArtefact("source-ip", "1.2.3.4", List.of("a", "b")), new SharedArtefact("webshell-name",
                "x.aspx", List.of("b")));
        String first = VictimGraph.render("g", List.of("a", "b"), artefacts, name -> "#" + name).html();
        String second = VictimGraph.render("g", List.of("a", "b"), artefacts, name -> "#" + name).html();
        assertEquals(first, second);
        assertEquals(3, first.split("<line", -1).length - 1, "three organisation-artefact edges");
    }
}
