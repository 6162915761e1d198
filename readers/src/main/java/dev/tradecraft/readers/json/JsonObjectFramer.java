package dev.tradecraft.readers.json;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;

/**
 * Cuts a stream of JSON text into top-level objects, one at a time, without parsing them, so that a
 * damaged object can be skipped and the objects after it still read. Accepts one object per line,
 * concatenated pretty-printed objects (with or without evtx_dump's {@code Record N} lines between
 * them), and top-level arrays of objects.
 *
 * <p>The framer follows strings, escapes and bracket nesting. An object is declared broken, reported
 * as {@code MALFORMED_JSON} and skipped when it holds a raw line break inside a string, closes a
 * bracket with the wrong kind, nests deeper than {@value #MAX_DEPTH}, grows past
 * {@value #MAX_OBJECT_CHARS} characters, or, in one-object-per-line input, is not closed at the end
 * of its line. It is also broken by a line that starts with a {@code Record} line or a {@code {} at
 * or left of the column where objects start (its own opening column, or that of the input's first
 * complete object): pretty printers indent nested values, so such a line starts the next object.
 * When the first object shows a printer that does not indent, only a {@code {} that cannot be a
 * value there counts.
 *
 * <p>After a break, text is skipped up to the next line that starts an object that way, or a
 * {@code Record} line (resynchronisation). Text outside any object is reported once per stretch and
 * skipped the same way. An object cut off by the end of the input is {@code TRUNCATED}. Only the
 * input as a whole may be an array: a {@code [} after the first object is stray text.
 *
 * <p>The layout is decided by the first complete object with members: if it ends on the line where
 * it starts, the input is one object per line ({@link #compactLayout()}), otherwise pretty-printed.
 */
final class JsonObjectFramer
{
    // Far above any Windows event (EVTX records fit in 64 KiB), far below what would hurt a hunt thread.
    static final int MAX_OBJECT_CHARS = 4 * 1024 * 1024;
    static final int MAX_DEPTH = 1000;
    private static final int CHUNK_CHARS = 64 * 1024;
    private static final String RECORD_WORD = "Record";
    private static final int FLAT_EVIDENCE = 2;

    private enum State
    {
        BETWEEN, OBJECT, RECORD_LINE, RESYNC, ARRAY_END_LINE
    }

    private enum Step
    {
        CONSUMED, RETRY, COMPLETE
    }

    private enum Layout
    {
        UNDECIDED, COMPACT, PRETTY
    }

    private final Reader in;
    private final String displayName;
    private final ProblemSink problems;
    private final char[] chunk = new char[CHUNK_CHARS];
    private int position;
    private int limit;
    private boolean ended;

    private long line = 1;
    private int column;
    private boolean lineBlank = true;

    private State state = State.BETWEEN;
    private Layout layout = Layout.UNDECIDED;
    private boolean flatFile;
    private boolean inTopArray;
    private boolean arraySeen;
    private long arrayStartLine;

    private char[] object = new char[4096];
    private int objectLength;
    private long objectStartLine;
    private int objectStartColumn;
    private boolean objectInArray;
    private long objectsSeen;
    private boolean[] arrayAt = new boolean[64];
    private int depth;
    private boolean inString;
    private boolean escaped;
    private char lastSignificant;
    private int shallowKeyLines;
    private boolean objectHasMembers;

    private int recordColumn;
    private int recordPhase;
    private int recordMatched;
    private boolean recordBlank;
    private boolean recordQuiet;
    private int resyncColumn;
    // Where objects of this input start (the first complete one); resynchronisation never goes left of it.
    private int objectColumn = -1;
    private int firstObjectColumn = -1;
    private long skipped;

