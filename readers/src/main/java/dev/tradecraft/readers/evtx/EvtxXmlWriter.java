package dev.tradecraft.readers.evtx;

/**
 * Writes a record as XML, indented two spaces per level as evtx_dump does. Attributes whose value
 * is empty (optional substitutions left out by the writer) are not written. Text and attribute
 * values are escaped, so an event's content cannot open elements of its own.
 */
final class EvtxXmlWriter
{
    private final StringBuilder out;

    EvtxXmlWriter(StringBuilder out)
    {
        this.out = out;
    }

    /** Appends one record, starting with the XML declaration, ending with a newline. */
    void write(RecordXml record)
    {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(record, record.root(), 0);
    }

    private void element(RecordXml record, int element, int depth)
    {
        XmlTape tape = record.tape();
        indent(depth);
        out.append('<');
        name(tape.name(element));
        for (int i = element + 1; tape.kind(i) == XmlTape.ATTRIBUTE; i = tape.next(i)) {
            if (record.attributeHasText(i)) {
                out.append(' ');
                name(tape.name(i));
                out.append("=\"");
                escape(record.attributeText(i), true);
                out.append('"');
            }
        }
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        boolean children = record.childAtOrAfter(from, to) >= 0;
        boolean text = record.hasText(from, to);
        if (!children && !text) {
            out.append("></");
            name(tape.name(element));
            out.append(">\n");
            return;
        }
        out.append('>');
        if (!children) {
            escape(record.text(from, to), false);
            out.append("</");
            name(tape.name(element));
            out.append(">\n");
            return;
        }
        out.append('\n');
        if (text) {
            indent(depth + 1);
            escape(record.text(from, to), false);
            out.append('\n');
        }
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            element(record, child, depth + 1);
        }
        indent(depth);
        out.append("</");
        name(tape.name(element));
        out.append(">\n");
    }

    /** Names come from the file too: characters no XML name may hold become {@code _}. */
    private void name(String name)
    {
        if (name.isEmpty()) {
            out.append('_');
            return;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
            out.append(allowed && !(i == 0 && (Character.isDigit(c) || c == '-' || c == '.')) ? c : '_');
        }
    }

    private void indent(int depth)
    {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void escape(String text, boolean attribute)
    {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        // Not allowed in XML 1.0 even as a reference; show it the way a reader can see.
                        out.append("\\u").append(String.format("%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
