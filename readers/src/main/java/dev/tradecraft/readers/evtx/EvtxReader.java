package dev.tradecraft.readers.evtx;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ProblemSink;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.windows.EventTimestamps;
import dev.tradecraft.readers.windows.WindowsChannels;
import dev.tradecraft.readers.windows.WindowsFields;

/**
 * Streams the events of a binary EVTX file, chunk by chunk, in file order. Each record's Binary XML
 * is decoded into a reusable tape and its fields go straight into the event, with the names the
 * JSON reader gives the same record in evtx_dump's shape (see {@link EvtxEventMapper}).
 *
 * <p>Position: {@code file:record N}, N the record's EventRecordID (what Event Viewer shows; the
 * record header's id when the event has none).
 * Time: {@code TimeCreated_SystemTime}; when a record has none, the time its record was written.
 * Damage (bad checksums, chunks without a signature, records that do not decode, a file cut
 * short) is reported to the {@link ProblemSink} with the byte offset, and reading goes on.
 */
public final class EvtxReader implements EventReader
{
    private final InputStream input;
    private final String displayName;
    private final Origin origin;
    private final ProblemSink problems;
    private final EvtxChunkStream chunks;
    private final ChunkDecoder decoder;
    private final EvtxEventMapper mapper = new EvtxEventMapper();
    private final WindowsFields fields = new WindowsFields();
    private final byte[] buffer = new byte[EvtxChunk.SIZE];
    private boolean loaded;
    private Event current;

    /**
     * Reads the file header.
     *
     * @throws EvtxFormatException when the input is not an EVTX file
     */
    public EvtxReader(InputStream input, String displayName, Origin origin, ProblemSink problems) throws IOException
    {
        this(input, displayName, origin, problems, true);
    }

    private EvtxReader(InputStream input, String displayName, Origin origin, ProblemSink problems, boolean reportHeader)
            throws IOException
    {
        this.input = requireNonNull(input, "input is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.origin = requireNonNull(origin, "origin is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.chunks = new EvtxChunkStream(input, displayName, problems, reportHeader);
        this.decoder = new ChunkDecoder();
    }

    /**
     * How many 64 KiB chunks a plain (uncompressed) EVTX file holds by its size, a last partial one
     * included; 0 when the file is not one.
     */
    public static long chunkCount(Path file) throws IOException
    {
        requireNonNull(file, "file is null");
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(EvtxFileHeader.MAGIC.length);
        }
        if (!EvtxFileHeader.hasMagic(magic, magic.length)) {
            return 0;
        }
        long chunkBytes = Files.size(file) - EvtxFileHeader.SIZE;
        return chunkBytes <= 0 ? 0 : (chunkBytes + EvtxChunk.SIZE - 1) / EvtxChunk.SIZE;
    }

    /**
     * A reader of the chunks {@code [firstChunk, firstChunk + chunkCount)} only, so that workers can
     * share one large file; problems of the file header are reported by the part that starts at
     * chunk 0, the end of the file by the part that reaches it.
     *
     * @throws EvtxFormatException when the input is not an EVTX file
     */
    public static EvtxReader chunks(InputStream input, String displayName, Origin origin, ProblemSink problems, long firstChunk,
            long chunkCount) throws IOException
    {
        EvtxReader reader = new EvtxReader(input, displayName, origin, problems, firstChunk == 0);
        reader.chunks.restrict(firstChunk, chunkCount);
        return reader;
    }

    @Override
    public boolean advance() throws IOException
    {
        current = null;
        while (true) {
            if (loaded && decoder.nextRecord()) {
                current = event();
                return true;
            }
            EvtxChunk chunk = chunks.next(buffer);
            if (chunk == null) {
                return false;
            }
            decoder.load(chunk, chunks.expected(chunk), displayName, problems);
            loaded = true;
        }
    }

    @Override
    public Event current()
    {
        checkState(current != null, "no current event: advance() has not returned true");
        return current;
    }

    @Override
    public LogFormat format()
    {
        return LogFormat.EVTX;
    }

    @Override
    public long linesOrRecordsSkipped()
    {
        return decoder.skipped();
    }

    @Override
    public void close() throws IOException
    {
        input.close();
    }

    private Event event()
    {
        fields.clear();
        mapper.map(new RecordXml(decoder.tape(), decoder.data()), fields);
        SourcePosition position = SourcePosition.record(displayName, recordNumber());
        return new Event(origin, position, time(position), WindowsChannels.logsource(fields), fields.toEventFields());
    }

    /**
     * The event's EventRecordID, else the record header's id. They differ in exported files: a
     * record copied into a new log gets a new header id but keeps the EventRecordID Event Viewer shows.
     */
    private long recordNumber()
    {
        String shown = fields.get("EventRecordID");
        if (shown != null && !shown.isEmpty() && shown.length() <= 18 && shown.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(shown);
        }
        return Math.max(0, decoder.recordId());
    }

    private Optional<Instant> time(SourcePosition position)
    {
        String created = fields.get("TimeCreated_SystemTime");
        if (created != null && !created.isBlank()) {
            Instant instant = EventTimestamps.parse(created);
            if (instant != null) {
                return Optional.of(instant);
            }
            problems.report(new ReadProblem(position, ProblemKind.BAD_TIMESTAMP,
                    "TimeCreated_SystemTime '" + created + "' is not a time; the record's written time is used"));
        }
        return Optional.ofNullable(BinXmlValues.instant(decoder.writtenTime()));
    }

}
