package dev.tradecraft.readers.evtx;

import java.util.Arrays;

/**
 * Writes Binary XML by hand for records the damage tests build: elements, values, templates and
 * their instances. Names and template definitions are written inline, so the writer has to know
 * where in the chunk its first byte will land ({@code base}); every offset it writes is relative to
 * the chunk, as in a real file.
 */
final class BinXmlWriter
{
    private final int base;
    private byte[] bytes = new byte[256];
    private int size;

    /** @param base chunk offset at which the first byte written will be stored */
    BinXmlWriter(int base)
    {
        this.base = base;
    }

    /** Chunk offset of the next byte. */
    int position()
    {
        return base + size;
    }

    byte[] bytes()
    {
        return Arrays.copyOf(bytes, size);
    }

    BinXmlWriter u8(int value)
    {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) value;
        return this;
    }

    BinXmlWriter u16(int value)
    {
        return u8(value).u8(value >>> 8);
    }

    BinXmlWriter u32(long value)
    {
        return u16((int) value).u16((int) (value >>> 16));
    }

    BinXmlWriter raw(byte[] data)
    {
        for (byte b : data) {
            u8(b);
        }
        return this;
    }

    BinXmlWriter fragmentHeader()
    {
        return u8(0x0f).u8(1).u8(1).u8(0);
    }

    /** An element start with its name defined inline; in a template body it carries a dependency id. */
    BinXmlWriter openElement(String name, boolean inTemplate)
    {
        u8(0x01);
        if (inTemplate) {
            u16(0xffff);
        }
        u32(0);
        return name(name);
    }

    /** A name reference to the name that follows at once: offset, next, hash, length, UTF-16, NUL. */
    BinXmlWriter name(String name)
    {
        u32(position() + 4);
        u32(0).u16(0).u16(name.length());
        for (char c : name.toCharArray()) {
            u16(c);
        }
        return u16(0);
    }

    BinXmlWriter closeStart()
    {
        return u8(0x02);
    }

    BinXmlWriter endElement()
    {
        return u8(0x04);
    }

    BinXmlWriter endOfStream()
    {
        return u8(0x00);
    }

    BinXmlWriter value(String text)
    {
        u8(0x05).u8(BinXmlValues.STRING).u16(text.length());
        for (char c : text.toCharArray()) {
            u16(c);
        }
        return this;
    }

    BinXmlWriter substitution(int index, int type)
    {
        return u8(0x0d).u16(index).u8(type);
    }

    /** A template instance whose definition follows inline; {@code body} writes it, ending with end of stream. */
    BinXmlWriter inlineTemplate(Body body)
    {
        u8(0x0c).u8(1).u32(0x1234_5678L);
        u32(position() + 4);
        u32(0);
        for (int i = 0; i < 16; i++) {
            u8(0x11 * (i % 16));
        }
        int sizeAt = size;
        u32(0);
        int bodyStart = size;
        body.write(this);
        int bodySize = size - bodyStart;
        bytes[sizeAt] = (byte) bodySize;
        bytes[sizeAt + 1] = (byte) (bodySize >>> 8);
        bytes[sizeAt + 2] = (byte) (bodySize >>> 16);
        bytes[sizeAt + 3] = (byte) (bodySize >>> 24);
        return this;
    }

    /** A template instance of the definition at chunk offset {@code definition}. */
    BinXmlWriter templateReference(int definition)
    {
        return u8(0x0c).u8(1).u32(0x1234_5678L).u32(definition);
    }

    /** What writes a template body or a value that holds Binary XML. */
    @FunctionalInterface
    interface Body
    {
        void write(BinXmlWriter out);
    }
}
