package dev.tradecraft.store.read;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An organisation with what a responder needs: the evidence for its verdict, its hits (the first
 * ones in time order, with the total), its scanned servers, and the campaigns it is part of with
 * their artefacts (the indicators to block).
 *
 * @param hitCount all hits of the organisation; {@code hits} may hold fewer
 */
public record OrganisationDetail(OrganisationSummary summary, List<String> evidence, long hitCount, List<HitRow> hits, List<ExposureRow> servers,
        List<CampaignDetail> campaigns)
{
    public OrganisationDetail
    {
        requireNonNull(summary, "summary is null");
        evidence = List.copyOf(evidence);
        hits = List.copyOf(hits);
        servers = List.copyOf(servers);
        campaigns = List.copyOf(campaigns);
    }
}
