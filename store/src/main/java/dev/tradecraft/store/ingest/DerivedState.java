package dev.tradecraft.store.ingest;

import java.util.List;

import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.Sighting;

/**
 * What is computed from all hits and exposures in the workspace, and replaced as a whole whenever
 * they change: the organisations' verdicts, the campaigns with their intrusions and sightings, the
 * reconnaissance kept out of campaigns, and which scanned servers belong to hunted organisations.
 */
public record DerivedState(List<OrganisationRecord> organisations, List<Campaign> campaigns, List<Sighting> reconnaissance,
        List<ExposureMatch> exposureMatches)
{
    public DerivedState
    {
        organisations = List.copyOf(organisations);
        campaigns = List.copyOf(campaigns);
        reconnaissance = List.copyOf(reconnaissance);
        exposureMatches = List.copyOf(exposureMatches);
    }
}
