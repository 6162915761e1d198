package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What happens to one organisation apart from everyday traffic: attack and scanner requests and
 * host events, per host, and the facts the truth file states about it. Built by the planner, then
 * read by the writers, which merge it with generated everyday activity.
 */
final class OrganisationPlan
{
    private final OrganisationProfile profile;
    private final Role role;
    private final List<HostEvents> hostEvents;
    private final List<List<WebRequest>> requests;
    private final List<List<WindowsEvent>> events;
    private final Set<String> actors = new TreeSet<>();
    private final Set<String> webshellPaths = new TreeSet<>();
    private final Map<String, Long> planted = new TreeMap<>();
    private final Set<String> compiled = new TreeSet<>();
    private final List<Sentence> story = new ArrayList<>();
    private long firstExploit = Long.MAX_VALUE;

    OrganisationPlan(long seed, long windowStart, OrganisationProfile profile, Role role)
    {
        this.profile = requireNonNull(profile, "profile is null");
        this.role = requireNonNull(role, "role is null");
        int hostCount = profile.hosts().size();
        this.hostEvents = new ArrayList<>(hostCount);
        this.requests = new ArrayList<>(hostCount);
        this.events = new ArrayList<>(hostCount);
        for (HostProfile host : profile.hosts()) {
            hostEvents.add(new HostEvents(profile, host, new HostProcesses(seed, windowStart, profile, host)));
            requests.add(new ArrayList<>());
            events.add(new ArrayList<>());
        }
    }

    OrganisationProfile profile()
    {
        return profile;
    }

    Role role()
    {
        return role;
    }

    HostEvents host(int index)
    {
        return hostEvents.get(index);
    }

    void request(int host, WebRequest request)
    {
        requests.get(host).add(request);
    }

    void event(int host, WindowsEvent event)
    {
        events.get(host).add(event);
    }

    /** Planned requests on {@code host} with {@code from <= time < to}. */
    List<WebRequest> requests(int host, long from, long to)
    {
        List<WebRequest> selected = new ArrayList<>();
        for (WebRequest request : requests.get(host)) {
            if (request.time() >= from && request.time() < to) {
                selected.add(request);
            }
        }
        return selected;
    }

    /** Planned events on {@code host} with {@code from <= time < to}, in epoch milliseconds. */
    List<WindowsEvent> events(int host, long from, long to)
    {
        List<WindowsEvent> selected = new ArrayList<>();
        for (WindowsEvent event : events.get(host)) {
            long millis = Math.floorDiv(event.micros(), 1000L);
            if (millis >= from && millis < to) {
                selected.add(event);
            }
        }
        return selected;
    }

    /** Records an exploit-shaped request by {@code actor} at {@code time}, successful or not. */
    void exploitRequest(Actor actor, long time)
    {
        actors.add(actor.id());
        firstExploit = Math.min(firstExploit, time);
    }

    void webshellServed(String path)
    {
        webshellPaths.add(path);
    }

    /** Records that a webshell file exists from {@code time} on. */
    void plant(String file, long time)
    {
        planted.merge(file, time, Math::min);
    }

    boolean plantedBefore(String file, long time)
    {
        Long when = planted.get(file);
        return when != null && when <= time;
    }

    /** True the first time a page is compiled on a host after the worker started; ASP.NET caches it afterwards. */
    boolean firstCompile(int host, Proc worker, String page)
    {
        return compiled.add(host + "|" + worker.guid() + "|" + page);
    }

    boolean attacked()
    {
        return firstExploit != Long.MAX_VALUE;
    }

    /** Adds a sentence to the truth note; sentences are told in time order, facts without a time last. */
    void story(long time, String sentence)
    {
        if (!sentence.isEmpty()) {
            story.add(new Sentence(time, sentence));
        }
    }

    private record Sentence(long time, String text)
    {
    }

    OrganisationTruth truth()
    {
        List<Sentence> ordered = new ArrayList<>(story);
        ordered.sort(Comparator.comparingLong(Sentence::time));
        List<String> texts = new ArrayList<>(ordered.size());
        for (Sentence sentence : ordered) {
            texts.add(sentence.text());
        }
        Optional<Instant> first = attacked() ? Optional.of(Instant.ofEpochMilli(firstExploit)) : Optional.empty();
        return new OrganisationTruth(profile.name(), role.status(), List.copyOf(actors), profile.build().product(),
                profile.build().build(), profile.build().vulnerable(), profile.hostNames(), first, List.copyOf(webshellPaths),
                String.join(" ", texts));
    }
}
