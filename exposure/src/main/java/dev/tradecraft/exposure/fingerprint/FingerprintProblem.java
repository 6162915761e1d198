package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;

/**
 * One problem met while loading a Recog database, with the file and line it was met at. Prints as
 * {@code file:line: KIND: message}. Loading goes on after every problem; the kind says what was
 * skipped.
 */
public record FingerprintProblem(SourcePosition position, Kind kind, String message)
{
    static final int MAX_MESSAGE_LENGTH = PrintableText.MESSAGE_LENGTH;

    /** What went wrong, as a code a summary can count. */
    public enum Kind
    {
        /** The file or folder cannot be read; nothing of it is loaded. */
        IO_ERROR,
        /** The file is not well-formed XML; nothing of it is loaded, as Recog refuses it. */
        BAD_XML,
        /**
         * The document is not a Recog database (wrong root element; nothing loaded), or part of it is
         * not (unknown element, skipped; bad preference, default used; duplicate matches key).
         */
        BAD_DATABASE,
        /** A fingerprint has no pattern, or the pattern compiles in no engine; the fingerprint is skipped. */
        BAD_PATTERN,
        /** A flag Recog does not define; the fingerprint is skipped, as Recog refuses it. */
        UNSUPPORTED_FLAG,
        /** A param Recog's verifier rejects (no name, bad position, no capture group, unknown interpolation); kept as Recog reads it where Recog can. */
        BAD_PARAM,
        /** An example that cannot be read (unknown encoding, illegal or missing file); it is kept and marked skipped. */
        BAD_EXAMPLE
    }

    public FingerprintProblem
    {
        requireNonNull(position, "position is null");
        requireNonNull(kind, "kind is null");
        message = PrintableText.of(requireNonNull(message, "message is null"), MAX_MESSAGE_LENGTH);
    }

    @Override
    public String toString()
    {
        return position + ": " + kind + ": " + message;
    }
}
