package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipException;

import dev.tradecraft.core.SourcePosition;

/**
 * Turns a damaged compressed stream into an early end of input, remembering the damage and where
 * it was met, so a truncated or corrupt {@code .gz} keeps every event decoded before it. The damage
 * is reported by whoever reaches the end (see {@link GzipEventReader}): readers read ahead, so a
 * report made here would come before events that precede the damage.
 */
final class DecompressionGuard extends FilterInputStream
{
    private long delivered;
    private IOException failure;

    DecompressionGuard(InputStream decompressed)
    {
        super(requireNonNull(decompressed, "decompressed is null"));
    }

    /** A guard for a compressed stream whose header could not even be read; it only closes {@code raw}. */
    static DecompressionGuard failed(InputStream raw, IOException failure)
    {
        DecompressionGuard guard = new DecompressionGuard(raw);
        guard.failure = failure;
        return guard;
    }

    Optional<IOException> failure()
    {
        return Optional.ofNullable(failure);
    }

    /** The damage as a problem positioned at the decompressed offset where it was met, if any. */
    Optional<ReadProblem> damage(String displayName)
    {
        if (failure == null) {
            return Optional.empty();
        }
        SourcePosition position = SourcePosition.offset(displayName, delivered);
        if (failure instanceof EOFException) {
            return Optional.of(new ReadProblem(position, ProblemKind.TRUNCATED,
                    "gzip stream ends early (" + failure.getMessage() + "); nothing after this point can be read"));
        }
        return Optional.of(new ReadProblem(position, ProblemKind.IO_ERROR,
                "gzip data is corrupt (" + failure.getMessage() + "); nothing after this point can be read"));
    }

    @Override
    public int read() throws IOException
    {
        if (failure != null) {
            return -1;
        }
        try {
            int value = in.read();
            if (value >= 0) {
                delivered++;
            }
            return value;
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
            int count = in.read(buffer, offset, length);
            if (count > 0) {
                delivered += count;
            }
            return count;
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
