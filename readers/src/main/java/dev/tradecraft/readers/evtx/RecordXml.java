package dev.tradecraft.readers.evtx;

/**
 * Read-only questions about a decoded record: which nodes are an element's attributes, content and
 * children, and what text they show. Shared by the JSON, XML and event renderings so that all three
 * agree on what "empty" and "text" mean.
 *
 * <p>Character and entity references are resolved ({@code &amp;} shows as {@code &}), where
 * evtx_dump copies them through; an unknown entity keeps its {@code &name;} form.
 */
final class RecordXml
{
    /** {@link #shape(int)}: the element's own content shows text. */
    static final int TEXT = 1;
    /** {@link #shape(int)}: the element has child elements. */
    static final int CHILDREN = 2;
    /** {@link #shape(int)}: an attribute of the element shows text. */
    static final int ATTRIBUTE_TEXT = 4;

    private final XmlTape tape;
    private final byte[] data;

    RecordXml(XmlTape tape, byte[] data)
    {
        this.tape = tape;
        this.data = data;
    }

    XmlTape tape()
    {
        return tape;
    }

    byte[] data()
    {
        return data;
    }

    /** Index of the first element of the record (the {@code Event} element); the decoder passes no record without one. */
    int root()
    {
        return tape.firstElement();
    }

    String name(int element)
    {
        return tape.name(element);
    }

    /** What the element holds, as {@link #TEXT}, {@link #CHILDREN} and {@link #ATTRIBUTE_TEXT} bits, in one pass. */
    int shape(int element)
    {
        int shape = 0;
        int i = element + 1;
        while (tape.kind(i) == XmlTape.ATTRIBUTE) {
            if ((shape & ATTRIBUTE_TEXT) == 0 && attributeHasText(i)) {
                shape |= ATTRIBUTE_TEXT;
            }
            i = tape.next(i);
        }
        int end = contentEnd(element);
        for (; i < end; i = skip(i)) {
            int kind = tape.kind(i);
            if (kind == XmlTape.START) {
                shape |= CHILDREN;
            }
            else if ((shape & TEXT) == 0 && hasText(i, i + 1)) {
                shape |= TEXT;
            }
        }
        return shape;
    }

    /** The first node after the element's attributes. */
    int contentStart(int element)
    {
        int i = element + 1;
        while (tape.kind(i) == XmlTape.ATTRIBUTE) {
            i = tape.next(i);
        }
        return i;
    }

    /** The element's {@code END} node. */
    int contentEnd(int element)
    {
        return tape.next(element) - 1;
    }

