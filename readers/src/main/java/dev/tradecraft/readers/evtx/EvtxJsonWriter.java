package dev.tradecraft.readers.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final StringBuilder out;
    private int indent;
    private boolean first = true;

    EvtxJsonWriter(StringBuilder out, boolean pretty)
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
        out.append('{');
        indent++;
        key(record.name(root));
        element(record, root, false);
        indent--;
        newline();
        out.append('}');
    }

    private void element(RecordXml record, int element, boolean container)
    {
        boolean text = record.hasText(element);
        boolean attributes = record.hasAttributeText(element);
        boolean children = record.hasChildElement(element);
        if (!children && !text && !attributes) {
            out.append("null");
        }
        else if (!children && !attributes) {
            content(record, record.contentStart(element), record.contentEnd(element));
        }
        else {
            body(record, element, container);
        }
    }

    private void content(RecordXml record, int from, int to)
    {
        int scalar = record.scalar(from, to);
        if (scalar >= 0) {
            XmlTape tape = record.tape();
            BinXmlValues.appendText(out, record.data(), tape.type(scalar), tape.offset(scalar), tape.length(scalar));
            return;
        }
        string(record.text(from, to));
    }

    private void body(RecordXml record, int element, boolean container)
    {
        XmlTape tape = record.tape();
        open('{');
        if (record.hasAttributeText(element)) {
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
        if (record.hasText(from, to)) {
            key("#text");
            content(record, from, to);
        }
        boolean named = container && hasNamedData(record, from, to);
        boolean positionalWritten = false;
        List<String> seen = null;
        int[] counts = null;
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            String name = tape.name(child);
            if (container && name.equals("Data")) {
                if (named) {
                    int nameAttribute = record.attribute(child, "Name");
                    if (nameAttribute >= 0 && record.attributeHasText(nameAttribute)) {
                        key(record.attributeText(nameAttribute));
                        dataValue(record, child);
                    }
                }
                else if (!positionalWritten) {
                    positionalWritten = true;
                    positionalData(record, child, to);
                }
                continue;
            }
            if (seen == null) {
                seen = new ArrayList<>();
                counts = new int[8];
            }
            int index = seen.indexOf(name);
            int suffix = 0;
            if (index < 0) {
                seen.add(name);
                if (seen.size() > counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                counts[seen.size() - 1] = 1;
            }
            else {
                suffix = counts[index]++;
            }
            key(suffix == 0 ? name : name + "_" + suffix);
            element(record, child, name.equals("EventData") || name.equals("UserData"));
        }
        close('}');
    }

    private static boolean hasNamedData(RecordXml record, int from, int to)
    {
        XmlTape tape = record.tape();
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            if (tape.name(child).equals("Data")) {
                int name = record.attribute(child, "Name");
                if (name >= 0 && record.attributeHasText(name)) {
                    return true;
                }
            }
        }
        return false;
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
        if (record.hasChildElement(data)) {
            body(record, data, false);
        }
        else if (!record.hasText(data)) {
            out.append("\"\"");
        }
        else {
            content(record, record.contentStart(data), record.contentEnd(data));
        }
    }

    // ---- layout

    private void open(char bracket)
    {
        out.append(bracket);
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
        out.append(bracket);
    }

    private void key(String name)
    {
        item();
        string(name);
        out.append(pretty ? ": " : ":");
    }

    private void item()
    {
        if (!first) {
            out.append(',');
        }
        first = false;
        newline();
    }

    private void newline()
    {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < indent; i++) {
                out.append("  ");
            }
        }
    }

    private void string(String text)
    {
        appendString(out, text);
    }

    /** A JSON string literal; control characters and lone surrogates are written as escapes. */
    static void appendString(StringBuilder out, String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || loneSurrogate(text, i)) {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    }
                    else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(text.charAt(++i));
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean loneSurrogate(String text, int i)
    {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }
}
