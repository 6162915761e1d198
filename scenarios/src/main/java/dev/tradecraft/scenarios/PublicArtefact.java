package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.tradecraft.core.ObservableType;

/**
 * An artefact of the campaign that became public knowledge at a known time: from then on anyone
 * could reuse it, so sharing it stops being evidence of one operator (toolshell.md §1.6).
 *
 * @param type the kind of observable, as campaign clustering types it
 * @param value the value as an {@link dev.tradecraft.core.Observable} of that type carries it
 *        (webshell names lower case, command fingerprints as lower-case hex SHA-256)
 * @param publicSince when it became public, in the world's time: the real date when the world's
 *        window covers the campaign's days, otherwise the same place in the spread-out campaign
 * @param source who made it public
 */
public record PublicArtefact(ObservableType type, String value, Instant publicSince, String source)
{
    public PublicArtefact
    {
        requireNonNull(type, "type is null");
        checkNotBlank(value, "value");
        requireNonNull(publicSince, "publicSince is null");
        checkNotBlank(source, "source");
    }

    @Override
    public String toString()
    {
        return type + "=" + value + " public since " + publicSince;
    }
}
