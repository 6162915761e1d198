package dev.tradecraft.sigma.modifier;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.sigma.RuleProblemKind;

/** A modifier chain or value the rule cannot use, with the problem kind to report. Immutable. */
public final class ModifierException
        extends Exception
{
    private final RuleProblemKind kind;

    public ModifierException(RuleProblemKind kind, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.kind = requireNonNull(kind, "kind is null");
    }

    public RuleProblemKind kind()
    {
        return kind;
    }
}
