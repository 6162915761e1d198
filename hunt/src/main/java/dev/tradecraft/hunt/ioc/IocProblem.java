package dev.tradecraft.hunt.ioc;

import static java.util.Objects.requireNonNull;

/** A feed line that could not be read, with where and why. */
public record IocProblem(String feed, long line, String message)
{
    public IocProblem
    {
        requireNonNull(feed, "feed is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString()
    {
        return feed + ":" + line + ": " + message;
    }
}
