package dev.tradecraft.readers.evtx;


/**
 * Writes a record in the JSON shape of evtx_dump ({@code {"Event":{"#attributes":…,"System":…,
 * "EventData":…}}}), so its output feeds any tool that reads that shape, Tradecraft's own JSON
 * reader among them:
 * <ul>
 * <li>an element with neither text, attributes with text, nor children is {@code null}; one with
 *     text only is that text (a single integer or boolean value as a JSON number or boolean);</li>
 * <li>otherwise an object: {@code "#attributes"} (attributes that show text), {@code "#text"},
 *     then the children by name, a repeated name getting {@code _1}, {@code _2}… as evtx_dump does;</li>
 * <li>in {@code EventData} and {@code UserData}, {@code <Data Name="X">} becomes {@code "X"}; when no
 *     {@code Data} has a name, they are written {@code "Data":{"#text":[…]}} in order.</li>
 * </ul>
 * Strings are escaped for JSON; attacker-written text in an event cannot break the structure.
 */
final class EvtxJsonWriter
{
    private final boolean pretty;
    private final Utf8Sink out;
    private final StringBuilder scratch = new StringBuilder(64);
    private int indent;
    private boolean first = true;

    EvtxJsonWriter(Utf8Sink out, boolean pretty)
    {
        this.out = out;
        this.pretty = pretty;
    }

    /** Appends one record as a JSON object (no trailing newline). */
    void write(RecordXml record)
    {
        int root = record.root();
        first = true;
        indent = 0;
        out.ascii('{');
        indent++;
        key(record.name(root));
        element(record, root, false);
        indent--;
        newline();
        out.ascii('}');
    }

    private void element(RecordXml record, int element, boolean container)
    {
        int shape = record.shape(element);
        if (shape == 0) {
            out.ascii("null");
        }
        else if (shape == RecordXml.TEXT) {
            content(record, record.contentStart(element), record.contentEnd(element));
        }
        else {
            body(record, element, shape, container);
        }
    }

    private void content(RecordXml record, int from, int to)
    {
        int scalar = record.scalar(from, to);
        if (scalar >= 0) {
            XmlTape tape = record.tape();
            scratch.setLength(0);
            BinXmlValues.appendText(scratch, record.data(), tape.type(scalar), tape.offset(scalar), tape.length(scalar));
            out.text(scratch, Utf8Sink.Escape.JSON);
            return;
        }
        out.ascii('"');
        record.appendText(out, from, to, Utf8Sink.Escape.JSON, scratch);
        out.ascii('"');
    }

    private void body(RecordXml record, int element, int shape, boolean container)
    {
        XmlTape tape = record.tape();
        open('{');
        if ((shape & RecordXml.ATTRIBUTE_TEXT) != 0) {
            key("#attributes");
            open('{');
            for (int i = element + 1; tape.kind(i) == XmlTape.ATTRIBUTE; i = tape.next(i)) {
                if (record.attributeHasText(i)) {
                    key(tape.name(i));
                    content(record, i + 1, tape.next(i) - 1);
                }
            }
            close('}');
        }
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        if ((shape & RecordXml.TEXT) != 0) {
            key("#text");
            content(record, from, to);
        }
        boolean named = container && record.hasNamedData(from, to);
        boolean positionalWritten = false;
        ChildKeys keys = new ChildKeys();
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            String name = tape.name(child);
            if (container && name.equals("Data")) {
                if (named) {
                    int nameAttribute = record.attribute(child, "Name");
                    if (nameAttribute >= 0 && record.attributeHasText(nameAttribute)) {
                        item();
                    out.ascii('"');
                    record.appendText(out, nameAttribute + 1, tape.next(nameAttribute) - 1, Utf8Sink.Escape.JSON, scratch);
                    out.ascii(pretty ? "\": " : "\":");
                        dataValue(record, child);
                    }
                }
                else if (!positionalWritten) {
                    positionalWritten = true;
                    positionalData(record, child, to);
                }
                continue;
            }
            key(keys.key(name));
            element(record, child, name.equals("EventData") || name.equals("UserData"));
        }
        close('}');
    }


    private void positionalData(RecordXml record, int firstData, int to)
    {
        XmlTape tape = record.tape();
        int count = 0;
        for (int child = firstData; child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            if (tape.name(child).equals("Data")) {
                count++;
            }
        }
        key("Data");
        open('{');
        key("#text");
        if (count == 1) {
            dataValue(record, firstData);
        }
        else {
            open('[');
            for (int child = firstData; child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
                if (tape.name(child).equals("Data")) {
                    item();
                    dataValue(record, child);
                }
            }
            close(']');
        }
        close('}');
    }

    private void dataValue(RecordXml record, int data)
    {
        int shape = record.shape(data);
        if ((shape & RecordXml.CHILDREN) != 0) {
            body(record, data, shape, false);
        }
        else if ((shape & RecordXml.TEXT) == 0) {
            out.ascii("\"\"");
        }
        else {
            content(record, record.contentStart(data), record.contentEnd(data));
        }
    }

    // ---- layout

    private void open(char bracket)
    {
        out.ascii(bracket);
        indent++;
        first = true;
    }

    private void close(char bracket)
    {
        indent--;
        if (!first) {
            newline();
        }
        first = false;
        out.ascii(bracket);
    }

    private void key(String name)
    {
        item();
        string(name);
        out.ascii(pretty ? ": " : ":");
    }

    private void item()
    {
        if (!first) {
            out.ascii(',');
        }
        first = false;
        newline();
    }

    private void newline()
    {
        if (pretty) {
            out.ascii('\n');
            for (int i = 0; i < indent; i++) {
                out.ascii("  ");
            }
        }
    }

    private void string(String text)
    {
        out.ascii('"');
        out.text(text, Utf8Sink.Escape.JSON);
        out.ascii('"');
    }
}
