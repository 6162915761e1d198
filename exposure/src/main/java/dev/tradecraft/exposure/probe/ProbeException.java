package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import dev.tradecraft.core.PrintableText;

/** A scope that cannot be used: unreadable, without an authorisation, or without any target. */
public final class ProbeException extends Exception
{
    private final Path file;

    public ProbeException(Path file, String message)
    {
        super(PrintableText.of(requireNonNull(message, "message is null"), 1000));
        this.file = requireNonNull(file, "file is null");
    }

    public ProbeException(Path file, String message, Throwable cause)
    {
        super(PrintableText.of(requireNonNull(message, "message is null"), 1000), cause);
        this.file = requireNonNull(file, "file is null");
    }

    /** The scope file. */
    public Path file()
    {
        return file;
    }
}
