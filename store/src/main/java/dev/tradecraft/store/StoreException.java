package dev.tradecraft.store;

/** A workspace that cannot be opened, migrated, written or queried, with what was being done. */
public final class StoreException extends Exception
{
    public StoreException(String message)
    {
        super(message);
    }

    public StoreException(String message, Throwable cause)
    {
        super(message + ": " + cause.getMessage(), cause);
    }
}
