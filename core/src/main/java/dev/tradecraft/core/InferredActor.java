package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;

import java.util.List;

/**
 * An actor a campaign's evidence points to: the intrusions whose infrastructure and tradecraft tie
 * them to each other strongly. Named by Tradecraft (no claim about who it is in the world).
 *
 * @param name stable name, e.g. {@code TC-ACTOR-1}
 * @param intrusionIds the intrusions attributed to it
 */
public record InferredActor(String name, List<String> intrusionIds)
{
    public InferredActor
    {
        checkNotBlank(name, "name");
        intrusionIds = List.copyOf(intrusionIds);
        checkArgument(!intrusionIds.isEmpty(), "actor %s has no intrusion", name);
    }
}
