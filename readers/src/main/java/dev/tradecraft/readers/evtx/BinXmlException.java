package dev.tradecraft.readers.evtx;

/**
 * A record's Binary XML cannot be decoded: a token, offset or size that does not fit. Caught per
 * record; the record is reported and skipped, the chunk read on.
 */
final class BinXmlException extends Exception
{
    private static final long serialVersionUID = 1L;

    BinXmlException(String message)
    {
        super(message, null, false, false);
    }
}
