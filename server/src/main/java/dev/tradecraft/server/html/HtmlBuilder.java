package dev.tradecraft.server.html;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML elements with escaped text and attribute values. Tag and attribute names are the
 * caller's constants and are checked against a strict pattern; every value is escaped. Elements
 * must be closed in order, so a page cannot be left with an open tag.
 */
public final class HtmlBuilder
{
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs. */
    public HtmlBuilder open(String tag, String... attributes)
    {
        startTag(tag, attributes);
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    public HtmlBuilder close(String tag)
    {
        if (open.isEmpty() || !open.peek().equals(tag)) {
            throw new IllegalStateException("closing <" + tag + "> but the open element is " + (open.isEmpty() ? "none" : "<" + open.peek() + ">"));
        }
        open.pop();
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only {@code text}. */
    public HtmlBuilder element(String tag, String text, String... attributes)
    {
        startTag(tag, attributes);
        out.append(Html.escapeText(text)).append("</").append(tag).append('>');
        return this;
    }

    /** An element without content or end tag ({@code br}, {@code meta}, {@code link}). */
    public HtmlBuilder empty(String tag, String... attributes)
    {
        startTag(tag, attributes);
        return this;
    }

    public HtmlBuilder text(String text)
    {
        out.append(Html.escapeText(text));
        return this;
    }

    /**
     * A link with text to a place on the same page or the same site: {@code href} must start with
     * {@code /}, {@code #} or {@code ?} (callers build it from {@link Html#pathSegment}), so no link
     * leaves the report or dashboard and none runs script.
     */
    public HtmlBuilder link(String href, String text, String... attributes)
    {
        checkLocal(href);
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return element("a", text, all);
    }

    /** Opens a link around other elements; {@code href} as for {@link #link}. */
    public HtmlBuilder openLink(String href, String... attributes)
    {
        checkLocal(href);
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return open("a", all);
    }

    private static void checkLocal(String href)
    {
        if (href.isEmpty() || (href.charAt(0) != '/' && href.charAt(0) != '#' && href.charAt(0) != '?') || href.startsWith("//")) {
            throw new IllegalArgumentException("not a link within the page or site: " + href);
        }
    }

    public HtmlBuilder markup(Markup markup)
    {
        out.append(markup.html());
        return this;
    }

    /** Everything written; every element must be closed. */
    public Markup build()
    {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return new Markup(out.toString());
    }

    private void startTag(String tag, String... attributes)
    {
        checkName(tag);
        if (tag.equalsIgnoreCase("script") || tag.equalsIgnoreCase("iframe") || tag.equalsIgnoreCase("object") || tag.equalsIgnoreCase("embed")) {
            throw new IllegalArgumentException("<" + tag + "> is not written: pages carry no script or embedded content");
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of <" + tag + "> must be name, value pairs: " + attributes.length + " strings given");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            checkName(attributes[i]);
            requireNonNull(attributes[i + 1], "value of " + attributes[i] + " is null");
            out.append(' ').append(attributes[i]).append("=\"").append(Html.escapeAttribute(attributes[i + 1])).append('"');
        }
        out.append('>');
    }

    private static void checkName(String name)
    {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
        // Pages carry no script at all: event handler attributes are refused outright.
        if (name.length() > 2 && name.regionMatches(true, 0, "on", 0, 2)) {
            throw new IllegalArgumentException("event handler attributes are not written: " + name);
        }
    }
}
