package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hunt's per-organisation verdicts scored against a world's ground truth. "Positive" means
 * compromised: precision and recall are about calling compromised organisations compromised; the
 * three-way status agreement is {@link #correct()} of {@link #total()}.
 *
 * @param total organisations in the truth
 * @param correct organisations whose predicted status equals the true one
 * @param truePositives compromised and called compromised
 * @param falsePositives called compromised but not compromised (including names the truth does not know)
 * @param falseNegatives compromised but called something else, or not judged at all
 * @param mistakes one line per wrong, missing or unknown verdict, in organisation order
 */
public record VerdictScore(int total, int correct, int truePositives, int falsePositives, int falseNegatives, List<String> mistakes)
{
    public VerdictScore
    {
        checkArgument(total >= 0 && correct >= 0 && correct <= total, "correct must be in [0, total]: %s of %s", correct, total);
        checkArgument(truePositives >= 0 && falsePositives >= 0 && falseNegatives >= 0, "counts must not be negative");
        mistakes = List.copyOf(requireNonNull(mistakes, "mistakes is null"));
    }

    /**
     * Scores {@code predicted} (organisation name to {@code compromised}, {@code attempted} or
     * {@code clean}, any case) against {@code truth}. An organisation without a verdict counts as
     * wrong; a verdict for an unknown organisation or with an unknown status is listed as a mistake.
     */
    public static VerdictScore of(GroundTruth truth, Map<String, String> predicted)
    {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        Map<String, String> verdicts = new TreeMap<>(predicted);
        int correct = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (OrganisationTruth organisation : truth.organisations()) {
            String name = organisation.name();
            String label = verdicts.remove(name);
            boolean compromised = organisation.status() == OrganisationStatus.COMPROMISED;
            if (label == null) {
                mistakes.add(name + ": no verdict (truth " + organisation.status().jsonName() + ")");
                if (compromised) {
                    falseNegatives++;
                }
                continue;
            }
            String status = label.trim().toLowerCase(Locale.ROOT);
            boolean calledCompromised = status.equals(OrganisationStatus.COMPROMISED.jsonName());
            if (status.equals(organisation.status().jsonName())) {
                correct++;
            }
            else {
                mistakes.add(name + ": predicted " + label + ", truth " + organisation.status().jsonName() + describe(organisation));
            }
            if (compromised && calledCompromised) {
                truePositives++;
            }
            else if (compromised) {
                falseNegatives++;
            }
            else if (calledCompromised) {
                falsePositives++;
            }
        }
        for (Map.Entry<String, String> unknown : verdicts.entrySet()) {
            mistakes.add(unknown.getKey() + ": predicted " + unknown.getValue() + " for an organisation the truth does not know");
            if (unknown.getValue().trim().equalsIgnoreCase(OrganisationStatus.COMPROMISED.jsonName())) {
                falsePositives++;
            }
        }
        mistakes.sort(null);
        return new VerdictScore(truth.organisations().size(), correct, truePositives, falsePositives, falseNegatives, mistakes);
    }

    /** Of the organisations called compromised, the share that were; 1 when none was called compromised. */
    public double precision()
    {
        int called = truePositives + falsePositives;
        return called == 0 ? 1.0 : (double) truePositives / called;
    }

    /** Of the compromised organisations, the share called compromised; 1 when none was compromised. */
    public double recall()
    {
        int actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    private static String describe(OrganisationTruth organisation)
    {
        if (organisation.actors().isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", organisation.actors()) + ")";
    }
}
