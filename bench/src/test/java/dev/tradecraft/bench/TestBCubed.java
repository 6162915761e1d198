package dev.tradecraft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TestBCubed
{
    @Test
    void testIdenticalClusteringScoresOne()
    {
        BCubed score = BCubed.score(Map.of("a", "x", "b", "x", "c", "y"), Map.of("a", "1", "b", "1", "c", "2"));
        assertEquals(1.0, score.precision(), 1e-12);
        assertEquals(1.0, score.recall(), 1e-12);
        assertEquals(1.0, score.f1(), 1e-12);
        assertEquals(3, score.items());
    }

    @Test
    void testOneClusterForEverythingLosesPrecision()
    {
        // Labels x,x,y in one cluster: precision (2/3 + 2/3 + 1/3) / 3 = 5/9, recall 1.
        BCubed score = BCubed.score(Map.of("a", "x", "b", "x", "c", "y"), Map.of("a", "1", "b", "1", "c", "1"));
        assertEquals(5.0 / 9, score.precision(), 1e-12);
        assertEquals(1.0, score.recall(), 1e-12);
        assertEquals(2 * (5.0 / 9) / (5.0 / 9 + 1), score.f1(), 1e-12);
    }

    @Test
    void testUnpredictedItemsAreSingletons()
    {
        // a and b share a label but nothing grouped them: recall 1/2 each, precision 1.
        BCubed score = BCubed.score(Map.of("a", "x", "b", "x"), Map.of("unknown", "1"));
        assertEquals(1.0, score.precision(), 1e-12);
        assertEquals(0.5, score.recall(), 1e-12);
    }

    @Test
    void testClusterNamedLikeAnItemIsNotConfusedWithItsSingleton()
    {
        BCubed score = BCubed.score(Map.of("a", "x", "b", "y"), Map.of("b", "a"));
        assertEquals(1.0, score.precision(), 1e-12);
        assertEquals(1.0, score.recall(), 1e-12);
    }

    @Test
    void testNothingToScoreIsPerfect()
    {
        assertEquals(1.0, BCubed.score(Map.of(), Map.of()).f1(), 1e-12);
    }
}
