package dev.tradecraft.readers.evtx;

import java.io.IOException;

/** The input is not an EVTX file at all (no signature, or it ends inside the header). */
public final class EvtxFormatException extends IOException
{
    private static final long serialVersionUID = 1L;

    public EvtxFormatException(String message)
    {
        super(message);
    }
}