    JsonObjectFramer(Reader in, String displayName, ProblemSink problems)
    {
        this.in = requireNonNull(in, "in is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** Frames the next complete object; false at the end of the input. */
    boolean next() throws IOException
    {
        if (ended) {
            return false;
        }
        while (true) {
            if (position == limit && !fill()) {
                finish();
                return false;
            }
            if (state == State.OBJECT && inString && !escaped) {
                copyStringRun();
                if (position == limit) {
                    continue;
                }
            }
            char c = chunk[position];
            Step step = step(c);
            if (step == Step.RETRY) {
                continue;
            }
            position++;
            if (c == '\n') {
                line++;
                column = 0;
                lineBlank = true;
            }
            else {
                column++;
                if (!isBlank(c)) {
                    lineBlank = false;
                }
            }
            if (step == Step.COMPLETE) {
                return true;
            }
        }
    }

    /** The text of the current object; valid until the next call to {@link #next()}. */
    char[] buffer()
    {
        return object;
    }

    int length()
    {
        return objectLength;
    }

    long objectStartLine()
    {
        return objectStartLine;
    }

    /** 1-based index of the current object among all objects begun in the input, broken ones included. */
    long recordIndex()
    {
        return objectsSeen;
    }

    /** True when the input holds one object per line. */
    boolean compactLayout()
    {
        return layout == Layout.COMPACT;
    }

    /** True when the current object is an element of a top-level array. */
    boolean objectInArray()
    {
        return objectInArray;
    }

    /** Objects and stretches of stray text skipped so far. */
    long skipped()
    {
        return skipped;
    }

    private Step step(char c)
    {
        return switch (state) {
            case BETWEEN -> between(c);
            case OBJECT -> inObject(c);
            case RECORD_LINE -> recordLine(c);
            case RESYNC -> resync(c);
            case ARRAY_END_LINE -> arrayEndLine(c);
        };
    }

    private Step between(char c)
    {
        if (isBlank(c) || c == '\n' || c == '\uFEFF') {
            return Step.CONSUMED;
        }
        switch (c) {
            case '{':
                beginObject();
                return inObject(c);
            case '[':
                // Only the input as a whole may be an array; a '[' later is damage, not a layout change.
                if (!inTopArray && objectsSeen == 0 && !arraySeen) {
                    inTopArray = true;
                    arraySeen = true;
                    arrayStartLine = line;
                    return Step.CONSUMED;
                }
                return junk(inTopArray ? "an array element that is not an object" : "an array after the first object");
            case ']':
                if (inTopArray) {
                    inTopArray = false;
                    return Step.CONSUMED;
                }
                return junk("']' without an array");
            case ',':
                // Commas between objects (an array without its brackets) carry no data.
                return Step.CONSUMED;
            default:
                if (c == 'R' && lineBlank) {
                    beginRecordLine(false);
                    return Step.RETRY;
                }
                return junk("text outside any JSON object");
        }
    }

    private Step junk(String what)
    {
        skipped++;
        report(line, ProblemKind.MALFORMED_JSON, what + "; skipped up to the next object");
        state = State.RESYNC;
        resyncColumn = Math.max(column, objectColumn());
        return Step.CONSUMED;
    }

    private void beginObject()
    {
        state = State.OBJECT;
        objectsSeen++;
        objectLength = 0;
        objectStartLine = line;
        objectStartColumn = column;
        if (firstObjectColumn < 0) {
            firstObjectColumn = column;
        }
        objectInArray = inTopArray;
        depth = 0;
        inString = false;
        escaped = false;
        shallowKeyLines = 0;
        lastSignificant = 0;
        objectHasMembers = false;
    }

    private Step inObject(char c)
    {
        if (objectLength == MAX_OBJECT_CHARS) {
            return broken("is larger than " + (MAX_OBJECT_CHARS / (1024 * 1024)) + " Mi characters", true);
        }
        if (inString) {
            // JSON strings never hold a raw line break, escaped or not.
            if (c == '\n') {
                return broken("has a line break inside a string at line " + line, true);
            }
            append(c);
            if (escaped) {
                escaped = false;
            }
            else if (c == '\\') {
                escaped = true;
            }
            else if (c == '"') {
                inString = false;
                lastSignificant = '"';
            }
            return Step.CONSUMED;
        }
        if (c == '\n') {
            if (layout == Layout.COMPACT) {
                return broken("is not closed at the end of its line", true);
            }
            append(c);
            return Step.CONSUMED;
        }
        if (lineBlank && !isBlank(c) && line > objectStartLine && column <= Math.max(objectStartColumn, objectColumn())) {
            if (c == 'R') {
                broken("is not closed before the Record line at line " + line, false);
                state = State.BETWEEN;
                return Step.RETRY;
            }
            if (c == '{' && !(flatIndentation() && validValueStart())) {
                broken("is not closed before the object starting at line " + line, false);
                state = State.BETWEEN;
                return Step.RETRY;
            }
            if (c == '"') {
                shallowKeyLines++;
            }
        }
        append(c);
        switch (c) {
            case '"':
                inString = true;
                objectHasMembers = true;
                break;
            case '{':
            case '[':
                if (depth == MAX_DEPTH) {
                    return broken("nests deeper than " + MAX_DEPTH + " levels", true);
                }
                if (depth == arrayAt.length) {
                    arrayAt = Arrays.copyOf(arrayAt, depth * 2);
                }
                arrayAt[depth++] = c == '[';
                break;
            case '}':
            case ']':
                if (arrayAt[depth - 1] != (c == ']')) {
                    return broken("closes a bracket with '" + c + "' at line " + line, true);
                }
                depth--;
                if (depth == 0) {
                    if (objectColumn < 0) {
                        objectColumn = objectStartColumn;
                    }
                    if (layout == Layout.UNDECIDED && objectHasMembers) {
                        layout = line == objectStartLine ? Layout.COMPACT : Layout.PRETTY;
                        flatFile = shallowKeyLines >= FLAT_EVIDENCE;
                    }
                    state = State.BETWEEN;
                    return Step.COMPLETE;
                }
                break;
            default:
                break;
        }
        if (!isBlank(c)) {
            lastSignificant = c;
        }
        return Step.CONSUMED;
    }

    /**
     * Whether nesting fails to show in the indentation (a printer with indent 0): keys at or left of
     * the object's opening column. Decided once from the first object, so damage in a later object
     * cannot fake it; a single stray line is not evidence.
     */
    private boolean flatIndentation()
    {
        return layout == Layout.UNDECIDED ? shallowKeyLines >= FLAT_EVIDENCE : flatFile;
    }

    /** Whether a '{' here could be a value: after ':' in an object, after ',' or '[' in an array. */
    private boolean validValueStart()
    {
        if (lastSignificant == ':') {
            return true;
        }
        return (lastSignificant == ',' || lastSignificant == '[') && depth > 0 && arrayAt[depth - 1];
    }

    private Step broken(String why, boolean resync)
    {
        skipped++;
        report(objectStartLine, ProblemKind.MALFORMED_JSON, "object starting here " + why + "; skipped");
        objectLength = 0;
        if (resync) {
            state = State.RESYNC;
            resyncColumn = Math.max(objectStartColumn, objectColumn());
        }
        return Step.CONSUMED;
    }

    /** Matches {@code Record}, blanks, digits, optional blanks, line end; anything else is stray text. */
    private Step recordLine(char c)
    {
        switch (recordPhase) {
            case 0:
                if (c == RECORD_WORD.charAt(recordMatched)) {
                    recordMatched++;
                    if (recordMatched == RECORD_WORD.length()) {
                        recordPhase = 1;
                    }
                    return Step.CONSUMED;
                }
                return recordFailed();
            case 1:
                if (isBlank(c)) {
                    recordBlank = true;
                    return Step.CONSUMED;
                }
                if (recordBlank && isDigit(c)) {
                    recordPhase = 2;
                    return Step.CONSUMED;
                }
                return recordFailed();
            default:
                if (c == '\n') {
                    state = State.BETWEEN;
                    return Step.RETRY;
                }
                if (isDigit(c) && recordPhase == 2) {
                    return Step.CONSUMED;
                }
                if (isBlank(c)) {
                    recordPhase = 3;
                    return Step.CONSUMED;
                }
                return recordFailed();
        }
    }

    private void beginRecordLine(boolean quiet)
    {
        state = State.RECORD_LINE;
        recordColumn = column;
        recordPhase = 0;
        recordMatched = 0;
        recordBlank = false;
        recordQuiet = quiet;
    }

    private Step recordFailed()
    {
        if (recordQuiet) {
            state = State.RESYNC;
            return Step.RETRY;
        }
        junk("text outside any JSON object");
        resyncColumn = Math.max(recordColumn, objectColumn());
        return Step.RETRY;
    }

    private Step resync(char c)
    {
        if (lineBlank && !isBlank(c) && c != '\n') {
            if (c == '{' && column <= resyncColumn) {
                state = State.BETWEEN;
                return Step.RETRY;
            }
            if (c == 'R' && column == 0) {
                beginRecordLine(true);
                return Step.RETRY;
            }
            if (c == ']' && inTopArray && column <= resyncColumn) {
                state = State.ARRAY_END_LINE;
                return Step.CONSUMED;
            }
        }
        return Step.CONSUMED;
    }

    /** Where objects of this input start: the first complete one's column, else the first begun one's. */
    private int objectColumn()
    {
        return objectColumn >= 0 ? objectColumn : firstObjectColumn;
    }

    /** After a ']' that may end the array while skipping: it does only if nothing else follows on its line. */
    private Step arrayEndLine(char c)
    {
        if (c == '\n') {
            inTopArray = false;
            state = State.BETWEEN;
            return Step.RETRY;
        }
        if (!isBlank(c)) {
            state = State.RESYNC;
        }
        return Step.CONSUMED;
    }

    private void finish()
    {
        ended = true;
        if (state == State.OBJECT) {
            skipped++;
            report(objectStartLine, ProblemKind.TRUNCATED, "input ends inside the object starting here; skipped");
        }
        else if (state == State.RECORD_LINE && recordPhase < 2 && !recordQuiet) {
            skipped++;
            report(line, ProblemKind.MALFORMED_JSON, "text outside any JSON object; skipped");
        }
        if (state == State.ARRAY_END_LINE) {
            inTopArray = false;
        }
        if (inTopArray) {
            report(arrayStartLine, ProblemKind.TRUNCATED, "input ends before the ']' closing the array opened here");
        }
        state = State.BETWEEN;
        objectLength = 0;
    }

    /** Copies a run of ordinary string characters at once; the hot part of most objects. */
    private void copyStringRun()
    {
        int end = position;
        int room = MAX_OBJECT_CHARS - objectLength;
        int stop = Math.min(limit, position + room);
        while (end < stop) {
            char c = chunk[end];
            if (c == '"' || c == '\\' || c == '\n') {
                break;
            }
            end++;
        }
        int count = end - position;
        if (count == 0) {
            return;
        }
        ensureCapacity(objectLength + count);
        System.arraycopy(chunk, position, object, objectLength, count);
        objectLength += count;
        column += count;
        position = end;
    }

    private void append(char c)
    {
        if (objectLength == object.length) {
            ensureCapacity(objectLength + 1);
        }
        object[objectLength++] = c;
    }

    private void ensureCapacity(int needed)
    {
        if (needed > object.length) {
            object = Arrays.copyOf(object, Math.min(MAX_OBJECT_CHARS, Math.max(needed, object.length * 2)));
        }
    }

    private void report(long atLine, ProblemKind kind, String message)
    {
        problems.report(new ReadProblem(SourcePosition.line(displayName, atLine), kind, message));
    }

    private boolean fill() throws IOException
    {
        int count;
        do {
            count = in.read(chunk, 0, chunk.length);
        }
        while (count == 0);
        position = 0;
        limit = Math.max(count, 0);
        return count > 0;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }
}
