package dev.tradecraft.campaigns;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.Sighting;

/**
 * What campaign analysis found: the campaigns, the reconnaissance kept out of them, and the size
 * of the graph with how the Leiden result compares with the connected-components baseline.
 *
 * @param campaigns campaigns ordered by first activity, ids TC-1, TC-2, …
 * @param reconnaissance scans, webshell checks and refused requests: interest, not intrusion
 * @param sightings sightings considered (after merging those of one event)
 * @param intrusions intrusions built from them
 * @param profiles distinct artefact profiles (graph nodes)
 * @param edges weighted edges between profiles
 * @param baselineClusters number of connected components over corroborated edges
 * @param baselineAgreement normalised mutual information between Leiden and the baseline (1 = same)
 */
public record CampaignAnalysis(List<Campaign> campaigns, List<Sighting> reconnaissance, int sightings, int intrusions, int profiles,
        int edges, int baselineClusters, double baselineAgreement)
{
    public CampaignAnalysis
    {
        campaigns = List.copyOf(requireNonNull(campaigns, "campaigns is null"));
        reconnaissance = List.copyOf(requireNonNull(reconnaissance, "reconnaissance is null"));
    }

    public static CampaignAnalysis empty()
    {
        return new CampaignAnalysis(List.of(), List.of(), 0, 0, 0, 0, 0, 1.0);
    }
}
