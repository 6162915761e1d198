package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that really happened in a generated world: the actors and, per organisation, its
 * status, exposure and the evidence a hunt should find. Stored as {@code truth.json} with
 * snake_case keys; {@link #read} accepts what {@link #write} writes and reports the file and
 * position of anything else.
 *
 * @param seed the seed the world was generated from
 * @param actors the actors that sent exploit requests, in id order
 * @param organisations every organisation, in name order
 */
public record GroundTruth(long seed, List<ActorTruth> actors, List<OrganisationTruth> organisations)
{
    public GroundTruth
    {
        actors = List.copyOf(requireNonNull(actors, "actors is null"));
        organisations = List.copyOf(requireNonNull(organisations, "organisations is null"));
        Set<String> actorIds = new HashSet<>();
        for (ActorTruth actor : actors) {
            if (!actorIds.add(actor.id())) {
                throw new IllegalArgumentException("actor id is not unique: " + actor.id());
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
