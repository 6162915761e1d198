package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts nmap XML into the text of its {@code <host>} elements, one at a time, so each host is parsed
 * on its own: a broken host costs that host, and no host ever sees the document's DTD. Follows just
 * enough XML to find element boundaries: tags with quoted attributes, comments, CDATA, processing
 * instructions and declarations.
 *
 * <p>Outside hosts it notes the {@code <nmaprun>} start tag (for its {@code start} time), whether a
 * document type declaration has an internal subset (where entities would be declared), and whether
 * {@code </nmaprun>} was reached (a scan that was stopped never writes it).
 */
final class NmapHostSplitter
{
    static final int MAX_HOST_CHARS = 16 * 1024 * 1024;
    private static final int BUFFER_CHARS = 64 * 1024;
    private static final int MAX_RUN_TAG_CHARS = 64 * 1024;

    /** The text of one host element, or what there was of it. */
    record HostText(String text, long line, boolean complete, boolean oversized) {}

    private final Reader in;
    private final int maxHostChars;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private boolean eof;
    private long line = 1;

    private final StringBuilder host = new StringBuilder();
    private boolean inHost;
    private boolean oversized;
    private long hostLine;

    private StringBuilder runTag;
    private String runStartTag;
    private boolean runEnded;
    private long internalSubsetLine;

    NmapHostSplitter(Reader in)
    {
        this(in, MAX_HOST_CHARS);
    }

    NmapHostSplitter(Reader in, int maxHostChars)
    {
        this.in = requireNonNull(in, "in is null");
        this.maxHostChars = maxHostChars;
    }

    /** The next host, or null at the end of the input. */
    HostText next() throws IOException
    {
        while (true) {
            int c = read();
            if (c < 0) {
                return inHost ? endHost(false) : null;
            }
            if (c != '<') {
                continue;
            }
            int tagStart = host.length() - 1;
            long tagLine = line;
            int d = read();
            if (d < 0) {
                continue;
            }
            if (d == '!') {
                skipMarkup(tagLine);
            }
            else if (d == '?') {
                skipUntil('?', '>');
            }
            else if (d == '/') {
                String name = readName(-1);
                skipTag();
                if (inHost && name.equals("host")) {
                    return endHost(true);
                }
                if (!inHost && name.equals("nmaprun")) {
                    runEnded = true;
                }
            }
            else {
                String name = readName(d);
                if (name.equals("host")) {
                    // A host that never closed is handed out as it is; the new one starts here.
                    HostText unclosed = inHost ? cutUnclosed(tagStart) : null;
                    startHost(tagLine);
                    if (skipTag()) {
                        // <host/> holds no ports.
                        endHost(true);
                    }
                    if (unclosed != null) {
                        return unclosed;
                    }
                }
                else if (!inHost && name.equals("nmaprun")) {
                    runTag = new StringBuilder("<nmaprun");
                    skipTag();
                    runStartTag = runTag.toString();
                    runTag = null;
                }
                else {
                    skipTag();
                }
            }
        }
    }

    /** The {@code <nmaprun ...>} start tag, once read; null before. */
    String runStartTag()
    {
        return runStartTag;
    }

    /** Whether the input ended properly with {@code </nmaprun>}. */
    boolean runEnded()
    {
        return runEnded;
    }

    /** The line of a document type declaration with an internal subset, or 0 when there was none. */
    long internalSubsetLine()
    {
        return internalSubsetLine;
    }

    long line()
    {
        return line;
    }

    private HostText cutUnclosed(int tagStart)
    {
        String text = oversized ? "" : host.substring(0, Math.max(0, tagStart));
        return new HostText(text, hostLine, false, oversized);
    }

    private void startHost(long tagLine)
    {
        inHost = true;
        oversized = false;
        hostLine = tagLine;
        host.setLength(0);
        host.append("<host");
    }

    private HostText endHost(boolean complete)
    {
        HostText text = new HostText(oversized ? "" : host.toString(), hostLine, complete, oversized);
        inHost = false;
        oversized = false;
        host.setLength(0);
        return text;
    }

    private int read() throws IOException
    {
        if (position == limit) {
            if (eof) {
                return -1;
            }
            int count = in.read(buffer, 0, buffer.length);
            if (count <= 0) {
                eof = true;
                return -1;
            }
            position = 0;
            limit = count;
        }
        char c = buffer[position++];
        if (c == '\n') {
            line++;
        }
        if (inHost && !oversized) {
            if (host.length() >= maxHostChars) {
                oversized = true;
                host.setLength(0);
            }
            else {
                host.append(c);
            }
        }
        else if (runTag != null && runTag.length() < MAX_RUN_TAG_CHARS) {
            runTag.append(c);
        }
        return c;
    }

    private int peek() throws IOException
    {
        if (position == limit) {
            if (eof) {
                return -1;
            }
            int count = in.read(buffer, 0, buffer.length);
            if (count <= 0) {
                eof = true;
                return -1;
            }
            position = 0;
            limit = count;
        }
        return buffer[position];
    }

    /** A name that starts with {@code first} (or with the next character when it is -1). */
    private String readName(int first) throws IOException
    {
        StringBuilder name = new StringBuilder(16);
        if (first >= 0) {
            name.append((char) first);
        }
        int c;
        while ((c = peek()) >= 0 && isNameChar((char) c) && name.length() < 64) {
            name.append((char) read());
        }
        return name.toString();
    }

    /** Reads to the end of a tag, past quoted attribute values; returns whether it was empty ({@code />}). */
    private boolean skipTag() throws IOException
    {
        int quote = 0;
        int previous = 0;
        int c;
        while ((c = read()) >= 0) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '"' || c == '\'') {
                quote = c;
            }
            else if (c == '>') {
                return previous == '/';
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return false;
    }

    /** After {@code <!}: a comment, a CDATA section, or a declaration such as {@code <!DOCTYPE>}. */
    private void skipMarkup(long tagLine) throws IOException
    {
        int c = peek();
        if (c == '-') {
            read();
            if (peek() == '-') {
                read();
                skipUntil('-', '-', '>');
                return;
            }
        }
        if (c == '[') {
            skipUntil(']', ']', '>');
            return;
        }
        int quote = 0;
        int depth = 0;
        while ((c = read()) >= 0) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '"' || c == '\'') {
                quote = c;
            }
            else if (c == '[') {
                depth++;
                if (!inHost && internalSubsetLine == 0) {
                    internalSubsetLine = tagLine;
                }
            }
            else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            else if (c == '>' && depth == 0) {
                return;
            }
        }
    }

    /** Reads up to and including the two characters {@code first second}. */
    private void skipUntil(char first, char second) throws IOException
    {
        int previous = 0;
        int c;
        while ((c = read()) >= 0) {
            if (c == second && previous == first) {
                return;
            }
            previous = c;
        }
    }

    /** Reads up to and including the three characters {@code first second third}. */
    private void skipUntil(char first, char second, char third) throws IOException
    {
        int previous = 0;
        int beforePrevious = 0;
        int c;
        while ((c = read()) >= 0) {
            if (c == third && previous == second && beforePrevious == first) {
                return;
            }
            beforePrevious = previous;
            previous = c;
        }
    }

    private static boolean isNameChar(char c)
    {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
