package dev.tradecraft.scenarios.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * One 65,536-byte EVTX chunk being filled: a 512-byte header, then event records of binary XML.
 * Element names and template definitions are written once per chunk, inside the first record that
 * needs them, and referenced by chunk offset after that; the header's string and template tables
 * chain them by hash bucket, as Windows does, for readers that load them from there.
 */
final class EvtxChunk
{
    static final int SIZE = 65_536;
    static final int HEADER_SIZE = 512;

    private static final byte[] MAGIC = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_MAGIC = 0x0000_2A2A;
    private static final int STRING_BUCKETS = 64;
    private static final int TEMPLATE_BUCKETS = 32;
    private static final int STRING_TABLE = 128;
    private static final int TEMPLATE_TABLE = 384;
    // Where records must end: libevtx drops a record that ends in a chunk's last four bytes.
    private static final int RECORDS_END = SIZE - 8;

    private static final int TOKEN_END_OF_STREAM = 0x00;
    private static final int TOKEN_OPEN_START_ELEMENT = 0x01;
    private static final int TOKEN_CLOSE_START_ELEMENT = 0x02;
    private static final int TOKEN_CLOSE_EMPTY_ELEMENT = 0x03;
    private static final int TOKEN_END_ELEMENT = 0x04;
    private static final int TOKEN_VALUE = 0x05;
    private static final int TOKEN_ATTRIBUTE = 0x06;
    private static final int TOKEN_TEMPLATE_INSTANCE = 0x0C;
    private static final int TOKEN_NORMAL_SUBSTITUTION = 0x0D;
    private static final int TOKEN_OPTIONAL_SUBSTITUTION = 0x0E;
    private static final int TOKEN_FRAGMENT_HEADER = 0x0F;
    // Set on an element start that has attributes, and on an attribute that another follows.
    private static final int MORE_FLAG = 0x40;

    /** Thrown by a write past the chunk's end; the record is taken back. Shared: it carries no state. */
    private static final class Full extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        private static final Full INSTANCE = new Full();

