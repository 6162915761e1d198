package dev.tradecraft.readers;

/** What went wrong while reading, as a code the hunt summary can count. */
public enum ProblemKind
{
    /** The content matches no known format; the file is not read. */
    UNKNOWN_FORMAT,
    /** Binary content (NUL bytes, an archive); the file is not read. */
    BINARY_FILE,
    /** Nothing to read: no bytes, or blank lines only. */
    EMPTY_FILE,
    /** A text line that cannot be an event (wrong number of values, too long, unknown directive); skipped. */
    MALFORMED_LINE,
    /** Data lines came before any {@code #Fields} directive, so the IIS default field set was assumed; lines are read. */
    MISSING_FIELDS_DIRECTIVE,
    /** A JSON object that cannot be parsed, or text outside any object; skipped. */
    MALFORMED_JSON,
    /** A time that cannot be parsed; the event is kept without a time. */
    BAD_TIMESTAMP,
    /** A stored checksum (EVTX file header, chunk header or chunk records) does not match; the data is read anyway. */
    BAD_CHECKSUM,
    /** An EVTX chunk without its signature, or all zeros where the header counts one; its records are looked for one by one. */
    DAMAGED_CHUNK,
    /** An EVTX record whose size, signature or Binary XML is wrong; skipped, the next one read. */
    DAMAGED_RECORD,
    /** The input ends inside a record or a compressed stream; what came before is kept. */
    TRUNCATED,
    /** The file or its compressed stream cannot be read. */
    IO_ERROR
}
