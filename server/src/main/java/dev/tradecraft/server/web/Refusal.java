package dev.tradecraft.server.web;

/** A request without the right token: answered 401, as JSON for the API and as a page otherwise. */
final class Refusal extends RuntimeException
{
    Refusal(String message)
    {
        super(message, null, false, false);
    }
}
