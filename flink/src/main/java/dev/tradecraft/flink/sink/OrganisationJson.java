package dev.tradecraft.flink.sink;

import static dev.tradecraft.core.Checks.checkNotBlank;

/**
 * One result on its way to an output topic: its organisation, which keys the topic so one
 * organisation's results stay in order in one partition, and the result as one line of JSON — a
 * hit as {@code tradecraft hunt --out} writes it ({@code dev.tradecraft.hunt.output.HitJson}), or a
 * sighting ({@code dev.tradecraft.campaigns.output.SightingJson}), so the same tools read both.
 *
 * @param organisation the result's organisation
 * @param json the result, one line of JSON
 */
public record OrganisationJson(String organisation, String json)
{
    public OrganisationJson
    {
        checkNotBlank(organisation, "organisation");
        checkNotBlank(json, "json");
    }
}
