package dev.tradecraft.sigma.condition;

import static dev.tradecraft.core.Checks.checkNotBlank;

/** A search identifier of the rule's detection, by name. */
public record Ref(String name)
        implements Condition
{
    public Ref
    {
        checkNotBlank(name, "name");
    }

    @Override
    public String toString()
    {
        return name;
    }
}
