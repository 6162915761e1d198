package dev.tradecraft.campaigns.weight;

import static dev.tradecraft.campaigns.SightingFixtures.obs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

class TestArtefactWeights
{
    private static final Observable RARE = obs(ObservableType.SOURCE_IP, "192.0.2.1");
    private static final Observable COMMON = obs(ObservableType.SOURCE_IP, "192.0.2.2");
    private static final Observable EVERYWHERE = obs(ObservableType.USER_AGENT, "Mozilla/5.0");
    private static final Observable SHELL = obs(ObservableType.WEBSHELL_NAME, "spinstall0.aspx");

    @Test
    void testRarerValuesWeighMore()
    {
        ArtefactWeights weights = weights(Map.of(RARE, 2, COMMON, 50), 400, List.of(), List.of());
        assertTrue(weights.weight(RARE) > weights.weight(COMMON));
        assertTrue(weights.rarity(RARE) <= 1 && weights.rarity(RARE) > 0);
        assertEquals(0, weights.rarity(obs(ObservableType.SOURCE_IP, "198.51.100.1")));
    }

    @Test
    void testOverCorrelatedValuesWeighNothing()
    {
        ArtefactWeights weights = weights(Map.of(COMMON, 150), 400, List.of(), List.of());
        assertEquals(100, weights.overCorrelationLimit());
        assertTrue(weights.overCorrelated(COMMON));
        assertEquals(0, weights.weight(COMMON));
        ArtefactWeights large = weights(Map.of(COMMON, 150), 10_000, List.of(), List.of());
        assertEquals(2_500, large.overCorrelationLimit(), "the limit grows with the data: a quarter of all organisations");
        assertFalse(large.overCorrelated(COMMON));
    }

    @Test
    void testOverCorrelationCountsSourcesNotVictims()
    {
        // One actor's shell at 300 of 400 organisations from 2 networks still ties; a user agent sent
        // from 150 networks of 400 does not.
        ArtefactWeights weights = new ArtefactWeights(Map.of(SHELL, 300, EVERYWHERE, 150), 400, Map.of(SHELL, 2, EVERYWHERE, 150), 400,
                List.of(), List.of(), ArtefactWeights.Options.DEFAULTS);
        assertFalse(weights.overCorrelated(SHELL));
        assertTrue(weights.weight(SHELL) > 0);
        assertTrue(weights.overCorrelated(EVERYWHERE));
    }

    @Test
    void testExcludedValuesWeighNothing() throws IOException
    {
        ArtefactLists.Loaded<Exclusion> loaded = ArtefactLists.exclusions("x.csv", new StringReader(
                "type,pattern\nuser-agent,mozilla/5.0\nsource-ip,10.%\ndomain,%.microsoft.com\nuser-agent,%zgrab%\nfish,x\nuser-agent,%%\n"));
        assertEquals(2, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).startsWith("x.csv:6: unknown observable type 'fish'"), loaded.problems().get(0));
        ArtefactWeights weights = weights(Map.of(EVERYWHERE, 3), 400, List.of(), loaded.entries());
        assertTrue(weights.excluded(EVERYWHERE));
        assertTrue(weights.excluded(obs(ObservableType.SOURCE_IP, "10.1.2.3")));
        assertTrue(weights.excluded(obs(ObservableType.DOMAIN, "login.MICROSOFT.com")));
        assertTrue(weights.excluded(obs(ObservableType.USER_AGENT, "Mozilla/5.0 zgrab/0.x")));
        assertFalse(weights.excluded(obs(ObservableType.DOMAIN, "microsoft.com.evil.test")));
        assertEquals(0, weights.weight(EVERYWHERE));
    }

    @Test
    void testPublicArtefactIsCommodityOnceEitherUseIsAfterPublication() throws IOException
    {
        ArtefactLists.Loaded<PublicArtefact> loaded = ArtefactLists.publicArtefacts("p.csv", new StringReader(
                "# comment\ntype,value,public_since,source\nwebshell-name,spinstall0.aspx,2025-07-20,Eye\nwebshell-name,x,20250720,bad\n"));
        assertEquals(List.of("p.csv:4: public_since is not a date (YYYY-MM-DD): '20250720'"), loaded.problems());
        ArtefactWeights weights = weights(Map.of(SHELL, 5), 40, loaded.entries(), List.of());
        Optional<Instant> before = Optional.of(Instant.parse("2025-07-18T18:00:00Z"));
        Optional<Instant> after = Optional.of(Instant.parse("2025-07-21T09:00:00Z"));
        assertFalse(weights.isCommodity(SHELL, before, before));
        assertTrue(weights.isCommodity(SHELL, before, after));
        assertTrue(weights.isCommodity(SHELL, Optional.empty(), before), "an unknown time cannot show the use was private");
        assertEquals(weights.weight(SHELL) * 0.05, weights.sharedWeight(SHELL, after, after), 1e-12);
        assertEquals(weights.weight(SHELL), weights.sharedWeight(SHELL, before, before), 1e-12);
    }

    @Test
    void testBuiltInListsLoadCleanly()
    {
        assertEquals(List.of(), ArtefactLists.builtInPublicArtefacts().problems());
        assertEquals(List.of(), ArtefactLists.builtInExclusions().problems());
        assertTrue(ArtefactLists.builtInPublicArtefacts().entries().stream().anyMatch(artefact -> artefact.observable().equals(SHELL)));
    }

    @Test
    void testOptionsAreChecked()
    {
        assertThrows(IllegalArgumentException.class, () -> new ArtefactWeights.Options(0, 0.25, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new ArtefactWeights.Options(100, 1.5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new ArtefactWeights.Options(100, 0.25, -1));
    }

    private static ArtefactWeights weights(Map<Observable, Integer> counts, int organisations, List<PublicArtefact> artefacts, List<Exclusion> exclusions)
    {
        return new ArtefactWeights(counts, organisations, artefacts, exclusions, ArtefactWeights.Options.DEFAULTS);
    }
}
