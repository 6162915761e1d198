package dev.tradecraft.campaigns.graph;

import java.util.List;

/**
 * Intrusions that carry exactly the same weighted artefacts, each marked whether it was used while
 * public: the graph cannot tell them apart, so they are one node whose weight is their number.
 * Clustering the aggregated graph with CPM gives the same quality as clustering the intrusions.
 *
 * @param index position in the graph
 * @param features sorted feature ids (artefact id × 2, + 1 when used while public)
 * @param intrusions indexes of the intrusions in the analysis
 */
record Profile(int index, int[] features, List<Integer> intrusions)
{
    Profile
    {
        intrusions = List.copyOf(intrusions);
    }

    int size()
    {
        return intrusions.size();
    }
}
