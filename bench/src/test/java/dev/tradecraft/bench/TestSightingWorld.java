package dev.tradecraft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tradecraft.bench.SightingWorld.Actor;
import dev.tradecraft.bench.SightingWorld.Kind;
import dev.tradecraft.campaigns.weight.PublicArtefact;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;

class TestSightingWorld
{
    private static final long SEED = 20250718L;

    @Test
    void testSameSeedMakesTheSameWorld()
    {
        SightingWorld.Parameters parameters = new SightingWorld.Parameters(300, 5_000, 8, 2, SEED);
        System.out.println("seed " + SEED);
        SightingWorld first = SightingWorld.generate(parameters);
        SightingWorld second = SightingWorld.generate(parameters);
        assertEquals(first.sightings(), second.sightings());
        assertEquals(first.actors(), second.actors());
        assertEquals(first.publicArtefacts(), second.publicArtefacts());
        for (Sighting sighting : first.sightings()) {
            assertEquals(first.actorOf(sighting), second.actorOf(sighting));
        }
    }

    @Test
    void testAnotherSeedMakesAnotherWorld()
    {
        SightingWorld first = SightingWorld.generate(new SightingWorld.Parameters(300, 5_000, 8, 2, SEED));
        SightingWorld second = SightingWorld.generate(new SightingWorld.Parameters(300, 5_000, 8, 2, SEED + 1));
        assertNotEquals(first.sightings(), second.sightings());
    }

    @Test
    void testMakesExactlyTheRequestedNumberOfSightings()
    {
        int[][] sizes = {{1, 100}, {10, 1_000}, {300, 5_000}, {2_000, 20_000}, {50, 30_000}};
        for (int[] size : sizes) {
            SightingWorld world = SightingWorld.generate(new SightingWorld.Parameters(size[0], size[1], 40, 5, SEED));
            assertEquals(size[1], world.sightings().size(), "sightings of a world of " + size[0] + " organisations");
            Set<String> organisations = new HashSet<>();
            for (int i = 0; i < world.sightings().size(); i++) {
                Sighting sighting = world.sightings().get(i);
                assertEquals(i, sighting.evidence().index(), "evidence index is the position");
                organisations.add(sighting.organisation());
            }
            assertTrue(organisations.size() <= size[0], "at most " + size[0] + " organisations: " + organisations.size());
        }
    }

    @Test
    void testHasTheRequestedActorsAndCopycats()
    {
        SightingWorld world = SightingWorld.generate(new SightingWorld.Parameters(2_000, 50_000, 12, 3, SEED));
        Map<Kind, Integer> kinds = new HashMap<>();
        for (Actor actor : world.actors()) {
            kinds.merge(actor.kind(), 1, Integer::sum);
        }
        assertEquals(12, kinds.get(Kind.ACTOR));
        assertEquals(3, kinds.get(Kind.COPYCAT));
        assertTrue(kinds.get(Kind.LONE) > 0, "lone intruders");
        assertTrue(kinds.get(Kind.SCANNER) > 0, "scanners");
        assertTrue(kinds.get(Kind.PROBE) > 0, "probes");
        Map<Actor, Integer> sightingsPerActor = new HashMap<>();
        for (Sighting sighting : world.sightings()) {
            sightingsPerActor.merge(world.actorOf(sighting), 1, Integer::sum);
        }
        for (Actor actor : world.actors()) {
            if (actor.kind() == Kind.ACTOR || actor.kind() == Kind.COPYCAT) {
                assertTrue(sightingsPerActor.getOrDefault(actor, 0) > 0, actor.name() + " made sightings");
            }
        }
    }

    @Test
    void testCopycatUsesTheCopiedWebshellOnlyOnceItIsPublic()
    {
        SightingWorld world = SightingWorld.generate(new SightingWorld.Parameters(2_000, 50_000, 12, 3, SEED));
        Map<String, Set<String>> shells = new HashMap<>();
        Map<String, Instant> firstActivity = new HashMap<>();
        for (Sighting sighting : world.sightings()) {
            String name = world.actorOf(sighting).name();
            shells.computeIfAbsent(name, key -> new HashSet<>()).addAll(sighting.values(ObservableType.WEBSHELL_NAME));
            Instant time = sighting.time().orElseThrow();
            firstActivity.merge(name, time, (a, b) -> a.isBefore(b) ? a : b);
        }
        for (Actor actor : world.actors()) {
            if (actor.kind() != Kind.COPYCAT) {
                continue;
            }
            String original = actor.copies().orElseThrow();
            assertEquals(shells.get(original), shells.get(actor.name()), actor.name() + " uses the webshell of " + original);
            Observable shell = new Observable(ObservableType.WEBSHELL_NAME, shells.get(original).iterator().next());
            Optional<Instant> published = Optional.empty();
            for (PublicArtefact artefact : world.publicArtefacts()) {
                if (artefact.observable().equals(shell) && artefact.source().contains(actor.name())) {
                    published = Optional.of(artefact.publicSince());
                }
            }
            assertTrue(published.isPresent(), "the webshell " + actor.name() + " copies is public");
            assertFalse(firstActivity.get(actor.name()).isBefore(published.get()), actor.name() + " starts after " + published.get());
        }
    }

    @Test
    void testEveryAddressBelongsToTheActorThatUsedIt()
    {
        SightingWorld world = SightingWorld.generate(new SightingWorld.Parameters(1_000, 20_000, 10, 2, SEED));
        for (Sighting sighting : world.sightings()) {
            for (String address : sighting.values(ObservableType.SOURCE_IP)) {
                assertEquals(Optional.of(world.actorOf(sighting)), world.ownerOf(address), "owner of " + address);
                assertFalse(address.startsWith("10.") || address.startsWith("192.168.") || address.startsWith("127.") || address.startsWith("172."),
                        "a routable address: " + address);
            }
        }
    }

    @Test
    void testSightingsHaveTheShapeOfExtractedOnes()
    {
        SightingWorld world = SightingWorld.generate(new SightingWorld.Parameters(300, 5_000, 8, 2, SEED));
        for (Sighting sighting : world.sightings()) {
            boolean web = !sighting.values(ObservableType.SOURCE_IP).isEmpty();
            List<String> agents = sighting.values(ObservableType.USER_AGENT);
            assertEquals(web, agents.size() == 1, "a web sighting has one user agent: " + sighting);
            if (sighting.stage() == Stage.EXPLOIT) {
                assertEquals(1, sighting.values(ObservableType.REQUEST_VARIANT).size(), "an exploit has its request shape: " + sighting);
            }
            if (sighting.stage() == Stage.WEBSHELL_DROP || sighting.stage() == Stage.POST_EXPLOITATION) {
                assertFalse(web, "host events carry no address: " + sighting);
                assertTrue(sighting.succeeded(), "host events happened: " + sighting);
            }
            if (sighting.stage() == Stage.RECON) {
                assertTrue(sighting.isReconnaissance());
            }
        }
    }

    @Test
    void testRejectsMoreCopycatsThanActors()
    {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new SightingWorld.Parameters(100, 1_000, 2, 3, SEED));
        assertTrue(error.getMessage().startsWith("copycats"), error.getMessage());
    }
}
