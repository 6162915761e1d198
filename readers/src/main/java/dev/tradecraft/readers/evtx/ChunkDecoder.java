package dev.tradecraft.readers.evtx;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Walks the records of one chunk at a time and decodes each one's Binary XML into an
 * {@link XmlTape}. One decoder per thread; it keeps the chunk's names and templates, each decoded
 * once, until the next chunk is loaded.
 *
 * <p>Damage is expected. A record whose signature, size or trailing size copy is wrong is reported
 * and the walk resumes at the next record signature; a record whose XML cannot be decoded (offsets
 * outside the chunk, unknown tokens, a template instance inside a template, nesting or expansion
 * beyond the limits) is reported and skipped. Every read is checked against the chunk's limit, so
 * no input makes the decoder read outside its buffer, loop, or recurse without bound.
 */
final class ChunkDecoder
{
    /** Records hold a template instance whose values may hold Binary XML again; real logs nest two deep. */
    private static final int MAX_NESTING = 8;
    private static final int MAX_SUBSTITUTIONS = 8192;
    private static final int RECORD_NODE_LIMIT = 1 << 18;
    private static final int TEMPLATE_NODE_LIMIT = 1 << 15;
    private static final int RECORD_SIGNATURE = 0x0000_2a2a;
    private static final int RECORD_OVERHEAD = 28;
    private static final int NAME_INTERN_LIMIT = 8192;
    // Real element names are short; a crafted file's long ones are not kept across chunks.
    private static final int NAME_INTERN_LENGTH = 64;
    /**
     * Tokens and template nodes visited per record. A template that names the same Binary XML
     * value many times, nested a few deep, would otherwise cost exponential time while adding no
     * node to the tape. The records of the corpus take at most 664.
     */
    private static final int RECORD_WORK_LIMIT = 1 << 20;
    /**
     * The same for all the records of a chunk: a 64 KiB chunk holds hundreds of small records that
     * each instantiate one costly template, and each would stay under the record limit while the
     * chunk cost seconds and expanded to gigabytes of output. The corpus's records take under a
     * fifth of a step per byte, some 13,000 for a full chunk.
     */
    private static final int CHUNK_WORK_LIMIT = 1 << 21;

    private String displayName;
    private ProblemSink problems;
    private final XmlTape tape = new XmlTape(RECORD_NODE_LIMIT);
    private final OffsetTable<String> names = new OffsetTable<>(256);
    private final OffsetTable<XmlTape> templates = new OffsetTable<>(32);
    // The same element names recur in every chunk; keep one String of each across chunks.
    private final Map<String, String> internedNames = new HashMap<>();

    private EvtxChunk chunk;
    private byte[] data;
    private int limit;
    private int cursor;
    private int recordsEnd;
    private long skipped;

    private long recordId;
    private long writtenTime;

    // The read position while decoding; nested fragments save and restore it.
    private int at;
    private int work;
    // What the record being decoded may take: the record limit, or what the chunk has left.
    private int workLimit;
    private int chunkWork;

    /**
     * Starts on a chunk, reporting what its header says is wrong; records are read by
     * {@link #nextRecord()}.
     *
     * @param expected whether the file header counts this chunk (an all-zero chunk is damage only then)
     * @param displayName the file name problems print
     * @param problems receives this chunk's problems
     */
    void load(EvtxChunk chunk, boolean expected, String displayName, ProblemSink problems)
    {
        this.chunk = chunk;
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.data = chunk.data();
        this.limit = chunk.limit();
        names.clear();
        templates.clear();
        cursor = EvtxChunk.HEADER_SIZE;
        recordsEnd = 0;
        chunkWork = 0;
        if (chunk.allZero()) {
            if (expected) {
                report(0, ProblemKind.DAMAGED_CHUNK, "chunk " + chunk.index() + " is all zeros; no records in it");
            }
            return;
        }
        // A chunk cut short has been reported by the stream; what the cut took (the signature of a
        // chunk cut inside its header, the end of the checksummed records, the last record's end)
        // is not reported again as damage.
        if (!chunk.hasMagic()) {
            if (chunk.limit() >= EvtxChunk.HEADER_SIZE) {
                report(0, ProblemKind.DAMAGED_CHUNK, "chunk " + chunk.index()
                        + " has no chunk signature (ElfChnk); its records are looked for one by one");
            }
        }
        else if (!chunk.headerChecksumValid()) {
            report(0, ProblemKind.BAD_CHECKSUM, "chunk " + chunk.index() + " header checksum does not match; records read anyway");
        }
        else if (chunk.freeSpaceOffset() <= chunk.limit() && !chunk.recordsChecksumValid()) {
            report(0, ProblemKind.BAD_CHECKSUM, "chunk " + chunk.index() + " records checksum does not match; records read anyway");
        }
        recordsEnd = chunk.recordsEnd();
    }

