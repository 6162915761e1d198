package dev.tradecraft.campaigns.intrusion;

import static dev.tradecraft.campaigns.SightingFixtures.at;
import static dev.tradecraft.campaigns.SightingFixtures.host;
import static dev.tradecraft.campaigns.SightingFixtures.obs;
import static dev.tradecraft.campaigns.SightingFixtures.web;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;

class TestIntrusionBuilder
{
    @Test
    void testOneIntrusionPerSourceAddress()
    {
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a"),
                web("acme", Stage.EXPLOIT, true, at("2025-07-19T18:00:00Z"), "192.0.2.2", "b"),
                web("acme", Stage.WEBSHELL, true, at("2025-07-18T18:00:05Z"), "192.0.2.1", "a", obs(ObservableType.WEBSHELL_NAME, "x.aspx"))));
        assertEquals(2, intrusions.size());
        assertEquals("acme#1", intrusions.get(0).id());
        assertEquals(Set.of("192.0.2.1"), intrusions.get(0).values(ObservableType.SOURCE_IP));
        assertEquals(2, intrusions.get(0).sightings().size());
    }

    @Test
    void testHostBurstJoinsTheAddressThatRequestedTheShellItWrote()
    {
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a"),
                web("acme", Stage.WEBSHELL, true, at("2025-07-18T18:00:05Z"), "192.0.2.1", "a", obs(ObservableType.WEBSHELL_NAME, "one.aspx")),
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:02Z"), "192.0.2.2", "b"),
                host("acme", Stage.WEBSHELL_DROP, at("2025-07-18T18:00:03Z"), obs(ObservableType.WEBSHELL_NAME, "one.aspx"))));
        assertEquals(2, intrusions.size());
        Intrusion first = intrusions.stream().filter(intrusion -> intrusion.values(ObservableType.SOURCE_IP).contains("192.0.2.1")).findFirst().orElseThrow();
        assertEquals(3, first.sightings().size());
    }

    @Test
    void testHostBurstWithoutCauseStandsAlone()
    {
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a"),
                host("acme", Stage.POST_EXPLOITATION, at("2025-07-20T03:00:00Z"), obs(ObservableType.TOOL, "whoami.exe")),
                host("acme", Stage.POST_EXPLOITATION, at("2025-07-20T03:10:00Z"), obs(ObservableType.TOOL, "net.exe")),
                host("acme", Stage.POST_EXPLOITATION, at("2025-07-21T09:00:00Z"), obs(ObservableType.TOOL, "psexec.exe"))));
        assertEquals(3, intrusions.size(), "the exploit, and two host bursts more than two hours apart");
    }

    @Test
    void testKeyUseFromAnotherAddressFollowsTheCompromise()
    {
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a"),
                web("acme", Stage.WEBSHELL, true, at("2025-07-18T18:00:05Z"), "192.0.2.1", "a", obs(ObservableType.WEBSHELL_NAME, "one.aspx")),
                web("acme", Stage.KEY_USE, true, at("2025-07-20T02:00:00Z"), "203.0.113.150", "curl/8.5.0", obs(ObservableType.TOOL, "viewstate"))));
        assertEquals(1, intrusions.size());
        assertEquals(Set.of("192.0.2.1", "203.0.113.150"), intrusions.get(0).values(ObservableType.SOURCE_IP));
    }

    @Test
    void testKeyUseBehindABalancerThatHidesClientsFollowsTheCompromiseDaysLater()
    {
        Sighting hidden = new Sighting(new dev.tradecraft.core.Origin("acme", "sp-wfe01"), java.util.Optional.of(at("2025-07-21T21:40:00Z")),
                Stage.KEY_USE, true, List.of(obs(ObservableType.USER_AGENT, "curl/8.5.0"), obs(ObservableType.TOOL, "viewstate")),
                dev.tradecraft.core.SourcePosition.line("weblogs/acme/sp-wfe01/u_ex250721.log", 329), "rule-key-use");
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.EXPLOIT, true, at("2025-07-20T02:00:00Z"), "192.0.2.1", "a"),
                web("acme", Stage.WEBSHELL, true, at("2025-07-20T02:00:05Z"), "192.0.2.1", "a", obs(ObservableType.WEBSHELL_NAME, "debug_dev.js")),
                hidden));
        assertEquals(1, intrusions.size());
        assertEquals(3, intrusions.get(0).sightings().size());
    }

    @Test
    void testKeyUseWithNoEarlierCompromiseStandsAlone()
    {
        List<Intrusion> intrusions = IntrusionBuilder.build(List.of(
                web("acme", Stage.KEY_USE, true, at("2025-07-17T02:00:00Z"), "203.0.113.150", "curl/8.5.0"),
                web("acme", Stage.EXPLOIT, true, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a")));
        assertEquals(2, intrusions.size());
    }

    @Test
    void testReconnaissanceIsRefused()
    {
        Sighting refused = web("acme", Stage.EXPLOIT, false, at("2025-07-18T18:00:00Z"), "192.0.2.1", "a");
        assertThrows(IllegalArgumentException.class, () -> IntrusionBuilder.build(List.of(refused)));
    }
}
