package dev.tradecraft.readers.evtx;

import java.util.Arrays;

/**
 * One record's XML as a flat list of nodes, reused from record to record so that decoding
 * allocates nothing per node. Values are not copied: a value node points at its bytes in the
 * chunk, and is turned into text only by whoever needs the text.
 *
 * <p>Layout: an element is {@code START}, then its attributes, each {@code ATTRIBUTE}, its value
 * nodes, {@code ATTRIBUTE_END}; then its content (value nodes and child elements), then {@code END}.
 * {@link #next(int)} of a {@code START} or {@code ATTRIBUTE} is the index just past its {@code END}
 * or {@code ATTRIBUTE_END}, so a reader can skip a subtree. A template body is held the same way,
 * with {@code SUBSTITUTION} nodes where its instances put their values.
 */
final class XmlTape
{
    static final int START = 1;
    static final int END = 2;
    static final int ATTRIBUTE = 3;
    static final int ATTRIBUTE_END = 4;
    /** A typed value; {@link #type}, {@link #offset} and {@link #length} locate it in the chunk. */
    static final int VALUE = 5;
    /** A character reference; {@link #offset} holds the code unit. */
    static final int CHAR_REF = 6;
    /** An entity reference such as {@code amp}; {@link #name} holds it. */
    static final int ENTITY_REF = 7;
    /** A CDATA section: UTF-16 text like a string value. */
    static final int CDATA = 8;
    /** In a template body only: {@link #offset} is the substitution index, {@link #length} 1 when optional. */
    static final int SUBSTITUTION = 9;

    private static final int MAX_DEPTH = 128;

    private int[] kinds = new int[64];
    private int[] types = new int[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int[] nexts = new int[64];
    private String[] names = new String[64];
    private int size;
    private final int[] open = new int[MAX_DEPTH + 1];
    private int depth;
    private int attribute = -1;
    private final int nodeLimit;

    XmlTape(int nodeLimit)
    {
        this.nodeLimit = nodeLimit;
    }

    void clear()
    {
        Arrays.fill(names, 0, size, null);
        size = 0;
        depth = 0;
        attribute = -1;
    }

    int size()
    {
        return size;
    }

    int kind(int index)
    {
        return kinds[index];
    }

    int type(int index)
    {
        return types[index];
    }

    int offset(int index)
    {
        return offsets[index];
    }

    int length(int index)
    {
        return lengths[index];
    }

    int next(int index)
    {
        return nexts[index];
    }

    String name(int index)
    {
        return names[index];
    }

    /** Index of the first element, or -1 when the tape holds none. */
    int firstElement()
    {
        for (int i = 0; i < size; i++) {
            if (kinds[i] == START) {
                return i;
            }
        }
        return -1;
    }

    /** Elements still open: non-zero at the end of a record means it was cut short. */
    int openElements()
    {
        return depth;
    }


    void start(String name) throws BinXmlException
    {
        closeAttribute();
        if (depth == MAX_DEPTH) {
            throw new BinXmlException("elements nested deeper than " + MAX_DEPTH);
        }
        int index = add(START, 0, 0, 0, name);
        open[depth++] = index;
    }

    void end() throws BinXmlException
    {
        closeAttribute();
        if (depth == 0) {
            throw new BinXmlException("end of an element that was never opened");
        }
        add(END, 0, 0, 0, null);
        nexts[open[--depth]] = size;
    }

    void attribute(String name) throws BinXmlException
    {
        closeAttribute();
        if (depth == 0) {
            throw new BinXmlException("attribute outside any element");
        }
        attribute = add(ATTRIBUTE, 0, 0, 0, name);
    }

    /** Ends the open attribute, if any: the next token is another attribute or the element's content. */
    void closeAttribute() throws BinXmlException
    {
        if (attribute >= 0) {
            int index = attribute;
            attribute = -1;
            add(ATTRIBUTE_END, 0, 0, 0, null);
            nexts[index] = size;
        }
    }

    void value(int type, int offset, int length) throws BinXmlException
    {
        add(VALUE, type, offset, length, null);
    }

    void cdata(int offset, int length) throws BinXmlException
    {
        add(CDATA, BinXmlValues.STRING, offset, length, null);
    }

    void charRef(int codeUnit) throws BinXmlException
    {
        add(CHAR_REF, 0, codeUnit, 0, null);
    }

    void entityRef(String name) throws BinXmlException
    {
        add(ENTITY_REF, 0, 0, 0, name);
    }

    void substitution(int index, int declaredType, boolean optional) throws BinXmlException
    {
        add(SUBSTITUTION, declaredType, index, optional ? 1 : 0, null);
    }

    private int add(int kind, int type, int offset, int length, String name) throws BinXmlException
    {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = kind;
        types[size] = type;
        offsets[size] = offset;
        lengths[size] = length;
        nexts[size] = size + 1;
        names[size] = name;
        return size++;
    }

    // Apart from add() so that add() stays small enough to be inlined wherever nodes are written.
    private void grow() throws BinXmlException
    {
        if (size >= nodeLimit) {
            throw new BinXmlException("record expands to more than " + nodeLimit + " XML nodes");
        }
        int grown = Math.min(nodeLimit, size * 2);
        kinds = Arrays.copyOf(kinds, grown);
        types = Arrays.copyOf(types, grown);
        offsets = Arrays.copyOf(offsets, grown);
        lengths = Arrays.copyOf(lengths, grown);
        nexts = Arrays.copyOf(nexts, grown);
        names = Arrays.copyOf(names, grown);
    }
}
