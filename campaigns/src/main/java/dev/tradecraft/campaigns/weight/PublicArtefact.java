package dev.tradecraft.campaigns.weight;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.tradecraft.core.Observable;

/**
 * An artefact that became public (a published webshell, PoC request, dropper, user agent) and from
 * when: anyone may use it after that, so after that date it is no evidence of one actor.
 *
 * @param observable the artefact
 * @param publicSince when it became public (start of the day, UTC, when only a date is known)
 * @param source who published it
 */
public record PublicArtefact(Observable observable, Instant publicSince, String source)
{
    public PublicArtefact
    {
        requireNonNull(observable, "observable is null");
        requireNonNull(publicSince, "publicSince is null");
        requireNonNull(source, "source is null");
    }
}
