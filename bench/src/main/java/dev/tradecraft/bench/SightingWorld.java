package dev.tradecraft.bench;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.campaigns.weight.PublicArtefact;
import dev.tradecraft.core.Sighting;

/**
 * A seeded synthetic world of sightings at scale, with the truth of who made each one: sightings
 * directly, not log files, so that campaign analysis can be measured alone at a million.
 *
 * <p>Real actors (40 by default) each have 2–30 source addresses (some rotate them per wave), one
 * or two user agents, one exploit request shape, a webshell name and path, one to three dropper
 * fingerprints and their post-exploitation tools; each attacks a log-uniform number of
 * organisations (10 to a fifth of them, 2,000 of 10,000) in one to three waves over a few days.
 * Copycats (5 by default) reuse one actor's webshell and droppers once those are public (the date
 * is in {@link #publicArtefacts()}), from their own addresses. Lone intruders, administrators, a
 * management agent, internet scanners and research probes add the noise that real data has. Some
 * organisations have no web logs (their intrusions show on hosts only), some log request sizes,
 * some hash written files. The same parameters always give the same world.
 */
public final class SightingWorld
{
    /** What an actor of the world is. */
    public enum Kind
    {
        /** An actor with its own tradecraft. */
        ACTOR,
        /** Reuses another actor's public webshell and droppers from its own infrastructure. */
        COPYCAT,
        /** One address, one organisation, public tooling. */
        LONE,
        /** Administrators and a management agent on hosts: looks like intrusion, is not. */
        ADMINISTRATOR,
        /** Requests ToolPane.aspx and checks for known webshells; never gets in. */
        SCANNER,
        /** Sends the public exploit request to check for the flaw; refused. */
        PROBE;

        /** Whether its sightings are meant to end up in intrusions (and its addresses in campaigns). */
        public boolean intrudes()
        {
            return this == ACTOR || this == COPYCAT || this == LONE;
        }
    }

    /**
     * @param name e.g. {@code actor-07}, {@code copycat-2}, {@code scanner-1}
     * @param kind what it is
     * @param copies for a copycat, the actor whose tradecraft it copies
     */
    public record Actor(String name, Kind kind, Optional<String> copies)
    {
        public Actor
        {
            checkNotBlank(name, "name");
            requireNonNull(kind, "kind is null");
            requireNonNull(copies, "copies is null");
            checkArgument(copies.isPresent() == (kind == Kind.COPYCAT), "only a copycat copies: %s %s", name, kind);
        }
    }

    /**
     * @param organisations how many organisations (10,000 for the scale goal)
     * @param sightings exactly how many sightings (1,000,000 for the scale goal)
     * @param actors how many real actors
     * @param copycats how many copycats, at most one per real actor
     * @param seed the random seed
     */
    public record Parameters(int organisations, int sightings, int actors, int copycats, long seed)
    {
        public static final int DEFAULT_ACTORS = 40;
        public static final int DEFAULT_COPYCATS = 5;

        public Parameters
        {
            checkArgument(organisations >= 1, "organisations must be at least 1: %s", organisations);
            checkArgument(sightings >= 100, "sightings must be at least 100: %s", sightings);
            checkArgument(actors >= 1, "actors must be at least 1: %s", actors);
            checkArgument(copycats >= 0 && copycats <= actors, "copycats must be in [0, actors]: %s", copycats);
        }

        /** 40 actors and 5 copycats. */
        public static Parameters of(int organisations, int sightings, long seed)
        {
            return new Parameters(organisations, sightings, DEFAULT_ACTORS, DEFAULT_COPYCATS, seed);
        }
    }

    private final Parameters parameters;
    private final List<Sighting> sightings;
    private final int[] labels;
    private final List<Actor> actors;
    private final Map<String, Integer> owners;
    private final List<PublicArtefact> publicArtefacts;

    SightingWorld(Parameters parameters, List<Sighting> sightings, int[] labels, List<Actor> actors, Map<String, Integer> owners,
            List<PublicArtefact> publicArtefacts)
    {
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.sightings = List.copyOf(sightings);
        this.labels = requireNonNull(labels, "labels is null");
        checkArgument(labels.length == this.sightings.size(), "one label per sighting: %s labels for %s sightings", labels.length, this.sightings.size());
        this.actors = List.copyOf(actors);
        this.owners = Map.copyOf(owners);
        this.publicArtefacts = List.copyOf(publicArtefacts);
    }

    public static SightingWorld generate(Parameters parameters)
    {
        return new WorldGenerator(parameters).generate();
    }

    public Parameters parameters()
    {
        return parameters;
    }

    /** Exactly {@link Parameters#sightings()} sightings; the evidence index of each is its position here. */
    public List<Sighting> sightings()
    {
        return sightings;
    }

    /** Every actor of the world: actors, copycats, lone intruders, administrators, scanners, probes. */
    public List<Actor> actors()
    {
        return actors;
    }

    /** Who made a sighting of this world. */
    public Actor actorOf(Sighting sighting)
    {
        return actors.get(labelOf(sighting));
    }

    /** Who an address belongs to; empty for an address the world never used. */
    public Optional<Actor> ownerOf(String address)
    {
        Integer label = owners.get(requireNonNull(address, "address is null"));
        return label == null ? Optional.empty() : Optional.of(actors.get(label));
    }

    /** The artefacts the copycats copy, public from shortly before they start, and the public proof-of-concept dropper. */
    public List<PublicArtefact> publicArtefacts()
    {
        return publicArtefacts;
    }

    /** The index in {@link #actors()} of the sighting's actor. */
    int labelOf(Sighting sighting)
    {
        long index = sighting.evidence().index();
        checkArgument(index >= 0 && index < sightings.size() && sightings.get((int) index).evidence().equals(sighting.evidence()),
                "sighting is not of this world: %s", sighting.evidence());
        return labels[(int) index];
    }

    /** The index in {@link #actors()} of an address's owner, or -1. */
    int ownerLabel(String address)
    {
        Integer label = owners.get(address);
        return label == null ? -1 : label;
    }
}
