package dev.tradecraft.server.html;

import static java.util.Objects.requireNonNull;

/**
 * HTML that is safe to insert as it is: made only by this package ({@link HtmlBuilder} and the
 * charts), which escape every piece of data they put in. Other code cannot wrap a string in one,
 * so unescaped text cannot be passed off as markup.
 */
public final class Markup
{
    private final String html;

    Markup(String html)
    {
        this.html = requireNonNull(html, "html is null");
    }

    public static Markup empty()
    {
        return new Markup("");
    }

    /** Text as markup: escaped. */
    public static Markup text(String text)
    {
        return new Markup(Html.escapeText(text));
    }

    public String html()
    {
        return html;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof Markup markup && markup.html.equals(html);
    }

    @Override
    public int hashCode()
    {
        return html.hashCode();
    }

    @Override
    public String toString()
    {
        return html;
    }
}
