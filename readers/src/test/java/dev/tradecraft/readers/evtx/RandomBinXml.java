package dev.tradecraft.readers.evtx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random Binary XML that is mostly well formed, for the mutation fuzz: elements with attributes,
 * values of every type and of sizes that fit their type or do not, character and entity references,
 * CDATA, template instances with inline definitions or references to earlier ones, substitutions
 * that name values of any type (Binary XML among them, generated again a level down), and now and
 * then a byte that is no token at all. Byte-level damage of real records is mostly caught early in
 * a record; records built this way get deep into the decoder, the writers and the event mapper.
 */
final class RandomBinXml
{
    private static final String[] NAMES = {"Event", "System", "EventData", "UserData", "Data", "Name", "Provider",
            "TimeCreated", "SystemTime", "EventID", "Channel", "xmlns", "#text", "Data_1", "", "A b", "\u00e9\u20ac", "\ud800"};
    private static final String TEXT = "ab Z09<>&\"'\\\n\t\u0000\u0001\u00e9\u20ac\ud83d\ude00\ud800\u2028{}[]:,";
    private static final int[] TYPES = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d,
            0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x20, 0x21, 0x23, 0x81, 0x84, 0x86, 0x88, 0x8a, 0x8f, 0x91,
            0x92, 0x93, 0x94, 0x95, 0x30, 0xff};

    private final Random random;
    // Chunk offsets of the names and template definitions written so far, for references to them.
    private final List<Integer> names = new ArrayList<>();
    private final List<Integer> templates = new ArrayList<>();

    RandomBinXml(Random random)
    {
        this.random = random;
    }

    /** A record's Binary XML starting at chunk offset {@code at}. */
    byte[] record(int at)
    {
        BinXmlWriter out = new BinXmlWriter(at);
        fragment(out, false, 0);
        return out.bytes();
    }

    private void fragment(BinXmlWriter out, boolean inTemplate, int depth)
    {
        if (random.nextInt(10) > 0) {
            out.fragmentHeader();
        }
        if (!inTemplate && depth < 4 && random.nextInt(3) > 0) {
            templateInstance(out, depth);
        }
        else {
            int items = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            for (int i = 0; i < items; i++) {
                content(out, inTemplate, depth, 0);
            }
        }
        if (random.nextInt(12) > 0) {
            out.endOfStream();
        }
    }

    /** One piece of content: mostly an element, sometimes text, a reference, or a stray byte. */
    private void content(BinXmlWriter out, boolean inTemplate, int depth, int level)
    {
        int choice = random.nextInt(20);
        if (choice < 11 && level < 6) {
            element(out, inTemplate, depth, level);
        }
        else if (choice < 14) {
            value(out, inTemplate, depth);
        }
        else if (choice == 14) {
            out.u8(0x08).u16(random.nextInt(0x1_0000));
        }
        else if (choice == 15) {
            out.u8(0x09);
            name(out);
        }
        else if (choice == 16) {
            String text = text();
            out.u8(0x07).u16(text.length());
            for (char c : text.toCharArray()) {
                out.u16(c);
            }
        }
        else if (choice == 17 && !inTemplate && depth < 4) {
            templateInstance(out, depth);
        }
        else if (choice == 18) {
            out.u8(random.nextInt(256));
        }
        else {
            value(out, inTemplate, depth);
        }
    }

    private void element(BinXmlWriter out, boolean inTemplate, int depth, int level)
    {
        int attributes = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        out.u8(attributes > 0 ? 0x41 : 0x01);
        if (inTemplate) {
            out.u16(0xffff);
        }
        out.u32(random.nextInt(200));
        name(out);
        if (attributes > 0) {
            out.u32(random.nextInt(200));
        }
        for (int i = 0; i < attributes; i++) {
            out.u8(i == attributes - 1 ? 0x06 : 0x46);
            name(out);
            value(out, inTemplate, depth);
        }
        if (random.nextInt(5) == 0) {
            out.u8(0x03);
            return;
        }
        out.u8(0x02);
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            content(out, inTemplate, depth, level + 1);
        }
        if (random.nextInt(15) > 0) {
            out.endElement();
        }
    }

    /** Text: a string value token, or in a template a substitution. */
    private void value(BinXmlWriter out, boolean inTemplate, int depth)
    {
        if (inTemplate && random.nextInt(3) > 0) {
            out.u8(random.nextBoolean() ? 0x0d : 0x0e).u16(random.nextInt(6)).u8(type());
            return;
        }
        out.value(text());
    }

    private void name(BinXmlWriter out)
    {
        if (!names.isEmpty() && random.nextInt(3) == 0) {
            out.u32(names.get(random.nextInt(names.size())));
            return;
        }
        if (random.nextInt(30) == 0) {
            out.u32(random.nextInt(70_000));
            return;
        }
        names.add(out.position() + 4);
        out.name(random.nextInt(4) == 0 ? text() : NAMES[random.nextInt(NAMES.length)]);
    }

    private void templateInstance(BinXmlWriter out, int depth)
    {
        if (!templates.isEmpty() && random.nextInt(3) == 0) {
            out.templateReference(templates.get(random.nextInt(templates.size())));
        }
        else {
            out.inlineTemplate(body -> {
                templates.add(body.position() - 24);
                fragment(body, true, depth);
            });
        }
        int count = random.nextInt(7);
        List<byte[]> values = new ArrayList<>();
        int[] types = new int[count];
        int at = out.position() + 4 + 4 * count;
        for (int i = 0; i < count; i++) {
            types[i] = type();
            byte[] value;
            if (types[i] == BinXmlValues.BIN_XML && depth < 4) {
                BinXmlWriter nested = new BinXmlWriter(at);
                fragment(nested, false, depth + 1);
                value = nested.bytes();
            }
            else {
                value = bytes(types[i]);
            }
            values.add(value);
            at += value.length;
        }
        out.u32(count);
        for (int i = 0; i < count; i++) {
            out.u16(values.get(i).length).u8(types[i]).u8(0);
        }
        for (byte[] value : values) {
            out.raw(value);
        }
    }

    private int type()
    {
        return TYPES[random.nextInt(TYPES.length)];
    }

    /** Bytes for a value of {@code type}: mostly of a size that fits it, sometimes not. */
    private byte[] bytes(int type)
    {
        int item = BinXmlValues.itemSize(type & 0x7f);
        int length;
        if (type == BinXmlValues.STRING && random.nextBoolean()) {
            String text = text();
            byte[] utf16 = new byte[text.length() * 2];
            for (int i = 0; i < text.length(); i++) {
                utf16[2 * i] = (byte) text.charAt(i);
                utf16[2 * i + 1] = (byte) (text.charAt(i) >>> 8);
            }
            return utf16;
        }
        if (item > 0 && random.nextInt(4) > 0) {
            length = (type & 0x80) != 0 ? item * random.nextInt(4) : item;
        }
        else {
            length = random.nextInt(40);
        }
        byte[] value = new byte[length];
        random.nextBytes(value);
        if (type == BinXmlValues.SID && length >= 2) {
            value[1] = (byte) random.nextInt(8);
        }
        return value;
    }

    private String text()
    {
        int length = random.nextInt(12);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(TEXT.charAt(random.nextInt(TEXT.length())));
        }
        return out.toString();
    }
}
