package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TestVerdictScore
{
    private static OrganisationTruth organisation(String name, OrganisationStatus status)
    {
        boolean attacked = status != OrganisationStatus.CLEAN;
        return new OrganisationTruth(name, status, attacked ? List.of("espionage-1") : List.of(), "SharePoint Server 2019",
                "16.0.10417.20027", true, List.of("sp-wfe01"), attacked ? Optional.of(Instant.EPOCH) : Optional.empty(), List.of(), "");
    }

    private static GroundTruth truth()
    {
        ActorTruth actor = new ActorTruth("espionage-1", "espionage", "", List.of(), "agent", "variant", "spinstall0.aspx", Instant.EPOCH, "");
        return new GroundTruth(1, List.of(actor), List.of(
                organisation("a", OrganisationStatus.COMPROMISED), organisation("b", OrganisationStatus.COMPROMISED),
                organisation("c", OrganisationStatus.ATTEMPTED), organisation("d", OrganisationStatus.CLEAN)), List.of());
    }

    @Test
    void testPerfectVerdicts()
    {
        VerdictScore score = VerdictScore.of(truth(), Map.of("a", "compromised", "b", "Compromised", "c", "attempted", "d", "clean"));
        assertEquals(4, score.correct());
        assertEquals(1.0, score.precision());
        assertEquals(1.0, score.recall());
        assertTrue(score.mistakes().isEmpty());
    }

    @Test
    void testMistakesCountAsTheyShould()
    {
        VerdictScore score = VerdictScore.of(truth(),
                Map.of("a", "compromised", "c", "compromised", "d", "attempted", "zz", "compromised"));
        assertEquals(4, score.total());
        assertEquals(1, score.correct());
        assertEquals(1, score.truePositives());
        assertEquals(2, score.falsePositives());
        assertEquals(1, score.falseNegatives());
        assertEquals(1.0 / 3, score.precision(), 1e-9);
        assertEquals(0.5, score.recall(), 1e-9);
        assertEquals(List.of("b: no verdict (truth compromised)", "c: predicted compromised, truth attempted (espionage-1)",
                "d: predicted attempted, truth clean", "zz: predicted compromised for an organisation the truth does not know"),
                        score.mistakes());
    }

    @Test
    void testNoPositivesAnywhere()
    {
        GroundTruth clean = new GroundTruth(1, List.of(), List.of(organisation("d", OrganisationStatus.CLEAN)), List.of());
        VerdictScore score = VerdictScore.of(clean, Map.of("d", "clean"));
        assertEquals(1.0, score.precision());
        assertEquals(1.0, score.recall());
    }
}