    /** Moves to the next record that decodes; false when the chunk has no more. */
    boolean nextRecord()
    {
        while (cursor + RECORD_OVERHEAD <= recordsEnd) {
            int offset = cursor;
            if (LittleEndian.i32(data, offset) != RECORD_SIGNATURE) {
                if (zeroFrom(offset)) {
                    return false;
                }
                int resumed = resync(offset + 1);
                report(offset, ProblemKind.DAMAGED_RECORD, "no record signature here; " + (resumed - offset)
                        + " bytes skipped to " + (resumed < recordsEnd ? "the next record" : "the end of the chunk"));
                skipped++;
                cursor = resumed;
                continue;
            }
            long size = LittleEndian.u32(data, offset + 4);
            if (size < RECORD_OVERHEAD || offset + size > limit || LittleEndian.u32(data, (int) (offset + size - 4)) != size) {
                int resumed = resync(offset + 4);
                skipped++;
                cursor = resumed;
                if (limit < EvtxChunk.SIZE && offset + size > limit && resumed >= recordsEnd) {
                    // The file ends inside this record: the truncation the stream reported.
                    continue;
                }
                report(offset, ProblemKind.DAMAGED_RECORD, "record size " + size + " does not fit the chunk or its trailing copy; "
                        + (resumed - offset) + " bytes skipped");
                continue;
            }
            cursor = offset + (int) size;
            recordId = LittleEndian.i64(data, offset + 8);
            writtenTime = LittleEndian.i64(data, offset + 16);
            try {
                decodeRecord(offset + 24, offset + (int) size - 4);
                return true;
            }
            catch (BinXmlException e) {
                report(offset, ProblemKind.DAMAGED_RECORD, "record " + Long.toUnsignedString(recordId) + ": " + e.getMessage() + "; skipped");
                skipped++;
            }
            finally {
                chunkWork += work;
            }
        }
        return false;
    }

    XmlTape tape()
    {
        return tape;
    }

    byte[] data()
    {
        return data;
    }

    long recordId()
    {
        return recordId;
    }

    /** When the record was written, as a FILETIME. */
    long writtenTime()
    {
        return writtenTime;
    }

    /** Damaged records and byte runs skipped so far, over every chunk loaded. */
    long skipped()
    {
        return skipped;
    }

    // ---- records

