package dev.tradecraft.readers.evtx;

/**
 * Writes a record as XML, indented two spaces per level as evtx_dump does. Attributes whose value
 * is empty (optional substitutions left out by the writer) are not written. Text and attribute
 * values are escaped, and names are cut to the characters XML names may hold, so an event's
 * content cannot open elements of its own.
 */
final class EvtxXmlWriter
{
    private final Utf8Sink out;
    private final StringBuilder scratch = new StringBuilder(64);

    EvtxXmlWriter(Utf8Sink out)
    {
        this.out = out;
    }

    /** Appends one record, starting with the XML declaration, ending with a newline. */
    void write(RecordXml record)
    {
        out.ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(record, record.root(), 0);
    }

    private void element(RecordXml record, int element, int depth)
    {
        XmlTape tape = record.tape();
        indent(depth);
        out.ascii('<');
        name(tape.name(element));
        for (int i = element + 1; tape.kind(i) == XmlTape.ATTRIBUTE; i = tape.next(i)) {
            if (record.attributeHasText(i)) {
                out.ascii(' ');
                name(tape.name(i));
                out.ascii("=\"");
                record.appendText(out, i + 1, tape.next(i) - 1, Utf8Sink.Escape.XML_ATTRIBUTE, scratch);
                out.ascii('"');
            }
        }
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        boolean children = record.childAtOrAfter(from, to) >= 0;
        boolean text = record.hasText(from, to);
        if (!children && !text) {
            out.ascii("></");
            name(tape.name(element));
            out.ascii(">\n");
            return;
        }
        out.ascii('>');
        if (!children) {
            record.appendText(out, from, to, Utf8Sink.Escape.XML_TEXT, scratch);
            out.ascii("</");
            name(tape.name(element));
            out.ascii(">\n");
            return;
        }
        out.ascii('\n');
        if (text) {
            indent(depth + 1);
            record.appendText(out, from, to, Utf8Sink.Escape.XML_TEXT, scratch);
            out.ascii('\n');
        }
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            element(record, child, depth + 1);
        }
        indent(depth);
        out.ascii("</");
        name(tape.name(element));
        out.ascii(">\n");
    }

    private void indent(int depth)
    {
        for (int i = 0; i < depth; i++) {
            out.ascii("  ");
        }
    }

    /** Names come from the file too: characters no XML name may hold become {@code _}. */
    private void name(String name)
    {
        if (name.isEmpty()) {
            out.ascii('_');
            return;
        }
        scratch.setLength(0);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
            scratch.append(allowed && !(i == 0 && (Character.isDigit(c) || c == '-' || c == '.')) ? c : '_');
        }
        out.text(scratch, Utf8Sink.Escape.XML_TEXT);
    }
}
