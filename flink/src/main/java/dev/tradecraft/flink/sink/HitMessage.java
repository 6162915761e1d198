package dev.tradecraft.flink.sink;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * One hit on its way to the hits topic: its organisation, which keys the topic so one
 * organisation's hits stay in order in one partition, and the hit as {@code tradecraft hunt --out}
 * writes it ({@code dev.tradecraft.hunt.output.HitJson}), so the same tools read both.
 *
 * @param organisation the hit's organisation
 * @param json the hit, one line of hit JSON
 */
public record HitMessage(String organisation, String json)
{
    public HitMessage
    {
        checkNotBlank(organisation, "organisation");
        checkNotBlank(json, "json");
    }
}
