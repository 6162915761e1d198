package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;

/** Turns one JSON record of a scan format into banners, one per service it describes. */
interface JsonRecordDecoder
{
    /**
     * Reads the record the parser is on, from its {@code START_OBJECT} through its {@code END_OBJECT},
     * and adds a banner per usable service. Values that cannot be used are reported to the reader's
     * problems; a syntax error is thrown and costs the whole record.
     *
     * @param line the line every banner of the record is at (records read line by line), or
     *        {@link #PARSER_LINES} to take lines from the parser (a stream of pretty-printed records)
     */
    void decode(JsonParser parser, long line, List<Banner> out) throws IOException;

    /** Lines come from the parser's token locations. */
    long PARSER_LINES = 0;

    /** The line of the token the parser is on, in the sense of {@code line} above. */
    static long lineOf(JsonParser parser, long line)
    {
        // Jackson counts a lone CR as a line break; lines of a line-by-line read count LF only.
        return line != PARSER_LINES ? line : parser.currentTokenLocation().getLineNr();
    }

    /** Whether a line that is not JSON is a known harmless marker of the format (masscan's {@code {finished: 1}}). */
    default boolean ignorable(byte[] line, int from, int to)
    {
        return false;
    }
}
