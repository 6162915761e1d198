package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.ObservableType;

/**
 * Everything that really happened in a generated world: the actors, per organisation its status,
 * exposure and the evidence a hunt should find, and when the campaign's artefacts became public.
 * Stored as {@code truth.json} with snake_case keys; {@link #read} accepts what {@link #write}
 * writes, and files written before {@code copies} and {@code public_artefacts} existed, and reports
 * the file and position of anything else.
 *
 * @param seed the seed the world was generated from
 * @param actors the actors that sent exploit requests, and the scanners, in id order
 * @param organisations every organisation, in name order
 * @param publicArtefacts artefacts of the campaign that appear in the world and became public, by
 *        time, type and value
 */
public record GroundTruth(long seed, List<ActorTruth> actors, List<OrganisationTruth> organisations, List<PublicArtefact> publicArtefacts)
{
    public GroundTruth
    {
        actors = List.copyOf(requireNonNull(actors, "actors is null"));
        organisations = List.copyOf(requireNonNull(organisations, "organisations is null"));
        publicArtefacts = List.copyOf(requireNonNull(publicArtefacts, "publicArtefacts is null"));
        Set<String> actorIds = new HashSet<>();
        for (ActorTruth actor : actors) {
            if (!actorIds.add(actor.id())) {
                throw new IllegalArgumentException("actor id is not unique: " + actor.id());
            }
        }
        for (ActorTruth actor : actors) {
            if (!actor.copies().isEmpty() && !actorIds.contains(actor.copies())) {
                throw new IllegalArgumentException("actor " + actor.id() + " copies unknown actor " + actor.copies());
            }
        }
        Set<String> artefacts = new HashSet<>();
        for (PublicArtefact artefact : publicArtefacts) {
            if (!artefacts.add(artefact.type().label() + "=" + artefact.value())) {
                throw new IllegalArgumentException("public artefact is listed twice: " + artefact.type() + "=" + artefact.value());
            }
        }
        Set<String> names = new HashSet<>();
        for (OrganisationTruth organisation : organisations) {
            if (!names.add(organisation.name())) {
                throw new IllegalArgumentException("organisation name is not unique: " + organisation.name());
            }
            for (String actor : organisation.actors()) {
                if (!actorIds.contains(actor)) {
                    throw new IllegalArgumentException("organisation " + organisation.name() + " names unknown actor " + actor);
                }
            }
        }
    }

    public static GroundTruth read(Path truthJson) throws IOException
    {
        return TruthJson.read(truthJson);
    }

    public void write(Path truthJson) throws IOException
    {
        TruthJson.write(this, truthJson);
    }

    public Optional<OrganisationTruth> organisation(String name)
    {
        for (OrganisationTruth organisation : organisations) {
            if (organisation.name().equals(name)) {
                return Optional.of(organisation);
            }
        }
        return Optional.empty();
    }

    public Optional<ActorTruth> actor(String id)
    {
        for (ActorTruth actor : actors) {
            if (actor.id().equals(id)) {
                return Optional.of(actor);
            }
        }
        return Optional.empty();
    }

    /** When an artefact became public; empty when it never did (in this world). */
    public Optional<Instant> publicSince(ObservableType type, String value)
    {
        for (PublicArtefact artefact : publicArtefacts) {
            if (artefact.type() == type && artefact.value().equals(value)) {
                return Optional.of(artefact.publicSince());
            }
        }
        return Optional.empty();
    }

    public int count(OrganisationStatus status)
    {
        int count = 0;
        for (OrganisationTruth organisation : organisations) {
            if (organisation.status() == status) {
                count++;
            }
        }
        return count;
    }
}
