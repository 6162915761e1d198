package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A campaign with its victims, the artefacts they share and its timeline.
 *
 * @param summary the campaign
 * @param victims its intrusions in order of first activity
 * @param artefacts every artefact seen in it, most widely shared first
 * @param timeline its sightings in time order (untimed last)
 */
public record CampaignDetail(CampaignSummary summary, List<CampaignVictim> victims, List<SharedArtefact> artefacts, List<TimelineEntry> timeline)
{
    public CampaignDetail
    {
        requireNonNull(summary, "summary is null");
        victims = List.copyOf(victims);
        artefacts = List.copyOf(artefacts);
        timeline = List.copyOf(timeline);
    }
}
