package dev.tradecraft.readers;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.PrintableText;
import dev.tradecraft.core.SourcePosition;

/**
 * One problem met while reading, with the place it was met. Prints as {@code file:line: KIND: message}.
 *
 * <p>Messages often quote input, which is attacker-controlled and ends up on terminals and in
 * reports, so control characters are replaced and the message is cut to a bounded length here, once.
 */
public record ReadProblem(SourcePosition position, ProblemKind kind, String message)
{
    static final int MAX_MESSAGE_LENGTH = PrintableText.MESSAGE_LENGTH;

    public ReadProblem
    {
        requireNonNull(position, "position is null");
        requireNonNull(kind, "kind is null");
        message = PrintableText.of(requireNonNull(message, "message is null"), MAX_MESSAGE_LENGTH);
    }

    @Override
    public String toString()
    {
        return position + ": " + kind + ": " + message;
    }
}
