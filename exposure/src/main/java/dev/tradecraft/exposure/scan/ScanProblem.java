package dev.tradecraft.exposure.scan;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;

/**
 * One problem met while reading scan data, with the place it was met. Prints as
 * {@code file:line: KIND: message}; the kinds are the constants of this class.
 *
 * <p>Messages often quote scan data, which strangers wrote and which ends up on terminals and in
 * reports, so control characters are replaced and the message is cut to a bounded length here, once.
 */
public record ScanProblem(SourcePosition position, String kind, String message)
{
    /** A record that is not valid JSON or XML, or not an object where a record belongs; skipped. */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";
    /** A record or service without the address or port a banner needs; skipped. */
    public static final String MISSING_FIELD = "MISSING_FIELD";
    /** A value that cannot be used (a port out of range skips the service; a bad time, ASN or country is dropped and the banner kept). */
    public static final String BAD_VALUE = "BAD_VALUE";
    /** A line or record beyond the size limit; skipped. */
    public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";
    /** The input ends inside a record or a compressed stream; what came before is kept. */
    public static final String TRUNCATED = "TRUNCATED";
    /** XML that declares entities or a DTD; nothing in it is expanded or fetched. */
    public static final String UNSAFE_XML = "UNSAFE_XML";
    /** The content matches no scan format; the file is not read. */
    public static final String UNKNOWN_FORMAT = "UNKNOWN_FORMAT";
    /** Binary content; the file is not read. */
    public static final String BINARY_FILE = "BINARY_FILE";
    /** Nothing to read: no bytes, or blank lines only. */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** The file or its compressed stream cannot be read. */
    public static final String IO_ERROR = "IO_ERROR";

    static final int MAX_MESSAGE_LENGTH = PrintableText.MESSAGE_LENGTH;

    public ScanProblem
    {
        requireNonNull(position, "position is null");
        checkNotBlank(kind, "kind");
        message = PrintableText.of(requireNonNull(message, "message is null"), MAX_MESSAGE_LENGTH);
    }

    @Override
    public String toString()
    {
        return position + ": " + kind + ": " + message;
    }
}
