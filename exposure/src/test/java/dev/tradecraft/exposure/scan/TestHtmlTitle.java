package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

public class TestHtmlTitle
{
    @Test
    public void testTitleIsFoundWhateverItsCaseAndAttributes()
    {
        assertEquals(Optional.of("Home - Intranet"), HtmlTitle.of("<html><head><title>Home - Intranet</title></head>"));
        assertEquals(Optional.of("Start"), HtmlTitle.of("<HTML><HEAD><TITLE id=\"onetidTitle\">Start</TITLE>"));
        assertEquals(Optional.of("Real"), HtmlTitle.of("<titles>not this</titles><title>Real</title>"));
    }

    @Test
    public void testWhitespaceIsCollapsedAndReferencesDecoded()
    {
        assertEquals(Optional.of("Team Site & Co <Überblick> \"x\" 'y'"),
                HtmlTitle.of("<title>\r\n\tTeam&nbsp;Site  &amp; Co &lt;&#220;berblick&#x3e; &quot;x&quot; &#39;y&apos;\r\n</title>"));
        assertEquals(Optional.of("&bogus; &#0; &#xD800; &"), HtmlTitle.of("<title>&bogus; &#0; &#xD800; &</title>"));
    }

    @Test
    public void testControlCharactersNeverReachTheTitle()
    {
        // A raw escape becomes a space; an escape written as a reference stays visible text.
        assertEquals(Optional.of("a [31m b"), HtmlTitle.of("<title>a\u001b[31m b</title>"));
        assertEquals(Optional.of("a&#27;&#x9b; b"), HtmlTitle.of("<title>a&#27;&#x9b; b</title>"));
        assertEquals(Optional.of("a b"), HtmlTitle.of("<title>a\u0000\u009b\u0007b</title>"));
    }

    @Test
    public void testMissingEmptyAndCutTitles()
    {
        assertEquals(Optional.empty(), HtmlTitle.of("<html><body>no title</body>"));
        assertEquals(Optional.empty(), HtmlTitle.of("<title>   </title>"));
        assertEquals(Optional.empty(), HtmlTitle.of("<title"));
        assertEquals(Optional.of("Cut off here"), HtmlTitle.of("<title>Cut off here"));
        assertEquals(HtmlTitle.MAX_TITLE_LENGTH, HtmlTitle.of("<title>" + "x".repeat(5000) + "</title>").get().length());
    }
}
