package dev.tradecraft.exposure.vuln;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.SourcePosition;

/**
 * One problem met while loading vulnerability data: where (file and line), what kind, and a
 * sentence saying what was skipped. Loading never stops at a problem; it reports and goes on.
 */
public record VulnProblem(SourcePosition position, VulnProblemKind kind, String message)
{
    public VulnProblem
    {
        requireNonNull(position, "position is null");
        requireNonNull(kind, "kind is null");
        checkNotBlank(message, "message");
    }

    @Override
    public String toString()
    {
        return position + ": " + kind + " " + message;
    }
}
