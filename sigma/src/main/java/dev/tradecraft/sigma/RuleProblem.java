package dev.tradecraft.sigma;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A rule that could not be used, and why. Prints as {@code file:line: KIND: message}, or
 * {@code file: KIND: message} when the line is unknown (0).
 *
 * @param source file or resource name
 * @param line 1-based line, 0 when unknown
 * @param message names the rule (title and id) when known, and the exact reason
 * @param documentLine the line where the rule's document starts: a rule with several problems
 *        reports each at its own line, all with the same document line, so rules can be counted
 */
public record RuleProblem(String source, int line, RuleProblemKind kind, String message, int documentLine)
{
    public RuleProblem
    {
        requireNonNull(source, "source is null");
        checkArgument(line >= 0, "line is negative: %s", line);
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
        checkArgument(documentLine >= 0, "documentLine is negative: %s", documentLine);
    }

    /** A problem that concerns a whole document or file, found at its start. */
    public RuleProblem(String source, int line, RuleProblemKind kind, String message)
    {
        this(source, line, kind, message, line);
    }

    @Override
    public String toString()
    {
        return source + (line > 0 ? ":" + line : "") + ": " + kind + ": " + message;
    }
}
