package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Reads JSON records that are not one per line: a top-level array of records, a single
 * pretty-printed record, or several in a row, with one parser over the whole stream. Records are
 * read one at a time; nothing else is held.
 *
 * <p>JSON offers no place to resume after a syntax error inside such text, so the first error ends
 * the reading: it is reported with its line, and every record before it is kept.
 */
final class JsonStreamReader extends QueuedBannerReader
{
    private final JsonParser parser;
    private final JsonRecordDecoder decoder;
    private boolean inArray;
    private boolean ended;

    JsonStreamReader(ScanInput input, ScanFormat format, ProblemReporter problems, JsonRecordDecoder decoder) throws IOException
    {
        super(input, format, problems);
        this.decoder = requireNonNull(decoder, "decoder is null");
        this.parser = JsonFactories.STRICT.createParser(input.content());
    }

    @Override
    protected boolean fill() throws IOException
    {
        while (!ended) {
            int mark = pending.size();
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    ended = true;
                    return false;
                }
                if (token == JsonToken.START_ARRAY && !inArray) {
                    inArray = true;
                    continue;
                }
                if (token == JsonToken.END_ARRAY && inArray) {
                    inArray = false;
                    continue;
                }
                if (token != JsonToken.START_OBJECT) {
                    long line = parser.currentTokenLocation().getLineNr();
                    parser.skipChildren();
                    problems.skip(line, ScanProblem.MALFORMED_RECORD, "a JSON " + JsonTokens.describe(token) + " where a record object belongs; skipped");
                    continue;
                }
                problems.beginRecord();
                decoder.decode(parser, JsonRecordDecoder.PARSER_LINES, pending);
                problems.commitRecord();
                if (!pending.isEmpty()) {
                    return true;
                }
            }
            catch (JsonProcessingException e) {
                truncatePending(mark);
                problems.discardRecord();
                ended = true;
                fail(e);
                return !pending.isEmpty();
            }
        }
        return false;
    }

    private void fail(JsonProcessingException e)
    {
        JsonLocation location = e.getLocation();
        long line = location != null && location.getLineNr() > 0 ? location.getLineNr() : Math.max(1, parser.currentLocation().getLineNr());
        if (input.damaged()) {
            // The gzip damage cut the record; the damage report at the end says so.
            problems.countSkipped();
            return;
        }
        if (e instanceof JsonEOFException) {
            problems.skip(line, ScanProblem.TRUNCATED, "the input ends inside a record (" + JsonTokens.message(e) + "); records before it are kept");
            return;
        }
        String where = location != null && location.getColumnNr() > 0 ? " at column " + location.getColumnNr() : "";
        problems.skip(line, ScanProblem.MALFORMED_RECORD, "not valid JSON" + where + ": " + JsonTokens.message(e)
                + "; records before it are kept, nothing after it can be read");
    }

    @Override
    protected long lastLine()
    {
        return Math.max(1, parser.currentLocation().getLineNr());
    }

    @Override
    public void close() throws IOException
    {
        try {
            parser.close();
        }
        finally {
            super.close();
        }
    }
}
