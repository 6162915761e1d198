package dev.tradecraft.server.web;

/** A campaign or organisation the workspace does not have: answered 404. */
final class Missing extends RuntimeException
{
    Missing(String message)
    {
        super(message, null, false, false);
    }
}
