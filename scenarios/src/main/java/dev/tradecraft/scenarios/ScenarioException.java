package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import dev.tradecraft.core.SourcePosition;

/** A scenario file that cannot be read, with where in it the problem is. */
public final class ScenarioException extends IOException
{
    private final SourcePosition position;

    public ScenarioException(SourcePosition position, String message)
    {
        super(requireNonNull(position, "position is null") + ": " + requireNonNull(message, "message is null"));
        this.position = position;
    }

    public SourcePosition position()
    {
        return position;
    }
}
