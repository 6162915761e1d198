package dev.tradecraft.bench;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.core.Observable;

/**
 * One accepted intrusion while the world is made: who, where, from which address, and the time of
 * the last host event per host, so that later activity continues the same burst (a gap of more
 * than two hours would start a new one).
 */
final class IntrusionPlan
{
    private final ActorPlan actor;
    private final Organisation organisation;
    private final int[] hosts;
    private final long start;
    private final Observable address;
    private final Observable agent;
    private final Observable keyAddress;
    private final long[] hostClocks;

    IntrusionPlan(ActorPlan actor, Organisation organisation, int[] hosts, long start, Observable address, Observable agent, Observable keyAddress,
            long[] hostClocks)
    {
        this.actor = requireNonNull(actor, "actor is null");
        this.organisation = requireNonNull(organisation, "organisation is null");
        this.hosts = requireNonNull(hosts, "hosts is null");
        this.start = start;
        this.address = requireNonNull(address, "address is null");
        this.agent = requireNonNull(agent, "agent is null");
        this.keyAddress = requireNonNull(keyAddress, "keyAddress is null");
        this.hostClocks = requireNonNull(hostClocks, "hostClocks is null");
    }

    ActorPlan actor()
    {
        return actor;
    }

    Organisation organisation()
    {
        return organisation;
    }

    int hostCount()
    {
        return hosts.length;
    }

    /** The organisation's host index of the intrusion's {@code i}-th host. */
    int host(int i)
    {
        return hosts[i];
    }

    long start()
    {
        return start;
    }

    Observable address()
    {
        return address;
    }

    Observable agent()
    {
        return agent;
    }

    Observable keyAddress()
    {
        return keyAddress;
    }

    /** Moves the clock of the intrusion's {@code i}-th host on by {@code seconds} and returns the new time. */
    long advance(int i, long seconds)
    {
        hostClocks[i] += seconds;
        return hostClocks[i];
    }
}
