package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.evtx.EvtxFormatException;
import dev.tradecraft.readers.evtx.EvtxReader;
import dev.tradecraft.readers.iis.W3cReader;
import dev.tradecraft.readers.json.WindowsJsonReader;

/**
 * Entry point of the module: finds a file's format by its content and opens a streaming reader
 * for it. Gzip files are decompressed on the fly and their content sniffed; no file is ever loaded
 * whole. The sniffing order is documented on {@code Sniffer}: damaged gzip, empty, EVTX magic,
 * archives, binary content, blank, IIS W3C directives, JSON.
 */
public final class Readers
{
    private Readers() {}

    /** Says what format the file holds and why, without reading past its first 64 KiB. */
    public static Sniffed sniff(Path file) throws IOException
    {
        requireNonNull(file, "file is null");
        try (ContentInput input = ContentInput.open(file)) {
            return Sniffer.sniff(input).toSniffed(input.compressed());
        }
    }

    /**
     * Opens a reader for the file's format.
     *
     * @param displayName the name positions print, e.g. {@code contoso/web01/u_ex250718.log}
     * @param origin stamped on every event
     * @param problems receives every per-line or per-record problem; reading goes on after each
     * @throws ReaderException when the file cannot be read as any format (kind {@code UNKNOWN_FORMAT},
     *         {@code BINARY_FILE}, {@code EMPTY_FILE} or {@code IO_ERROR}), positioned at offset 0
     */
    public static EventReader open(Path file, String displayName, Origin origin, ProblemSink problems)
            throws ReaderException
    {
        requireNonNull(file, "file is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(problems, "problems is null");
        ContentInput input;
        try {
            input = ContentInput.open(file);
        }
        catch (IOException e) {
            throw new ReaderException(fileProblem(displayName, ProblemKind.IO_ERROR, "cannot read: " + describe(e)), e);
        }
        boolean success = false;
        try {
            SniffOutcome outcome = Sniffer.sniff(input);
            if (outcome.format().isEmpty()) {
                throw new ReaderException(fileProblem(displayName, outcome.failure(), outcome.reason()));
            }
            EventReader reader = switch (outcome.format().get()) {
                case IIS_W3C -> new W3cReader(text(input, outcome), displayName, origin, problems);
                case WINDOWS_JSON -> new WindowsJsonReader(text(input, outcome), displayName, origin, problems);
                case EVTX -> openEvtx(input, displayName, origin, problems);
            };
            success = true;
            return input.compressed() ? new GzipEventReader(reader, input, displayName, problems) : reader;
        }
        finally {
            if (!success) {
                closeQuietly(input);
            }
        }
    }

    /**
     * How many 64 KiB chunks a plain (uncompressed) EVTX file holds by its size, a last partial one
     * included; 0 when the file is not one. Chunks decode independently, so a caller can split a
     * large log among workers with {@link #openEvtxChunks}.
     */
    public static long evtxChunkCount(Path file) throws IOException
    {
        return EvtxReader.chunkCount(file);
    }

    /**
     * Opens the chunks {@code [firstChunk, firstChunk + chunkCount)} of a plain EVTX file: one
     * worker's part of a large log. Positions and problems are those of the whole file; the file
     * header's problems are reported by the part that starts at chunk 0.
     */
    public static EventReader openEvtxChunks(Path file, String displayName, Origin origin, ProblemSink problems, long firstChunk,
            long chunkCount) throws ReaderException
    {
        requireNonNull(file, "file is null");
        InputStream in = null;
        try {
            // No buffer: the reader takes whole 64 KiB chunks, and skips to its first without reading.
            in = Files.newInputStream(file);
            return EvtxReader.chunks(in, displayName, origin, problems, firstChunk, chunkCount);
        }
        catch (IOException e) {
            if (in != null) {
                try {
                    in.close();
                }
                catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            ProblemKind kind = e instanceof EvtxFormatException ? ProblemKind.TRUNCATED : ProblemKind.IO_ERROR;
            throw new ReaderException(fileProblem(displayName, kind, describe(e)), e);
        }
    }

    private static Reader text(ContentInput input, SniffOutcome outcome)
    {
        return new InputStreamReader(input.content(), outcome.charset());
    }

    private static EventReader openEvtx(ContentInput input, String displayName, Origin origin, ProblemSink problems)
            throws ReaderException
    {
        try {
            return new EvtxReader(input.content(), displayName, origin, problems);
        }
        catch (EvtxFormatException e) {
            throw new ReaderException(fileProblem(displayName, ProblemKind.TRUNCATED, e.getMessage()), e);
        }
        catch (IOException e) {
            throw new ReaderException(fileProblem(displayName, ProblemKind.IO_ERROR, "cannot read: " + describe(e)), e);
        }
    }

    private static ReadProblem fileProblem(String displayName, ProblemKind kind, String message)
    {
        return new ReadProblem(SourcePosition.offset(displayName, 0), kind, message);
    }

    private static String describe(IOException e)
    {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private static void closeQuietly(ContentInput input)
    {
        try {
            input.close();
        }
        catch (IOException e) {
            // The open already failed with a clearer reason; a close failure adds nothing.
        }
    }
}