        private Full()
        {
            super("chunk full", null, false, false);
        }
    }

    private final byte[] data = new byte[SIZE];
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<UUID, Integer> templates = new HashMap<>();
    private final int[] stringBuckets = new int[STRING_BUCKETS];
    private final int[] templateBuckets = new int[TEMPLATE_BUCKETS];
    // What the record being appended added, to take back if it does not fit.
    private final List<String> newNames = new ArrayList<>();
    private final List<UUID> newTemplates = new ArrayList<>();
    private final int[] savedStringBuckets = new int[STRING_BUCKETS];
    private final int[] savedTemplateBuckets = new int[TEMPLATE_BUCKETS];

    private int position = HEADER_SIZE;
    private int records;
    private long firstNumber;
    private long lastNumber;
    private long firstId;
    private long lastId;
    private int lastRecordOffset;

    boolean isEmpty()
    {
        return records == 0;
    }

    int records()
    {
        return records;
    }

    /**
     * Appends one event record, unless it does not fit in what is left of the chunk; then the chunk
     * is left as it was and false returned.
     *
     * @param number the record's number in the file, from 1
     * @param id the event record id
     * @param writtenTime when the record was written, a FILETIME
     */
    boolean append(long number, long id, long writtenTime, EvtxTemplate template, List<EvtxValue> values)
    {
        int start = position;
        System.arraycopy(stringBuckets, 0, savedStringBuckets, 0, STRING_BUCKETS);
        System.arraycopy(templateBuckets, 0, savedTemplateBuckets, 0, TEMPLATE_BUCKETS);
        newNames.clear();
        newTemplates.clear();
        try {
            put32(RECORD_MAGIC);
            int sizeAt = position;
            put32(0);
            put64(id);
            put64(writtenTime);
            putFragmentHeader();
            putTemplateInstance(template, values);
            // Windows keeps records 8-byte aligned; readers stop at the end-of-stream token.
            while ((position + 4 - start) % 8 != 0) {
                put8(0);
            }
            int size = position + 4 - start;
            put32(size);
            set32(sizeAt, size);
        }
        catch (Full full) {
            Arrays.fill(data, start, RECORDS_END, (byte) 0);
            position = start;
            System.arraycopy(savedStringBuckets, 0, stringBuckets, 0, STRING_BUCKETS);
            System.arraycopy(savedTemplateBuckets, 0, templateBuckets, 0, TEMPLATE_BUCKETS);
            names.keySet().removeAll(newNames);
            templates.keySet().removeAll(newTemplates);
            return false;
        }
        if (records == 0) {
            firstNumber = number;
            firstId = id;
        }
        records++;
        lastNumber = number;
        lastId = id;
        lastRecordOffset = start;
        return true;
    }

    /** Fills in the header and returns the whole chunk; valid until the next {@link #reset()}. */
    byte[] finish()
    {
        System.arraycopy(MAGIC, 0, data, 0, MAGIC.length);
        set64(8, firstNumber);
        set64(16, lastNumber);
        set64(24, firstId);
        set64(32, lastId);
        set32(40, 128);
        set32(44, lastRecordOffset);
        set32(48, position);
        set32(52, crc(data, HEADER_SIZE, position - HEADER_SIZE));
        for (int i = 0; i < STRING_BUCKETS; i++) {
            set32(STRING_TABLE + 4 * i, stringBuckets[i]);
        }
        for (int i = 0; i < TEMPLATE_BUCKETS; i++) {
            set32(TEMPLATE_TABLE + 4 * i, templateBuckets[i]);
        }
        CRC32 header = new CRC32();
        header.update(data, 0, 120);
        header.update(data, 128, HEADER_SIZE - 128);
        set32(124, (int) header.getValue());
        return data;
    }

    void reset()
    {
        Arrays.fill(data, (byte) 0);
        names.clear();
        templates.clear();
        Arrays.fill(stringBuckets, 0);
        Arrays.fill(templateBuckets, 0);
        position = HEADER_SIZE;
        records = 0;
        firstNumber = 0;
        lastNumber = 0;
        firstId = 0;
        lastId = 0;
        lastRecordOffset = 0;
    }

    static int crc(byte[] bytes, int offset, int length)
    {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** The name hash Windows stores beside each name: hash * 65599 + character, kept to 16 bits. */
    static int nameHash(String name)
    {
        int hash = 0;
        for (int i = 0; i < name.length(); i++) {
            hash = hash * 65599 + name.charAt(i);
        }
        return hash & 0xFFFF;
    }

    private void putFragmentHeader()
    {
        put8(TOKEN_FRAGMENT_HEADER);
        put8(1);
        put8(1);
        put8(0);
    }

    private void putTemplateInstance(EvtxTemplate template, List<EvtxValue> values)
    {
        put8(TOKEN_TEMPLATE_INSTANCE);
        put8(1);
        put32(template.id());
        Integer defined = templates.get(template.guid());
        if (defined != null) {
            put32(defined);
        }
        else {
            int offset = position + 4;
            put32(offset);
            int bucket = Integer.remainderUnsigned(template.id(), TEMPLATE_BUCKETS);
            put32(templateBuckets[bucket]);
            templateBuckets[bucket] = offset;
            putBytes(EvtxValue.guidBytes(template.guid()));
            int sizeAt = position;
            put32(0);
            putFragmentHeader();
            putElement(template.root());
            put8(TOKEN_END_OF_STREAM);
            set32(sizeAt, position - sizeAt - 4);
            templates.put(template.guid(), offset);
            newTemplates.add(template.guid());
        }
        put32(values.size());
        for (EvtxValue value : values) {
            put16(value.size());
            put8(value.type().code());
            put8(0);
        }
        for (EvtxValue value : values) {
            ensure(value.size());
            value.copyTo(data, position);
            position += value.size();
        }
    }

    private void putElement(EvtxTemplate.Element element)
    {
        List<EvtxTemplate.Attribute> attributes = element.attributes();
        put8(attributes.isEmpty() ? TOKEN_OPEN_START_ELEMENT : TOKEN_OPEN_START_ELEMENT | MORE_FLAG);
        put16(0xFFFF); // no dependency
        int sizeAt = position;
        put32(0);
        putName(element.name());
        if (!attributes.isEmpty()) {
            int listAt = position;
            put32(0);
            for (int i = 0; i < attributes.size(); i++) {
                EvtxTemplate.Attribute attribute = attributes.get(i);
                put8(i + 1 < attributes.size() ? TOKEN_ATTRIBUTE | MORE_FLAG : TOKEN_ATTRIBUTE);
                putName(attribute.name());
                putLeaf(attribute.value());
            }
            set32(listAt, position - listAt - 4);
        }
        if (element.children().isEmpty()) {
            put8(TOKEN_CLOSE_EMPTY_ELEMENT);
        }
        else {
            put8(TOKEN_CLOSE_START_ELEMENT);
            for (EvtxTemplate.Node child : element.children()) {
                if (child instanceof EvtxTemplate.Element nested) {
                    putElement(nested);
                }
                else {
                    putLeaf((EvtxTemplate.Leaf) child);
                }
            }
            put8(TOKEN_END_ELEMENT);
        }
        // The size counts from the name offset on: everything but the token, dependency and size.
        set32(sizeAt, position - sizeAt - 4);
    }

    private void putLeaf(EvtxTemplate.Leaf leaf)
    {
        if (leaf instanceof EvtxTemplate.Text text) {
            put8(TOKEN_VALUE);
            put8(EvtxValue.Type.STRING.code());
            put16(text.text().length());
            putUtf16(text.text());
        }
        else {
            EvtxTemplate.Substitution substitution = (EvtxTemplate.Substitution) leaf;
            put8(substitution.optional() ? TOKEN_OPTIONAL_SUBSTITUTION : TOKEN_NORMAL_SUBSTITUTION);
            put16(substitution.index());
            put8(substitution.type().code());
        }
    }

    /** A name's offset, with the name itself right after it the first time the chunk meets it. */
    private void putName(String name)
    {
        Integer defined = names.get(name);
        if (defined != null) {
            put32(defined);
            return;
        }
        int offset = position + 4;
        put32(offset);
        int hash = nameHash(name);
        int bucket = hash % STRING_BUCKETS;
        put32(stringBuckets[bucket]);
        stringBuckets[bucket] = offset;
        put16(hash);
        put16(name.length());
        putUtf16(name);
        put16(0);
        names.put(name, offset);
        newNames.add(name);
    }

    private void putUtf16(String text)
    {
        ensure(2 * text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            data[position++] = (byte) c;
            data[position++] = (byte) (c >>> 8);
        }
    }

    private void putBytes(byte[] bytes)
    {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, position, bytes.length);
        position += bytes.length;
    }

    private void put8(int value)
    {
        ensure(1);
        data[position++] = (byte) value;
    }

    private void put16(int value)
    {
        ensure(2);
        data[position++] = (byte) value;
        data[position++] = (byte) (value >>> 8);
    }

    private void put32(int value)
    {
        ensure(4);
        set32(position, value);
        position += 4;
    }

    private void put64(long value)
    {
        ensure(8);
        set64(position, value);
        position += 8;
    }

    private void ensure(int bytes)
    {
        if (bytes > RECORDS_END - position) {
            throw Full.INSTANCE;
        }
    }

    private void set32(int at, int value)
    {
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private void set64(int at, long value)
    {
        for (int i = 0; i < 8; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
