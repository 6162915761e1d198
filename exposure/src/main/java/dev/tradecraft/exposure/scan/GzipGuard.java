package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Turns a damaged gzip stream into an early end of input and remembers the damage, so a truncated
 * or corrupt {@code .gz} keeps every record decoded before it. The damage is reported by the reader
 * when it reaches the end: readers read ahead, so a report made here would come before banners that
 * precede the damage.
 */
final class GzipGuard extends FilterInputStream
{
    private IOException failure;

    GzipGuard(InputStream decompressed)
    {
        super(requireNonNull(decompressed, "decompressed is null"));
    }

    /** A guard for a gzip stream whose header could not even be read; it only closes {@code raw}. */
    static GzipGuard failed(InputStream raw, IOException failure)
    {
        GzipGuard guard = new GzipGuard(raw);
        guard.failure = failure;
        return guard;
    }

    /** The damage met so far, if any. */
    IOException failure()
    {
        return failure;
    }

    @Override
    public int read() throws IOException
    {
        if (failure != null) {
            return -1;
        }
        try {
            return in.read();
        }
        catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException
    {
        if (failure != null) {
            return -1;
        }
        try {
            return in.read(buffer, offset, length);
        }
        catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public long skip(long count) throws IOException
    {
        // Through read(), so damage met while skipping is handled the same way.
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(count, 1))];
        long skipped = 0;
        while (skipped < count) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException
    {
        if (failure != null) {
            return 0;
        }
        try {
            return in.available();
        }
        catch (IOException e) {
            return 0;
        }
    }

    @Override
    public boolean markSupported()
    {
        return false;
    }
}
