package dev.tradecraft.readers.evtx;

import dev.tradecraft.readers.windows.WindowsFields;
import dev.tradecraft.readers.windows.WindowsFields.Section;

/**
 * Puts a decoded record's fields straight into {@link WindowsFields}, under the names the JSON
 * reader gives the same record dumped by {@link EvtxJsonWriter}: {@code System} children by name
 * and their attributes as {@code Element_Attribute} ({@code Provider_Name},
 * {@code TimeCreated_SystemTime}), named event data by its {@code Name}, unnamed data joined with
 * {@code ", "} into {@code Data}, {@code UserData} flattened by leaf name, {@code xmlns} left out.
 * The walk follows the JSON writer's structure decision for decision (null, text, object, the
 * {@code _1} suffixes of repeated names), so that reading an .evtx file and reading its dump give
 * the same event; a test holds the two paths to that.
 */
final class EvtxEventMapper
{
    private static final String JOIN = ", ";

    void map(RecordXml record, WindowsFields fields)
    {
        int root = record.root();
        if (root < 0) {
            return;
        }
        if (!isObject(record, root)) {
            if (record.hasText(root)) {
                fields.put(record.name(root), record.text(root), Section.PLAIN);
            }
            return;
        }
        XmlTape tape = record.tape();
        int from = record.contentStart(root);
        int to = record.contentEnd(root);
        if (record.hasText(from, to)) {
            fields.put("#text", record.text(from, to), Section.OTHER);
        }
        ChildKeys keys = new ChildKeys();
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            String key = keys.key(tape.name(child));
            switch (key) {
                case "System" -> children(record, child, fields, Section.SYSTEM);
                case "UserData" -> children(record, child, fields, Section.USER_DATA);
                case "EventData" -> eventData(record, child, fields);
                default -> element(record, child, key, fields, Section.OTHER);
            }
        }
    }

    /** An element the JSON writer writes as an object: it has children or attributes that show text. */
    private static boolean isObject(RecordXml record, int element)
    {
        return (record.shape(element) & (RecordXml.CHILDREN | RecordXml.ATTRIBUTE_TEXT)) != 0;
    }

    /** The children of System or UserData, each under its key; the section element's own attributes are left out. */
    private void children(RecordXml record, int element, WindowsFields fields, Section section)
    {
        if (!isObject(record, element)) {
            return;
        }
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        if (record.hasText(from, to)) {
            fields.put("#text", record.text(from, to), section);
        }
        childElements(record, element, fields, section);
    }

    private void element(RecordXml record, int element, String key, WindowsFields fields, Section section)
    {
        int shape = record.shape(element);
        if (shape == RecordXml.TEXT) {
            fields.put(key, record.text(element), section);
        }
        else if (shape != 0) {
            body(record, element, key, fields, section);
        }
    }

    private void body(RecordXml record, int element, String key, WindowsFields fields, Section section)
    {
        attributes(record, element, key, fields, section);
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        if (record.hasText(from, to)) {
            fields.put(key, record.text(from, to), section);
        }
        childElements(record, element, fields, section);
    }

    private static void attributes(RecordXml record, int element, String owner, WindowsFields fields, Section section)
    {
        XmlTape tape = record.tape();
        for (int i = element + 1; tape.kind(i) == XmlTape.ATTRIBUTE; i = tape.next(i)) {
            if (record.attributeHasText(i) && !tape.name(i).startsWith("xmlns")) {
                fields.put(owner + "_" + tape.name(i), record.attributeText(i), section);
            }
        }
    }

    /** Children as the JSON writer keys them, {@code Data} of EventData/UserData by name or joined. */
    private void childElements(RecordXml record, int element, WindowsFields fields, Section section)
    {
        XmlTape tape = record.tape();
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        boolean container = isContainer(record.name(element));
        boolean named = container && record.hasNamedData(from, to);
        boolean positional = false;
        ChildKeys keys = new ChildKeys();
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            String name = tape.name(child);
            if (container && name.equals("Data")) {
                if (named) {
                    namedData(record, child, fields, section);
                }
                else if (!positional) {
                    positional = true;
                    String joined = positionalData(record, child, to);
                    if (joined != null) {
                        fields.put("Data", joined, section);
                    }
                }
                continue;
            }
            element(record, child, keys.key(name), fields, section);
        }
    }

    private void eventData(RecordXml record, int element, WindowsFields fields)
    {
        Section section = Section.EVENT_DATA;
        if (!isObject(record, element)) {
            if (record.hasText(element)) {
                fields.put("Data", record.text(element), section);
            }
            return;
        }
        attributes(record, element, "EventData", fields, section);
        XmlTape tape = record.tape();
        int from = record.contentStart(element);
        int to = record.contentEnd(element);
        StringBuilder unnamed = null;
        if (record.hasText(from, to)) {
            unnamed = new StringBuilder(record.text(from, to));
        }
        boolean named = record.hasNamedData(from, to);
        boolean positional = false;
        ChildKeys keys = new ChildKeys();
        for (int child = record.childAtOrAfter(from, to); child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            String name = tape.name(child);
            if (name.equals("Data")) {
                if (named) {
                    namedData(record, child, fields, section);
                }
                else if (!positional) {
                    positional = true;
                    String joined = positionalData(record, child, to);
                    if (joined != null) {
                        unnamed = unnamed == null ? new StringBuilder(joined) : unnamed.append(JOIN).append(joined);
                    }
                }
                continue;
            }
            element(record, child, keys.key(name), fields, section);
        }
        if (unnamed != null) {
            fields.put("Data", unnamed.toString(), section);
        }
    }

    private void namedData(RecordXml record, int data, WindowsFields fields, Section section)
    {
        int nameAttribute = record.attribute(data, "Name");
        if (nameAttribute < 0 || !record.attributeHasText(nameAttribute)) {
            return;
        }
        String name = record.attributeText(nameAttribute);
        int shape = record.shape(data);
        if ((shape & RecordXml.CHILDREN) != 0) {
            body(record, data, name, fields, section);
        }
        else {
            fields.put(name, (shape & RecordXml.TEXT) != 0 ? record.text(data) : "", section);
        }
    }

    /** The unnamed Data values joined in order, as the JSON reader joins {@code "#text":[…]}; null when none shows text. */
    private static String positionalData(RecordXml record, int first, int to)
    {
        XmlTape tape = record.tape();
        StringBuilder joined = null;
        for (int child = first; child >= 0; child = record.childAtOrAfter(tape.next(child), to)) {
            if (!tape.name(child).equals("Data")) {
                continue;
            }
            String text;
            if (record.hasChildElement(child)) {
                // Written as an object; the JSON reader takes only its #text.
                text = record.hasText(child) ? record.text(child) : null;
            }
            else {
                text = record.hasText(child) ? record.text(child) : "";
            }
            if (text != null) {
                joined = joined == null ? new StringBuilder(text) : joined.append(JOIN).append(text);
            }
        }
        return joined == null ? null : joined.toString();
    }


    private static boolean isContainer(String name)
    {
        return name.equals("EventData") || name.equals("UserData");
    }

}
