package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Decodes one line of a one-record-per-line JSON file, with its own parser over the line's bytes,
 * so a broken line costs that line only and every problem names its line. Shared by the
 * sequential reader and by batches decoded on worker threads: it holds no state between lines
 * beyond the record decoder's reusable draft, so each thread needs its own.
 *
 * <p>Array punctuation around records is ignored, which is how masscan's {@code -oJ} output (a
 * {@code [} line, then objects with trailing or leading commas, then {@code ]}) and arrays written
 * one element per line are read. Several objects on one line are read in turn.
 */
final class JsonLineDecoder
{
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JsonFactory factory;
    private final JsonRecordDecoder decoder;
    private final ProblemReporter problems;

    JsonLineDecoder(JsonFactory factory, JsonRecordDecoder decoder, ProblemReporter problems)
    {
        this.factory = requireNonNull(factory, "factory is null");
        this.decoder = requireNonNull(decoder, "decoder is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /**
     * Adds the banners of the line {@code bytes[start..end)} (without its line break) to {@code out}.
     *
     * @param unterminated the line is the last and no line break ends it: a record broken off at its
     *        end is reported as truncated
     * @param cutByDamage the line is the last, unterminated, and a damaged gzip stream cut it: it is
     *        counted as skipped, and the damage report says why
     */
    void decode(byte[] bytes, int start, int end, long line, boolean unterminated, boolean cutByDamage, List<Banner> out) throws IOException
    {
        int from = skipLeading(bytes, start, end, line == 1);
        int to = trimTrailing(bytes, from, end);
        if (from >= to) {
            return;
        }
        if (cutByDamage) {
            problems.countSkipped();
            return;
        }
        if (decoder.ignorable(bytes, from, to)) {
            return;
        }
        if (bytes[from] != '{') {
            problems.skip(line, ScanProblem.MALFORMED_RECORD, "not a JSON object (starts with " + describe(bytes[from]) + "); skipped");
            return;
        }
        int mark = out.size();
        try (JsonParser parser = factory.createParser(bytes, from, to - from)) {
            JsonToken token = parser.nextToken();
            while (token != null) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    problems.skip(line, ScanProblem.MALFORMED_RECORD, "a JSON " + JsonTokens.describe(token) + " follows the object on this line; the rest of the line is skipped");
                    return;
                }
                problems.beginRecord();
                decoder.decode(parser, line, out);
                problems.commitRecord();
                mark = out.size();
                token = parser.nextToken();
            }
        }
        catch (JsonProcessingException e) {
            while (out.size() > mark) {
                out.remove(out.size() - 1);
            }
            problems.discardRecord();
            if (unterminated && e instanceof JsonEOFException) {
                problems.skip(line, ScanProblem.TRUNCATED, "the input ends inside a record (" + JsonTokens.message(e) + "); records before it are kept");
            }
            else {
                problems.skip(line, ScanProblem.MALFORMED_RECORD, JsonTokens.describe(e, from - start) + "; skipped");
            }
        }
    }

    /** Skips blanks, a UTF-8 byte order mark on the first line, and array punctuation before a record. */
    private static int skipLeading(byte[] bytes, int from, int to, boolean firstLine)
    {
        int i = from;
        if (firstLine && to - i >= BOM.length && bytes[i] == BOM[0] && bytes[i + 1] == BOM[1] && bytes[i + 2] == BOM[2]) {
            i += BOM.length;
        }
        while (i < to && (ScanValues.isBlankByte(bytes[i]) || bytes[i] == '[' || bytes[i] == ',' || isLoneClose(bytes, i, to))) {
            i++;
        }
        return i;
    }

    /** A ']' with nothing but blanks and commas after it: the end of an array written one element per line. */
    private static boolean isLoneClose(byte[] bytes, int at, int to)
    {
        if (bytes[at] != ']') {
            return false;
        }
        for (int i = at + 1; i < to; i++) {
            if (!ScanValues.isBlankByte(bytes[i]) && bytes[i] != ',' && bytes[i] != ']') {
                return false;
            }
        }
        return true;
    }

    /** Drops blanks and commas after a record, and the ']' that closes an array right after its last object. */
    private static int trimTrailing(byte[] bytes, int from, int to)
    {
        int end = to;
        while (end > from) {
            byte b = bytes[end - 1];
            if (ScanValues.isBlankByte(b) || b == ',') {
                end--;
            }
            else if (b == ']' && precededByObjectEnd(bytes, from, end - 1)) {
                end--;
            }
            else {
                break;
            }
        }
        return end;
    }

    private static boolean precededByObjectEnd(byte[] bytes, int from, int at)
    {
        int i = at - 1;
        while (i >= from && ScanValues.isBlankByte(bytes[i])) {
            i--;
        }
        return i >= from && bytes[i] == '}';
    }

    private static String describe(byte b)
    {
        if (b >= 0x21 && b < 0x7f) {
            return "'" + (char) b + "'";
        }
        return String.format("byte 0x%02x", b & 0xff);
    }
}