    private boolean zeroFrom(int offset)
    {
        for (int i = offset; i < recordsEnd; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The next offset from {@code from} that starts like a record, or the end of the records. */
    private int resync(int from)
    {
        for (int offset = from; offset + RECORD_OVERHEAD <= recordsEnd; offset++) {
            if (data[offset] == 0x2a && data[offset + 1] == 0x2a && data[offset + 2] == 0 && data[offset + 3] == 0) {
                long size = LittleEndian.u32(data, offset + 4);
                if (size >= RECORD_OVERHEAD && offset + size <= limit && LittleEndian.u32(data, (int) (offset + size - 4)) == size) {
                    return offset;
                }
            }
        }
        return recordsEnd;
    }

    private void decodeRecord(int start, int end) throws BinXmlException
    {
        tape.clear();
        work = 0;
        workLimit = Math.min(RECORD_WORK_LIMIT, CHUNK_WORK_LIMIT - chunkWork);
        at = start;
        decodeFragment(end, tape, false, 0);
        if (tape.openElements() != 0) {
            throw new BinXmlException("record ends inside an element");
        }
        // Every rendering starts from the record's first element: text or references alone are no event.
        if (tape.firstElement() < 0) {
            throw new BinXmlException(tape.size() == 0 ? "record holds no XML" : "record holds no element, only text");
        }
    }

    // ---- Binary XML

    /** Decodes tokens from {@link #at} up to the end of stream or {@code end}, appending to {@code out}. */
    private void decodeFragment(int end, XmlTape out, boolean inTemplate, int nesting) throws BinXmlException
    {
        if (nesting > MAX_NESTING) {
            throw new BinXmlException("Binary XML nested deeper than " + MAX_NESTING);
        }
        while (at < end) {
            spend();
            int token = data[at] & 0xff;
            switch (token & 0xbf) {
                case 0x00 -> {
                    at++;
                    return;
                }
                case 0x01 -> openElement(end, out, inTemplate, (token & 0x40) != 0);
                case 0x02 -> {
                    out.closeAttribute();
                    at++;
                }
                case 0x03, 0x04 -> {
                    out.end();
                    at++;
                }
                case 0x05 -> {
                    need(at, 4, end);
                    int type = data[at + 1] & 0xff;
                    if (type != BinXmlValues.STRING) {
                        throw new BinXmlException("value token of type 0x" + Integer.toHexString(type) + " at offset " + at);
                    }
                    int bytes = LittleEndian.u16(data, at + 2) * 2;
                    need(at + 4, bytes, end);
                    out.value(BinXmlValues.STRING, at + 4, bytes);
                    at += 4 + bytes;
                }
                case 0x06 -> {
                    at++;
                    out.attribute(readName(end));
                }
                case 0x07 -> {
                    need(at, 3, end);
                    int bytes = LittleEndian.u16(data, at + 1) * 2;
                    need(at + 3, bytes, end);
                    out.cdata(at + 3, bytes);
                    at += 3 + bytes;
                }
                case 0x08 -> {
                    need(at, 3, end);
                    out.charRef(LittleEndian.u16(data, at + 1));
                    at += 3;
                }
                case 0x09 -> {
                    at++;
                    out.entityRef(readName(end));
                }
                case 0x0a -> {
                    // Processing instructions carry nothing an event needs; read past them.
                    at++;
                    readName(end);
                }
                case 0x0b -> {
                    need(at, 3, end);
                    at += 3 + LittleEndian.u16(data, at + 1) * 2;
                    need(at, 0, end);
                }
                case 0x0c -> {
                    if (inTemplate) {
                        throw new BinXmlException("template instance inside a template definition at offset " + at);
                    }
                    templateInstance(end, out, nesting);
                }
                case 0x0d, 0x0e -> {
                    if (!inTemplate) {
                        throw new BinXmlException("substitution outside a template at offset " + at);
                    }
                    need(at, 4, end);
                    out.substitution(LittleEndian.u16(data, at + 1), data[at + 3] & 0xff, (token & 0xbf) == 0x0e);
                    at += 4;
                }
                case 0x0f -> {
                    need(at, 4, end);
                    at += 4;
                }
                default -> throw new BinXmlException("unknown token 0x" + Integer.toHexString(token) + " at offset " + at);
            }
        }
    }

    private void openElement(int end, XmlTape out, boolean inTemplate, boolean hasAttributes) throws BinXmlException
    {
        // Elements of template definitions carry a dependency identifier; elements written directly do not.
        int header = 1 + (inTemplate ? 2 : 0) + 4;
        need(at, header, end);
        at += header;
        String name = readName(end);
        if (hasAttributes) {
            need(at, 4, end);
            at += 4;
        }
        out.start(name);
    }

    /** Reads a name reference at {@link #at}: an offset, followed by the name itself when it is defined here. */
    private String readName(int end) throws BinXmlException
    {
        need(at, 4, end);
        long offset = LittleEndian.u32(data, at);
        at += 4;
        if (offset == at) {
            need(at, 8, end);
            int bytes = LittleEndian.u16(data, at + 6) * 2;
            need(at + 8, bytes + 2, end);
            String name = name(at);
            at += 8 + bytes + 2;
            return name;
        }
        if (offset < EvtxChunk.HEADER_SIZE || offset + 8 > limit) {
            throw new BinXmlException("name offset " + offset + " outside the chunk");
        }
        int bytes = LittleEndian.u16(data, (int) offset + 6) * 2;
        if (offset + 8 + bytes > limit) {
            throw new BinXmlException("name at offset " + offset + " runs past the chunk");
        }
        return name((int) offset);
    }

    private String name(int offset)
    {
        String name = names.get(offset);
        if (name == null) {
            String decoded = BinXmlValues.utf16(data, offset + 8, LittleEndian.u16(data, offset + 6) * 2);
            name = internedNames.get(decoded);
            if (name == null) {
                name = decoded;
                if (internedNames.size() < NAME_INTERN_LIMIT && name.length() <= NAME_INTERN_LENGTH) {
                    internedNames.put(name, name);
                }
            }
            names.put(offset, name);
        }
        return name;
    }

    private void templateInstance(int end, XmlTape out, int nesting) throws BinXmlException
    {
        need(at, 10, end);
        long definition = LittleEndian.u32(data, at + 6);
        at += 10;
        XmlTape template;
        if (definition == at) {
            need(at, 24, end);
            long bodySize = LittleEndian.u32(data, at + 20);
            need(at + 24, bodySize, end);
            template = template(at, (int) bodySize);
            at += 24 + (int) bodySize;
        }
        else {
            if (definition < EvtxChunk.HEADER_SIZE || definition + 24 > limit) {
                throw new BinXmlException("template offset " + definition + " outside the chunk");
            }
            long bodySize = LittleEndian.u32(data, (int) definition + 20);
            if (definition + 24 + bodySize > limit) {
                throw new BinXmlException("template at offset " + definition + " runs past the chunk");
            }
            template = template((int) definition, (int) bodySize);
        }
        need(at, 4, end);
        long count = LittleEndian.u32(data, at);
        at += 4;
        if (count > MAX_SUBSTITUTIONS) {
            throw new BinXmlException(count + " substitution values");
        }
        int n = (int) count;
        need(at, n * 4L, end);
        int[] types = new int[n];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int value = at + n * 4;
        for (int i = 0; i < n; i++) {
            lengths[i] = LittleEndian.u16(data, at + i * 4);
            types[i] = data[at + i * 4 + 2] & 0xff;
            offsets[i] = value;
            value += lengths[i];
        }
        need(at + n * 4L, value - at - n * 4L, end);
        at = value;
        expand(template, types, offsets, lengths, out, nesting);
    }

    /** The template defined at {@code offset}, decoded on first use in the chunk. */
    private XmlTape template(int offset, int bodySize) throws BinXmlException
    {
        XmlTape template = templates.get(offset);
        if (template != null) {
            return template;
        }
        template = new XmlTape(TEMPLATE_NODE_LIMIT);
        int saved = at;
        at = offset + 24;
        decodeFragment(offset + 24 + bodySize, template, true, 0);
        at = saved;
        if (template.openElements() != 0) {
            throw new BinXmlException("template at offset " + offset + " ends inside an element");
        }
        templates.put(offset, template);
        return template;
    }

    private void expand(XmlTape template, int[] types, int[] offsets, int[] lengths, XmlTape out, int nesting)
            throws BinXmlException
    {
        for (int i = 0; i < template.size(); i++) {
            spend();
            switch (template.kind(i)) {
                case XmlTape.START -> out.start(template.name(i));
                case XmlTape.END -> out.end();
                case XmlTape.ATTRIBUTE -> out.attribute(template.name(i));
                case XmlTape.ATTRIBUTE_END -> out.closeAttribute();
                case XmlTape.VALUE -> out.value(template.type(i), template.offset(i), template.length(i));
                case XmlTape.CDATA -> out.cdata(template.offset(i), template.length(i));
                case XmlTape.CHAR_REF -> out.charRef(template.offset(i));
                case XmlTape.ENTITY_REF -> out.entityRef(template.name(i));
                case XmlTape.SUBSTITUTION -> {
                    int index = template.offset(i);
                    if (index >= types.length || types[index] == BinXmlValues.NULL) {
                        continue;
                    }
                    if (types[index] == BinXmlValues.BIN_XML) {
                        int saved = at;
                        at = offsets[index];
                        decodeFragment(offsets[index] + lengths[index], out, false, nesting + 1);
                        at = saved;
                    }
                    else {
                        out.value(types[index], offsets[index], lengths[index]);
                    }
                }
                default -> throw new BinXmlException("template node of kind " + template.kind(i));
            }
        }
    }

    private void spend() throws BinXmlException
    {
        if (++work > workLimit) {
            if (workLimit < RECORD_WORK_LIMIT) {
                throw new BinXmlException("the chunk's records take more than " + CHUNK_WORK_LIMIT
                        + " decoding steps (templates repeating nested values)");
            }
            throw new BinXmlException("record takes more than " + RECORD_WORK_LIMIT + " decoding steps (templates repeating nested values)");
        }
    }

    private void need(long offset, long bytes, int end) throws BinXmlException
    {
        if (bytes < 0 || offset + bytes > end) {
            throw new BinXmlException("needs " + bytes + " bytes at offset " + offset + ", past the end at " + end);
        }
    }

    private void report(int offsetInChunk, ProblemKind kind, String message)
    {
        problems.report(new ReadProblem(SourcePosition.offset(displayName, chunk.fileOffset() + offsetInChunk), kind, message));
    }
}
