package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;

/** A scope file line that was skipped, and why. Prints as {@code file:line: message}. */
public record ScopeProblem(SourcePosition position, String message)
{
    public ScopeProblem
    {
        requireNonNull(position, "position is null");
        message = PrintableText.of(requireNonNull(message, "message is null"), PrintableText.MESSAGE_LENGTH);
    }

    @Override
    public String toString()
    {
        return position + ": " + message;
    }
}
