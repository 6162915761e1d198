package dev.tradecraft.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

/** Builds sightings for tests: an actor's habits, applied at an organisation and a time. */
public final class SightingFixtures
{
    private static int position;

    private SightingFixtures() {}

    /** How one actor works. */
    public record Actor(String userAgent, String variant, String webshell, String dropper, List<String> tools) {}

    public static Instant at(String time)
    {
        return Instant.parse(time);
    }

    /** An accepted exploit, the webshell served, and on the host the dropper and the webshell written. */
    public static List<Sighting> compromise(Actor actor, String organisation, String address, Instant time)
    {
        List<Sighting> sightings = new ArrayList<>();
        sightings.add(web(organisation, Stage.EXPLOIT, true, time, address, actor.userAgent(),
                obs(ObservableType.REQUEST_VARIANT, actor.variant())));
        sightings.add(web(organisation, Stage.WEBSHELL, true, time.plusSeconds(3), address, actor.userAgent(),
                obs(ObservableType.WEBSHELL_NAME, actor.webshell()), obs(ObservableType.WEBSHELL_PATH, "/_layouts/15/" + actor.webshell())));
        sightings.add(host(organisation, Stage.POST_EXPLOITATION, time.plusSeconds(1),
                obs(ObservableType.COMMAND_FINGERPRINT, actor.dropper()), obs(ObservableType.TOOL, "cmd.exe")));
        sightings.add(host(organisation, Stage.WEBSHELL_DROP, time.plusSeconds(2),
                obs(ObservableType.WEBSHELL_NAME, actor.webshell()),
                obs(ObservableType.WEBSHELL_PATH, "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\16\\TEMPLATE\\LAYOUTS\\" + actor.webshell())));
        for (String tool : actor.tools()) {
            sightings.add(host(organisation, Stage.POST_EXPLOITATION, time.plusSeconds(600), obs(ObservableType.TOOL, tool)));
        }
        return sightings;
    }

    public static Sighting web(String organisation, Stage stage, boolean succeeded, Instant time, String address, String userAgent, Observable... more)
    {
        List<Observable> observables = new ArrayList<>(List.of(more));
        observables.add(obs(ObservableType.SOURCE_IP, address));
        if (userAgent != null) {
            observables.add(obs(ObservableType.USER_AGENT, userAgent));
        }
        return new Sighting(new Origin(organisation, "sp-wfe01"), Optional.of(time), stage, succeeded, observables,
                SourcePosition.line("weblogs/" + organisation + "/sp-wfe01/u_ex.log", ++position), "rule-" + stage);
    }

    public static Sighting host(String organisation, Stage stage, Instant time, Observable... observables)
    {
        return new Sighting(new Origin(organisation, "sp-wfe01"), Optional.of(time), stage, true, List.of(observables),
                SourcePosition.record("events/" + organisation + "/sp-wfe01/sysmon.json", ++position), "rule-" + stage);
    }

    public static Observable obs(ObservableType type, String value)
    {
        return new Observable(type, value);
    }
}
