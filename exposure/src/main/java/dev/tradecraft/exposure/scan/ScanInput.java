package dev.tradecraft.exposure.scan;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.tradecraft.core.SourcePosition;

/**
 * An opened scan file, decompressed when it is gzip (found by its magic bytes, not its name), with
 * its first bytes read for sniffing and the stream rewound to the start of the content, so sniffing
 * and reading decompress only once.
 */
final class ScanInput implements Closeable
{
    static final int PREFIX_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream content;
    private final GzipGuard guard;
    private final byte[] prefix;
    private final int prefixLength;

    private ScanInput(InputStream content, GzipGuard guard, byte[] prefix, int prefixLength)
    {
        this.content = content;
        this.guard = guard;
        this.prefix = prefix;
        this.prefixLength = prefixLength;
    }

    static ScanInput open(Path file) throws IOException
    {
        InputStream fileStream = Files.newInputStream(file);
        boolean success = false;
        try {
            BufferedInputStream raw = new BufferedInputStream(fileStream, BUFFER_BYTES);
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            InputStream content = raw;
            GzipGuard guard = null;
            if (first == 0x1f && second == 0x8b) {
                guard = openGzip(raw);
                content = new BufferedInputStream(guard, BUFFER_BYTES);
            }
            content.mark(PREFIX_BYTES + 1);
            byte[] prefix = new byte[PREFIX_BYTES];
            int length = content.readNBytes(prefix, 0, PREFIX_BYTES);
            content.reset();
            success = true;
            return new ScanInput(content, guard, prefix, length);
        }
        finally {
            if (!success) {
                fileStream.close();
            }
        }
    }

    private static GzipGuard openGzip(InputStream raw) throws IOException
    {
        try {
            return new GzipGuard(new GZIPInputStream(raw, BUFFER_BYTES));
        }
        catch (EOFException | ZipException e) {
            return GzipGuard.failed(raw, e);
        }
    }

    /** The content from its first byte, decompressed when the file is gzip. */
    InputStream content()
    {
        return content;
    }

    boolean compressed()
    {
        return guard != null;
    }

    byte[] prefix()
    {
        return prefix;
    }

    int prefixLength()
    {
        return prefixLength;
    }

    /** True once the gzip stream was found damaged; what was decoded before stays valid. */
    boolean damaged()
    {
        return guard != null && guard.failure() != null;
    }

    /** Damage met in the gzip stream so far, as a problem at the given place. */
    Optional<ScanProblem> damage(SourcePosition position)
    {
        if (!damaged()) {
            return Optional.empty();
        }
        IOException failure = guard.failure();
        if (failure instanceof EOFException) {
            return Optional.of(new ScanProblem(position, ScanProblem.TRUNCATED,
                    "gzip stream ends early (" + failure.getMessage() + "); what came before is kept, nothing after can be read"));
        }
        return Optional.of(new ScanProblem(position, ScanProblem.IO_ERROR,
                "gzip data is corrupt (" + failure.getMessage() + "); what came before is kept, nothing after can be read"));
    }

    @Override
    public void close() throws IOException
    {
        content.close();
    }
}
