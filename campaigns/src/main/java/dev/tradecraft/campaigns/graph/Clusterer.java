package dev.tradecraft.campaigns.graph;

import static dev.tradecraft.core.Checks.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Clusters the profile graph two ways: Leiden with the constant Potts model (CPM), the result used,
 * and connected components over corroborated edges at least as heavy as the resolution, the
 * explainable baseline reported beside it.
 *
 * <p>With CPM the resolution is a density: a group of intrusions stays together when the average
 * weight of the pairs in it is above it. Node weights are profile sizes and an edge between two
 * profiles weighs the sum over their intrusion pairs, so the aggregated graph has the same CPM
 * quality as the graph of intrusions.
 */
public final class Clusterer
{
    public static final double DEFAULT_RESOLUTION = 0.3;
    private static final int ITERATIONS = 10;

    private Clusterer() {}

    /** Cluster number per profile, clusters numbered 0.. by decreasing size. */
    public static int[] leiden(IntrusionGraph graph, double resolution, long seed)
    {
        checkArgument(resolution > 0 && resolution < 1, "resolution must be in (0,1): %s", resolution);
        int nodes = graph.profileCount();
        if (nodes == 0) {
            return new int[0];
        }
        Network network = network(graph);
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, ITERATIONS, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
        Clustering clustering = leiden.findClustering(network);
        clustering.orderClustersByNNodes();
        return clustering.getClusters();
    }

    /** Connected components over corroborated edges of weight at least {@code threshold}. */
    public static int[] components(IntrusionGraph graph, double threshold)
    {
        int nodes = graph.profileCount();
        int[] parent = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        for (IntrusionGraph.Edge edge : graph.edges()) {
            if (edge.corroborated() && edge.weight() >= threshold) {
                union(parent, edge.a(), edge.b());
            }
        }
        int[] cluster = new int[nodes];
        int[] number = new int[nodes];
        java.util.Arrays.fill(number, -1);
        int next = 0;
        for (int i = 0; i < nodes; i++) {
            int root = find(parent, i);
            if (number[root] < 0) {
                number[root] = next++;
            }
            cluster[i] = number[root];
        }
        return cluster;
    }

    private static Network network(IntrusionGraph graph)
    {
        int nodes = graph.profileCount();
        List<List<int[]>> adjacency = new ArrayList<>(nodes);
        List<List<Double>> adjacencyWeights = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            adjacency.add(new ArrayList<>());
            adjacencyWeights.add(new ArrayList<>());
        }
        for (IntrusionGraph.Edge edge : graph.edges()) {
            // Every intrusion pair across the two profiles has this weight.
            double weight = edge.weight() * graph.profileSize(edge.a()) * graph.profileSize(edge.b());
            adjacency.get(edge.a()).add(new int[] {edge.b()});
            adjacencyWeights.get(edge.a()).add(weight);
            adjacency.get(edge.b()).add(new int[] {edge.a()});
            adjacencyWeights.get(edge.b()).add(weight);
        }
        long[] firstNeighbor = new long[nodes + 1];
        long total = 0;
        for (int i = 0; i < nodes; i++) {
            firstNeighbor[i] = total;
            total += adjacency.get(i).size();
        }
        firstNeighbor[nodes] = total;
        int[] neighbors = new int[(int) total];
        double[] weights = new double[(int) total];
        int position = 0;
        for (int i = 0; i < nodes; i++) {
            List<int[]> list = adjacency.get(i);
            Integer[] order = new Integer[list.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(list.get(x)[0], list.get(y)[0]));
            for (int k : order) {
                neighbors[position] = list.get(k)[0];
                weights[position] = adjacencyWeights.get(i).get(k);
                position++;
            }
        }
        double[] nodeWeights = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            nodeWeights[i] = graph.profileSize(i);
        }
        return new Network(nodeWeights, firstNeighbor, new LargeIntArray(neighbors), new LargeDoubleArray(weights), false);
    }

    private static int find(int[] parent, int node)
    {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b)
    {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
