package dev.tradecraft.exposure.scan;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;

/** Reads JSON records one line at a time, in the calling thread; see {@link JsonLineDecoder} for what a line may hold. */
final class JsonLinesReader extends QueuedBannerReader
{
    private final LineSource lines;
    private final JsonLineDecoder decoder;

    JsonLinesReader(ScanInput input, ScanFormat format, ProblemReporter problems, JsonFactory factory, JsonRecordDecoder decoder)
    {
        super(input, format, problems);
        this.lines = new LineSource(input.content(), problems);
        this.decoder = new JsonLineDecoder(factory, decoder, problems);
    }

    @Override
    protected boolean fill() throws IOException
    {
        while (lines.next()) {
            decoder.decode(lines.buffer(), lines.start(), lines.end(), lines.number(), !lines.terminated(), !lines.terminated() && input.damaged(), pending);
            if (!pending.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected long lastLine()
    {
        return Math.max(1, lines.number());
    }
}
