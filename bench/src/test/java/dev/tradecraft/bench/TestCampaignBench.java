package dev.tradecraft.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tradecraft.bench.SightingWorld.Actor;
import dev.tradecraft.bench.SightingWorld.Kind;
import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.campaigns.CampaignAnalyzer;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.Sighting;

class TestCampaignBench
{
    /** The project's usual seed, fixed before any result was seen. */
    private static final long SEED = 20250718L;
    private static final SightingWorld.Parameters SMALL = new SightingWorld.Parameters(300, 5_000, 8, 2, SEED);

    @Test
    void testSmallWorldClustersAddressesByActor()
    {
        System.out.println("world " + SMALL);
        SightingWorld world = SightingWorld.generate(SMALL);
        CampaignAnalysis analysis = analyze(world);
        WorldScore score = WorldScore.of(world, analysis);
        System.out.println("B-cubed over source IPs: " + score.addresses() + "; " + score.campaigns() + " campaigns");
        assertTrue(score.addresses().items() > 50, "enough addresses to score: " + score.addresses().items());
        assertTrue(score.addresses().f1() >= 0.9, "B-cubed F1 over source IPs " + score.addresses() + " (seed " + SEED + ")");
    }

    @Test
    void testCopycatsNeverShareACampaignWithTheActorTheyCopy()
    {
        SightingWorld world = SightingWorld.generate(SMALL);
        CampaignAnalysis analysis = analyze(world);
        int copycats = 0;
        for (Actor copycat : world.actors()) {
            if (copycat.kind() != Kind.COPYCAT) {
                continue;
            }
            copycats++;
            String original = copycat.copies().orElseThrow();
            boolean seen = false;
            for (Campaign campaign : analysis.campaigns()) {
                // Strictest reading: not one sighting of each in the same campaign.
                Set<String> makers = new HashSet<>();
                for (Intrusion intrusion : campaign.intrusions()) {
                    for (Sighting sighting : intrusion.sightings()) {
                        makers.add(world.actorOf(sighting).name());
                    }
                }
                seen |= makers.contains(copycat.name());
                assertTrue(!makers.contains(copycat.name()) || !makers.contains(original),
                        copycat.name() + " shares " + campaign.id() + " with " + original + " (seed " + SEED + ")");
            }
            assertTrue(seen, copycat.name() + " is in some campaign");
        }
        assertEquals(SMALL.copycats(), copycats);
        assertTrue(WorldScore.of(world, analysis).copycatsWithOriginal().isEmpty());
    }

    @Test
    void testBenchPrintsItsNumbers()
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CampaignBench.run(new String[] {"--organisations", "200", "--sightings", "3_000", "--seed", "7", "--actors", "6", "--copycats", "1"},
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        String text = out.toString(UTF_8);
        assertEquals(0, code, err.toString(UTF_8));
        for (String line : new String[] {"world: 3,000 sightings at 200 organisations", "generation: ", "analysis: ", "intrusions: ", "campaigns: ",
                "copycats sharing a campaign with the actor they copy: ", "B-cubed over source IPs, campaigns: precision ", "peak heap: "}) {
            assertTrue(text.contains(line), "prints '" + line + "' in:\n" + text);
        }
    }

    @Test
    void testBenchRejectsUnknownOptionsAndBadNumbers()
    {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
        assertEquals(2, CampaignBench.run(new String[] {"--organizations", "10"}, out, errors));
        assertTrue(err.toString(UTF_8).contains("unknown option --organizations"), err.toString(UTF_8));
        assertEquals(2, CampaignBench.run(new String[] {"--sightings", "many"}, out, errors));
        assertTrue(err.toString(UTF_8).contains("--sightings must be a whole number: 'many'"), err.toString(UTF_8));
        assertEquals(2, CampaignBench.run(new String[] {"--seed"}, out, errors));
        assertTrue(err.toString(UTF_8).contains("option --seed needs a value"), err.toString(UTF_8));
        assertEquals(2, CampaignBench.run(new String[] {"--copycats", "50", "--actors", "3"}, out, errors));
        assertTrue(err.toString(UTF_8).contains("copycats must be in [0, actors]: 50"), err.toString(UTF_8));
    }

    @Test
    void testDefaultsAreTheHundredThousandSightingRun()
    {
        SightingWorld.Parameters parameters = CampaignBench.parse(new String[0]);
        assertEquals(new SightingWorld.Parameters(1_000, 100_000, 40, 5, SEED), parameters);
    }

    private static CampaignAnalysis analyze(SightingWorld world)
    {
        return CampaignAnalyzer.builder().addPublicArtefacts(world.publicArtefacts()).build().analyzeSightings(world.sightings());
    }
}