    /**
     * Whether a {@code Data} child in {@code [from, to)} has a {@code Name} that shows text: then
     * EventData and UserData are keyed by those names, else their Data are positional.
     */
    boolean hasNamedData(int from, int to)
    {
        for (int child = childAtOrAfter(from, to); child >= 0; child = childAtOrAfter(tape.next(child), to)) {
            if (tape.name(child).equals("Data")) {
                int name = attribute(child, "Name");
                if (name >= 0 && attributeHasText(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The next child element at or after {@code from} in the content of an element ending at {@code end}, or -1. */
    int childAtOrAfter(int from, int end)
    {
        for (int i = from; i < end; i = skip(i)) {
            if (tape.kind(i) == XmlTape.START) {
                return i;
            }
        }
        return -1;
    }

    /** The node after {@code i}, jumping over subtrees. */
    int skip(int i)
    {
        return tape.kind(i) == XmlTape.START ? tape.next(i) : i + 1;
    }

    boolean hasChildElement(int element)
    {
        return childAtOrAfter(contentStart(element), contentEnd(element)) >= 0;
    }

    /** Whether the element's own content (not its children's) shows any text. */
    boolean hasText(int element)
    {
        return hasText(contentStart(element), contentEnd(element));
    }


    boolean attributeHasText(int attribute)
    {
        return hasText(attribute + 1, tape.next(attribute) - 1);
    }

    /** The value of the element's attribute named {@code name}, or -1. */
    int attribute(int element, String name)
    {
        for (int i = element + 1; tape.kind(i) == XmlTape.ATTRIBUTE; i = tape.next(i)) {
            if (tape.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    String attributeText(int attribute)
    {
        return text(attribute + 1, tape.next(attribute) - 1);
    }

    String text(int element)
    {
        return text(contentStart(element), contentEnd(element));
    }

    /**
     * The one value node among the element's text nodes when it is a number or boolean, else -1:
     * such content is written as a JSON number, as evtx_dump does.
     */
    int scalar(int from, int to)
    {
        int found = -1;
        for (int i = from; i < to; i = skip(i)) {
            int kind = tape.kind(i);
            if (kind == XmlTape.START) {
                continue;
            }
            if (kind == XmlTape.VALUE && BinXmlValues.isEmpty(data, tape.type(i), tape.offset(i), tape.length(i))) {
                continue;
            }
            if (kind != XmlTape.VALUE || found >= 0 || !BinXmlValues.isJsonScalar(tape.type(i))) {
                return -1;
            }
            if (tape.length(i) < BinXmlValues.itemSize(tape.type(i))) {
                return -1;
            }
            found = i;
        }
        return found;
    }

    boolean hasText(int from, int to)
    {
        for (int i = from; i < to; i = skip(i)) {
            switch (tape.kind(i)) {
                case XmlTape.VALUE -> {
                    if (!BinXmlValues.isEmpty(data, tape.type(i), tape.offset(i), tape.length(i))) {
                        return true;
                    }
                }
                case XmlTape.CDATA -> {
                    if (tape.length(i) >= 2) {
                        return true;
                    }
                }
                case XmlTape.CHAR_REF, XmlTape.ENTITY_REF -> {
                    return true;
                }
                default -> {
                    // elements and markers hold no text of their own
                }
            }
        }
        return false;
    }

    /** The text of the value nodes in {@code [from, to)}, child elements left out. */
    String text(int from, int to)
    {
        int single = -1;
        for (int i = from; i < to; i = skip(i)) {
            int kind = tape.kind(i);
            if (kind == XmlTape.VALUE || kind == XmlTape.CDATA || kind == XmlTape.CHAR_REF || kind == XmlTape.ENTITY_REF) {
                if (single >= 0 || kind != XmlTape.VALUE) {
                    single = -2;
                    break;
                }
                single = i;
            }
        }
        if (single == -1) {
            return "";
        }
        if (single >= 0) {
            return BinXmlValues.text(data, tape.type(single), tape.offset(single), tape.length(single));
        }
        StringBuilder out = new StringBuilder();
        appendText(out, from, to);
        return out.toString();
    }

    void appendText(StringBuilder out, int from, int to)
    {
        for (int i = from; i < to; i = skip(i)) {
            switch (tape.kind(i)) {
                case XmlTape.VALUE -> BinXmlValues.appendText(out, data, tape.type(i), tape.offset(i), tape.length(i));
                case XmlTape.CDATA -> BinXmlValues.appendText(out, data, BinXmlValues.STRING, tape.offset(i), tape.length(i));
                case XmlTape.CHAR_REF -> out.append((char) tape.offset(i));
                case XmlTape.ENTITY_REF -> out.append(entity(tape.name(i)));
                default -> {
                    // child elements are not part of this element's text
                }
            }
        }
    }

    /** Writes the text of the value nodes in {@code [from, to)} into {@code sink}, escaped; {@code scratch} renders non-string values. */
    void appendText(Utf8Sink sink, int from, int to, Utf8Sink.Escape escape, StringBuilder scratch)
    {
        for (int i = from; i < to; i = skip(i)) {
            switch (tape.kind(i)) {
                case XmlTape.VALUE -> {
                    int type = tape.type(i);
                    if (type == BinXmlValues.STRING) {
                        sink.utf16(data, tape.offset(i), tape.length(i), escape, true);
                    }
                    else {
                        scratch.setLength(0);
                        BinXmlValues.appendText(scratch, data, type, tape.offset(i), tape.length(i));
                        sink.text(scratch, escape);
                    }
                }
                case XmlTape.CDATA -> sink.utf16(data, tape.offset(i), tape.length(i), escape, true);
                case XmlTape.CHAR_REF -> {
                    scratch.setLength(0);
                    scratch.append((char) tape.offset(i));
                    sink.text(scratch, escape);
                }
                case XmlTape.ENTITY_REF -> sink.text(entity(tape.name(i)), escape);
                default -> {
                    // child elements are not part of this element's text
                }
            }
        }
    }

    private static String entity(String name)
    {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }
}
