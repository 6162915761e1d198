package dev.tradecraft.readers;

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

/**
 * An opened file, decompressed when it is gzip, with its first bytes read for sniffing and the
 * stream rewound to the start of the content, so sniffing and reading decompress only once.
 */
final class ContentInput implements Closeable
{
    static final int PREFIX_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream content;
    private final DecompressionGuard guard;
    private final byte[] prefix;
    private final int prefixLength;
    private final boolean wholeContent;

    private ContentInput(InputStream content, DecompressionGuard guard, byte[] prefix, int prefixLength, boolean wholeContent)
    {
        this.content = content;
        this.guard = guard;
        this.prefix = prefix;
        this.prefixLength = prefixLength;
        this.wholeContent = wholeContent;
    }

    static ContentInput open(Path file) throws IOException
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
            DecompressionGuard guard = null;
            if (first == 0x1f && second == 0x8b) {
                guard = openGzip(raw);
                content = new BufferedInputStream(guard, BUFFER_BYTES);
            }
            content.mark(PREFIX_BYTES + 1);
            byte[] prefix = new byte[PREFIX_BYTES];
            int length = content.readNBytes(prefix, 0, PREFIX_BYTES);
            boolean whole = length < PREFIX_BYTES || content.read() < 0;
            content.reset();
            success = true;
            return new ContentInput(content, guard, prefix, length, whole);
        }
        finally {
            if (!success) {
                fileStream.close();
            }
        }
    }

    private static DecompressionGuard openGzip(InputStream raw) throws IOException
    {
        try {
            return new DecompressionGuard(new GZIPInputStream(raw, BUFFER_BYTES));
        }
        catch (EOFException | ZipException e) {
            return DecompressionGuard.failed(raw, e);
        }
    }

    /** The content from its first byte (decompressed when the file is gzip). */
    InputStream content()
    {
        return content;
    }

    boolean compressed()
    {
        return guard != null;
    }

    Optional<IOException> decompressionFailure()
    {
        return guard == null ? Optional.empty() : guard.failure();
    }

    /** Damage met in the compressed stream so far, as a problem. */
    Optional<ReadProblem> decompressionDamage(String displayName)
    {
        return guard == null ? Optional.empty() : guard.damage(displayName);
    }

    byte[] prefix()
    {
        return prefix;
    }

    int prefixLength()
    {
        return prefixLength;
    }

    /** True when the prefix holds the whole content. */
    boolean wholeContent()
    {
        return wholeContent;
    }

    @Override
    public void close() throws IOException
    {
        content.close();
    }
}
