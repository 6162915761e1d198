package dev.tradecraft.core;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one hit says about an adversary at one organisation: where and when, which stage of the
 * intrusion, whether the server let it through, and the artefacts it carries.
 *
 * @param origin organisation and host
 * @param time when, if the event said
 * @param stage the intrusion stage of the hit
 * @param succeeded whether the server accepted the request (2xx) or the host ran it; false for a
 *        refused request, which is reconnaissance whatever it tried
 * @param observables the artefacts, sorted, without duplicates
 * @param evidence the file and position of the event
 * @param ruleId the rule or indicator that produced the hit
 */
public record Sighting(Origin origin, Optional<Instant> time, Stage stage, boolean succeeded, List<Observable> observables,
        SourcePosition evidence, String ruleId)
{
    public Sighting
    {
        requireNonNull(origin, "origin is null");
        requireNonNull(time, "time is null");
        requireNonNull(stage, "stage is null");
        observables = List.copyOf(new java.util.TreeSet<>(requireNonNull(observables, "observables is null")));
        requireNonNull(evidence, "evidence is null");
        checkNotBlank(ruleId, "ruleId");
    }

    public String organisation()
    {
        return origin.organisation();
    }

    /** The values of one observable type, in order. */
    public List<String> values(ObservableType type)
    {
        return observables.stream().filter(observable -> observable.type() == type).map(Observable::value).toList();
    }

    /** Scanning, webshell checks and refused requests show interest, not access. */
    public boolean isReconnaissance()
    {
        return stage == Stage.RECON || !succeeded;
    }
}
