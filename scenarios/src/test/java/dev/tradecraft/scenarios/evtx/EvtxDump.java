package dev.tradecraft.scenarios.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads an EVTX file the way the format documentation describes it, written apart from the writer,
 * and renders each record in the shape {@code evtx_dump -o json} gives: {@code #attributes},
 * {@code EventData} as name → value, empty elements as null, attributes of null optional
 * substitutions left out, numbers as {@code Long}. Every structural rule it relies on is checked on
 * the way (signatures, CRCs, sizes and their copies, record numbers and ids against the chunk
 * header, element and attribute-list sizes, string and template tables, zero-filled free space); a
 * broken rule is an {@link AssertionError}.
 */
public final class EvtxDump
{
    private static final DateTimeFormatter SYSTEM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    /** What the file header says, and the chunks read. */
    public record FileSummary(int chunks, long nextRecordId, List<ChunkSummary> chunkSummaries, List<Object> documents) {}

    /** What one chunk header says. */
    public record ChunkSummary(long firstNumber, long lastNumber, long firstId, long lastId, int records, int freeSpaceOffset) {}

    private EvtxDump() {}

    public static List<Object> documents(Path file) throws IOException
    {
        return read(file).documents();
    }

    public static FileSummary read(Path file) throws IOException
    {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        check(bytes.length >= 4096, "file shorter than its header");
        check(new String(bytes, 0, 8, StandardCharsets.US_ASCII).equals("ElfFile\0"), "file signature");
        check(header.getLong(8) == 0, "first chunk number");
        check(header.getInt(32) == 128, "header size");
        check(header.getShort(36) == 1 && header.getShort(38) == 3, "version 3.1");
        check(header.getShort(40) == 4096, "header block size");
        check(header.getInt(124) == crc(bytes, 0, 120), "file header CRC");
        check(zero(bytes, 44, 120) && zero(bytes, 128, 4096), "file header unused bytes are zero");
        int chunks = Short.toUnsignedInt(header.getShort(42));
        check(bytes.length == 4096 + chunks * 65_536, "file size " + bytes.length + " for " + chunks + " chunks");
        check(header.getLong(16) == Math.max(chunks - 1, 0), "last chunk number");
        List<ChunkSummary> summaries = new ArrayList<>();
        List<Object> documents = new ArrayList<>();
        long nextNumber = 1;
        long lastId = -1;
        for (int c = 0; c < chunks; c++) {
            byte[] chunk = new byte[65_536];
            System.arraycopy(bytes, 4096 + c * 65_536, chunk, 0, chunk.length);
            ChunkSummary summary = readChunk(chunk, documents);
            if (summary.records() == 0) {
                check(chunks == 1, "only the chunk of an empty file is empty");
                summaries.add(summary);
                continue;
            }
            check(summary.firstNumber() == nextNumber, "chunk " + c + " first record number " + summary.firstNumber());
            check(summary.firstId() > lastId, "record ids rise across chunks");
            nextNumber = summary.lastNumber() + 1;
            lastId = summary.lastId();
            summaries.add(summary);
        }
        check(header.getLong(24) == (documents.isEmpty() ? 1 : lastId + 1), "next record id");
        return new FileSummary(chunks, header.getLong(24), List.copyOf(summaries), documents);
    }

    /** Reads one 65,536-byte chunk, adding its records to {@code documents}. */
    public static ChunkSummary readChunk(byte[] chunk, List<Object> documents)
    {
        ByteBuffer in = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        check(new String(chunk, 0, 8, StandardCharsets.US_ASCII).equals("ElfChnk\0"), "chunk signature");
        check(in.getInt(40) == 128, "chunk header size");
        int free = in.getInt(48);
        check(free >= 512 && free <= chunk.length, "free space offset " + free);
        check(in.getInt(52) == crc(chunk, 512, free - 512), "event records CRC");
        CRC32 headerCrc = new CRC32();
        headerCrc.update(chunk, 0, 120);
        headerCrc.update(chunk, 128, 384);
        check(in.getInt(124) == (int) headerCrc.getValue(), "chunk header CRC");
        check(zero(chunk, 56, 124), "chunk header unused bytes are zero");
        check(zero(chunk, free, chunk.length), "free space is zero-filled");
        long firstNumber = in.getLong(8);
        long lastNumber = in.getLong(16);
        long firstId = in.getLong(24);
        long lastId = in.getLong(32);

        Reader reader = new Reader(in, free);
        int offset = 512;
        int records = 0;
        int lastOffset = 0;
        long number = firstNumber;
        long previousId = 0;
        while (offset < free) {
            check(in.getInt(offset) == 0x2A2A, "record signature at " + offset);
            int size = in.getInt(offset + 4);
            check(size >= 28 && offset + size <= free, "record size " + size + " at " + offset);
            // libevtx refuses a record that ends in the chunk's last four bytes.
            check(offset + size <= chunk.length - 4, "record ends in the chunk's last four bytes");
            check(in.getInt(offset + size - 4) == size, "record size copy at " + offset);
            long id = in.getLong(offset + 8);
            check(records == 0 ? id == firstId : id > previousId, "record id " + id + " after " + previousId);
            previousId = id;
            documents.add(reader.record(offset + 24, offset + size - 4));
            lastOffset = offset;
            offset += size;
            records++;
            number++;
        }
        check(offset == free, "records end at the free space offset");
        if (records == 0) {
            check(firstNumber == 0 && lastNumber == 0 && firstId == 0 && lastId == 0 && in.getInt(44) == 0, "an empty chunk counts nothing");
            reader.checkTables();
            return new ChunkSummary(0, 0, 0, 0, 0, free);
        }
        check(lastNumber == number - 1, "last record number");
        check(lastNumber - firstNumber + 1 == records, "record numbers count the records");
        check(lastId == previousId, "last record id");
        check(in.getInt(44) == lastOffset, "last record offset");
        reader.checkTables();
        return new ChunkSummary(firstNumber, lastNumber, firstId, lastId, records, free);
    }

    /** Decodes the binary XML of one chunk's records. */
    private static final class Reader
    {
        private final ByteBuffer in;
        private final int free;
        private final Set<Integer> names = new HashSet<>();
        private final Map<String, Integer> nameDefinitions = new LinkedHashMap<>();
        private final Set<Integer> templates = new HashSet<>();
        private int at;

        Reader(ByteBuffer in, int free)
        {
            this.in = in;
            this.free = free;
        }

        Object record(int start, int end)
        {
            at = start;
            fragmentHeader();
            check(u8() == 0x0C, "template instance token");
            check(u8() == 0x01, "template instance byte");
            int id = in.getInt(at);
            at += 4;
            int definition = in.getInt(at);
            at += 4;
            if (definition == at) {
                check(templates.add(definition), "template defined twice at " + definition);
                at += 4 + 16;
                int size = in.getInt(at);
                at += 4 + size;
            }
            else {
                check(templates.contains(definition), "template at " + definition + " was defined earlier in the chunk");
            }
            check(in.getInt(definition + 4) == id, "template id is the GUID's first four bytes");
            int count = in.getInt(at);
            at += 4;
            int[] sizes = new int[count];
            int[] types = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = Short.toUnsignedInt(in.getShort(at));
                types[i] = in.get(at + 2) & 0xFF;
                check(in.get(at + 3) == 0, "value descriptor padding");
                at += 4;
            }
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = value(types[i], at, sizes[i]);
                at += sizes[i];
            }
            for (int i = at; i < end; i++) {
                check(in.get(i) == 0, "record padding is zero");
            }
            int templateSize = in.getInt(definition + 20);
            int bodyStart = definition + 24;
            int resume = at;
            at = bodyStart;
            fragmentHeader();
            Map<String, Object> document = new LinkedHashMap<>();
            Element root = element(values, types);
            check(u8() == 0x00, "template ends with end of stream");
            check(at - bodyStart == templateSize, "template data size");
            at = resume;
            document.put(root.name, root.render());
            return document;
        }

        void checkTables()
        {
            // Readers that preload names and templates from the header tables (python-evtx, the evtx crate)
            // follow each bucket's chain: every link must be a definition, and every definition listed.
            Set<Integer> listedNames = new HashSet<>();
            for (int i = 0; i < 64; i++) {
                int offset = in.getInt(128 + 4 * i);
                while (offset != 0) {
                    check(names.contains(offset), "string table entry " + offset + " is a defined name");
                    check(listedNames.add(offset), "string table entry " + offset + " listed twice");
                    offset = in.getInt(offset);
                }
            }
            check(listedNames.equals(names), "every name is in the string table");
            Set<Integer> listedTemplates = new HashSet<>();
            for (int i = 0; i < 32; i++) {
                int offset = in.getInt(384 + 4 * i);
                while (offset != 0) {
                    check(templates.contains(offset), "template table entry " + offset + " is a defined template");
                    check(in.get(offset - 10) == 0x0C && in.getInt(offset - 4) == offset, "template table entry follows its instance token");
                    check(listedTemplates.add(offset), "template table entry " + offset + " listed twice");
                    offset = in.getInt(offset);
                }
            }
            check(listedTemplates.equals(templates), "every template is in the template table");
            check(names.stream().allMatch(offset -> offset < free), "names lie in records");
        }

        private void fragmentHeader()
        {
            check(u8() == 0x0F && u8() == 1 && u8() == 1 && u8() == 0, "fragment header");
        }

        private Element element(Object[] values, int[] types)
        {
            int token = u8();
            check(token == 0x01 || token == 0x41, "open start element token " + token);
            check(Short.toUnsignedInt(in.getShort(at)) == 0xFFFF, "dependency id");
            at += 2;
            int size = in.getInt(at);
            at += 4;
            int sizeFrom = at;
            Element element = new Element(nameAt());
            if (token == 0x41) {
                int listSize = in.getInt(at);
                at += 4;
                int listEnd = at + listSize;
                boolean more = true;
                while (more) {
                    int attribute = u8();
                    check(attribute == 0x06 || attribute == 0x46, "attribute token " + attribute);
                    more = attribute == 0x46;
                    String name = nameAt();
                    Object value = leaf(u8(), values, types);
                    if (value != Absent.VALUE) {
                        element.attributes.put(name, value);
                    }
                }
                check(at == listEnd, "attribute list size");
            }
            int close = u8();
            if (close == 0x02) {
                while (true) {
                    int next = in.get(at) & 0xFF;
                    if (next == 0x04) {
                        at++;
                        break;
                    }
                    if (next == 0x01 || next == 0x41) {
                        element.children.add(element(values, types));
                    }
                    else {
                        Object value = leaf(u8(), values, types);
                        element.text = value == Absent.VALUE ? null : value;
                    }
                }
            }
            else {
                check(close == 0x03, "close element token " + close);
            }
            check(at - sizeFrom == size, "element data size of " + element.name);
            return element;
        }

        private Object leaf(int token, Object[] values, int[] types)
        {
            if (token == 0x05) {
                check(u8() == 0x01, "value text is a string");
                int chars = Short.toUnsignedInt(in.getShort(at));
                at += 2;
                String text = utf16(at, chars);
                at += 2 * chars;
                return text;
            }
            check(token == 0x0D || token == 0x0E, "substitution token " + token);
            int index = Short.toUnsignedInt(in.getShort(at));
            at += 2;
            int type = u8();
            check(types[index] == type || types[index] == 0x00, "substitution " + index + " type " + type + " holds " + types[index]);
            if (types[index] == 0x00) {
                // evtx_dump leaves out what a null optional substitution stands for.
                return token == 0x0E ? Absent.VALUE : null;
            }
            return values[index];
        }

        /** The name at the offset read here; when defined right here, skips over it. */
        private String nameAt()
        {
            int offset = in.getInt(at);
            at += 4;
            String name = name(offset);
            if (offset == at) {
                // Reading a template again meets its names again; a second definition elsewhere is the fault.
                Integer defined = nameDefinitions.putIfAbsent(name, offset);
                check(defined == null || defined == offset, name + " defined at " + defined + " and again at " + offset);
                names.add(offset);
                at += 8 + 2 * name.length() + 2;
            }
            else {
                check(names.contains(offset), "name at " + offset + " was defined earlier in the chunk");
            }
            return name;
        }

        private String name(int offset)
        {
            int chars = Short.toUnsignedInt(in.getShort(offset + 6));
            String name = utf16(offset + 8, chars);
            check(in.getShort(offset + 8 + 2 * chars) == 0, "name ends with NUL");
            int hash = 0;
            for (int i = 0; i < name.length(); i++) {
                hash = hash * 65599 + name.charAt(i);
            }
            check(Short.toUnsignedInt(in.getShort(offset + 4)) == (hash & 0xFFFF), "name hash of " + name);
            return name;
        }

        private Object value(int type, int offset, int size)
        {
            switch (type) {
                case 0x00 -> {
                    check(size == 0, "null value size");
                    return null;
                }
                case 0x01 -> {
                    check(size % 2 == 0, "string size");
                    return utf16(offset, size / 2);
                }
                case 0x04 -> {
                    check(size == 1, "UInt8 size");
                    return (long) (in.get(offset) & 0xFF);
                }
                case 0x06 -> {
                    check(size == 2, "UInt16 size");
                    return (long) Short.toUnsignedInt(in.getShort(offset));
                }
                case 0x07 -> {
                    check(size == 4, "Int32 size");
                    return (long) in.getInt(offset);
                }
                case 0x08 -> {
                    check(size == 4, "UInt32 size");
                    return Integer.toUnsignedLong(in.getInt(offset));
                }
                case 0x09, 0x0a -> {
                    check(size == 8, "64-bit size");
                    return in.getLong(offset);
                }
                case 0x0d -> {
                    check(size == 4, "Bool size");
                    int flag = in.getInt(offset);
                    check(flag == 0 || flag == 1, "Bool is 0 or 1");
                    return flag == 1;
                }
                case 0x0f -> {
                    check(size == 16, "GUID size");
                    return String.format(Locale.ROOT, "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", in.getInt(offset),
                            in.getShort(offset + 4), in.getShort(offset + 6), in.get(offset + 8), in.get(offset + 9), in.get(offset + 10),
                            in.get(offset + 11), in.get(offset + 12), in.get(offset + 13), in.get(offset + 14), in.get(offset + 15));
                }
                case 0x11 -> {
                    check(size == 8, "FILETIME size");
                    long ticks = in.getLong(offset) - FILETIME_UNIX_EPOCH;
                    return SYSTEM_TIME.format(Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * 100));
                }
                case 0x13 -> {
                    int count = in.get(offset + 1) & 0xFF;
                    check(size == 8 + 4 * count, "SID size");
                    long authority = 0;
                    for (int i = 0; i < 6; i++) {
                        authority = authority << 8 | (in.get(offset + 2 + i) & 0xFF);
                    }
                    StringBuilder sid = new StringBuilder("S-").append(in.get(offset) & 0xFF).append('-').append(authority);
                    for (int i = 0; i < count; i++) {
                        sid.append('-').append(Integer.toUnsignedLong(in.getInt(offset + 8 + 4 * i)));
                    }
                    return sid.toString();
                }
                case 0x15 -> {
                    check(size == 8, "HexInt64 size");
                    return "0x" + Long.toHexString(in.getLong(offset));
                }
                default -> throw new AssertionError("unexpected value type " + type);
            }
        }

        private String utf16(int offset, int chars)
        {
            byte[] bytes = new byte[2 * chars];
            in.get(offset, bytes);
            return new String(bytes, StandardCharsets.UTF_16LE);
        }

        private int u8()
        {
            return in.get(at++) & 0xFF;
        }
    }

    /** Marks an attribute or text that a null optional substitution removed. */
    private enum Absent
    {
        VALUE
    }

    private static final class Element
    {
        final String name;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final List<Element> children = new ArrayList<>();
        Object text;

        Element(String name)
        {
            this.name = name;
        }

        Object render()
        {
            if (name.equals("EventData")) {
                Map<String, Object> data = new LinkedHashMap<>();
                for (Element child : children) {
                    check(child.name.equals("Data") && child.attributes.containsKey("Name"), "EventData holds Data Name=…");
                    data.put((String) child.attributes.get("Name"), child.text);
                }
                return data;
            }
            if (children.isEmpty() && text == null) {
                return attributes.isEmpty() ? null : Map.of("#attributes", attributes);
            }
            Map<String, Object> rendered = new LinkedHashMap<>();
            if (!attributes.isEmpty()) {
                rendered.put("#attributes", attributes);
            }
            if (children.isEmpty()) {
                if (attributes.isEmpty()) {
                    return text;
                }
                rendered.put("#text", text);
                return rendered;
            }
            for (Element child : children) {
                check(!rendered.containsKey(child.name), "repeated element " + child.name);
                rendered.put(child.name, child.render());
            }
            return rendered;
        }
    }

    private static boolean zero(byte[] bytes, int from, int to)
    {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] bytes, int offset, int length)
    {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void check(boolean condition, String what)
    {
        if (!condition) {
            throw new AssertionError("EVTX: " + what);
        }
    }
}
