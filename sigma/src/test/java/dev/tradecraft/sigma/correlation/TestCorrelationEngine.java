package dev.tradecraft.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaRuleLoader;

class TestCorrelationEngine
{
    private static final Instant T0 = Instant.parse("2025-07-18T18:00:00Z");
    private static final String BASE_RULES = """
            title: Logon failed
            id: fail
            name: logon_failed
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4625}
                condition: s
            ---
            title: Logon succeeded
            id: ok
            name: logon_succeeded
            logsource: {product: windows, service: security}
            detection:
                s: {EventID: 4624}
                condition: s
            """;

    private long nextLine = 1;

    private static CorrelationEngine engine(String correlations)
    {
        RuleLoadResult result = new SigmaRuleLoader().loadText("test.yml", BASE_RULES + "---\n" + correlations);
        if (!result.problems().isEmpty()) {
            throw new AssertionError("did not load: " + result.problems());
        }
        return new CorrelationEngine(result.correlations());
    }

    private RuleMatch match(String rule, Duration after, String... namesAndValues)
    {
        return match("contoso", rule, Optional.of(T0.plus(after)), namesAndValues);
    }

    private RuleMatch match(String organisation, String rule, Optional<Instant> time, String... namesAndValues)
    {
        EventFields.Builder fields = EventFields.builder(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        Event event = new Event(new Origin(organisation, "dc01"), SourcePosition.line("security.log", nextLine++), time, Logsource.UNSTATED,
                fields.build());
        return new RuleMatch(rule, event, Map.of());
    }

    private static List<Map<String, String>> fieldsOf(List<CorrelationHit> hits)
    {
        return hits.stream().map(CorrelationHit::fields).toList();
    }

    private static final String FAILURES_PER_USER = """
            title: Failures per user
            id: failures
            correlation:
                type: event_count
                rules: [logon_failed]
                group-by: [TargetUserName]
                timespan: 5m
                condition: {gte: 3}
            """;

    @Test
    void testEventCountReachesThresholdPerGroup()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        List<CorrelationHit> hits = engine.evaluate(List.of(
                match("fail", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(1), "TargetUserName", "alice"),
                match("fail", Duration.ofMinutes(2), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(3), "TargetUserName", "alice"),
                match("fail", Duration.ofMinutes(4), "TargetUserName", "bob")));
        assertEquals(List.of(Map.of("TargetUserName", "bob", "event_count", "3")), fieldsOf(hits));
        assertEquals(T0.plus(Duration.ofMinutes(4)), hits.get(0).event().time().orElseThrow(), "the event that completed the group");
        assertEquals(3.0, hits.get(0).value());
    }

    @Test
    void testEventCountBelowThresholdOrSpreadOutDoesNotMatch()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        assertEquals(List.of(), engine.evaluate(List.of(
                match("fail", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(3), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(6), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(12), "TargetUserName", "bob"))));
        assertEquals(List.of(), engine.evaluate(List.of(
                match("ok", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("ok", Duration.ofMinutes(1), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(2), "TargetUserName", "bob"))), "matches of other rules do not count");
    }

    @Test
    void testWindowIncludesExactlyOneTimespanAndNoMore()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        assertEquals(1, engine.evaluate(List.of(
                match("fail", Duration.ZERO, "TargetUserName", "bob"),
                match("fail", Duration.ofSeconds(150), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(5), "TargetUserName", "bob"))).size());
        assertEquals(0, engine.evaluate(List.of(
                match("fail", Duration.ZERO, "TargetUserName", "bob"),
                match("fail", Duration.ofSeconds(150), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(5).plusMillis(1), "TargetUserName", "bob"))).size());
    }

    @Test
    void testReportsOncePerBurstNotOncePerMatch()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        List<RuleMatch> matches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            matches.add(match("fail", Duration.ofSeconds(10L * i), "TargetUserName", "bob"));
        }
        for (int i = 0; i < 3; i++) {
            matches.add(match("fail", Duration.ofHours(1).plusSeconds(i), "TargetUserName", "bob"));
        }
        List<CorrelationHit> hits = engine.evaluate(matches);
        assertEquals(List.of(T0.plusSeconds(20), T0.plus(Duration.ofHours(1)).plusSeconds(2)),
                hits.stream().map(hit -> hit.event().time().orElseThrow()).toList());
    }

    @Test
    void testGroupsNeverSpanOrganisations()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        assertEquals(List.of(), engine.evaluate(List.of(
                match("contoso", "fail", Optional.of(T0), "TargetUserName", "admin"),
                match("fabrikam", "fail", Optional.of(T0.plusSeconds(1)), "TargetUserName", "admin"),
                match("northwind", "fail", Optional.of(T0.plusSeconds(2)), "TargetUserName", "admin"))));
    }

    @Test
    void testMatchesWithoutGroupValueOrTimeAreLeftOut()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER);
        CorrelationSession session = engine.session();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(), session.offer(match("contoso", "fail", Optional.empty(), "TargetUserName", "bob")));
            assertEquals(List.of(), session.offer(match("fail", Duration.ofSeconds(i), "IpAddress", "10.0.0.1")));
        }
        assertEquals(3, session.untimed());
        assertEquals(0, session.retainedMatches());
    }

    @Test
    void testValueCountCountsDistinctValues()
    {
        CorrelationEngine engine = engine("""
                title: Password spraying
                correlation:
                    type: value_count
                    rules: [logon_failed]
                    group-by: [IpAddress]
                    timespan: 10m
                    condition: {field: TargetUserName, gte: 3}
                """);
        List<RuleMatch> sameUser = List.of(
                match("fail", Duration.ofMinutes(0), "IpAddress", "10.0.0.9", "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(1), "IpAddress", "10.0.0.9", "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(2), "IpAddress", "10.0.0.9", "TargetUserName", "alice"),
                match("fail", Duration.ofMinutes(3), "IpAddress", "10.0.0.9", "TargetUserName", "alice"));
        assertEquals(List.of(), engine.evaluate(sameUser));
        List<RuleMatch> spray = new ArrayList<>(sameUser);
        spray.add(match("fail", Duration.ofMinutes(4), "IpAddress", "10.0.0.9", "TargetUserName", "carol"));
        assertEquals(List.of(Map.of("IpAddress", "10.0.0.9", "value_count", "3")), fieldsOf(engine.evaluate(spray)));
    }

    private static final String FAIL_AND_SUCCEED = """
            title: Failure and success
            correlation:
                type: %s
                rules: [logon_failed, logon_succeeded]
                group-by: [TargetUserName]
                timespan: 10m
            """;

    @Test
    void testTemporalInAnyOrder()
    {
        CorrelationEngine engine = engine(FAIL_AND_SUCCEED.formatted("temporal"));
        assertEquals(List.of(Map.of("TargetUserName", "bob", "temporal", "2")), fieldsOf(engine.evaluate(List.of(
                match("ok", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(9), "TargetUserName", "bob")))));
        assertEquals(List.of(), engine.evaluate(List.of(
                match("ok", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("ok", Duration.ofMinutes(1), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(2), "TargetUserName", "alice"),
                match("fail", Duration.ofMinutes(12), "TargetUserName", "bob"))), "one rule, another user, or too late");
    }

    @Test
    void testTemporalConditionCountsDistinctRules()
    {
        CorrelationEngine engine = engine("""
                title: Either twice
                correlation:
                    type: temporal
                    rules: [logon_failed, logon_succeeded]
                    group-by: [TargetUserName]
                    timespan: 10m
                    condition: {gte: 1}
                """);
        assertEquals(1, engine.evaluate(List.of(match("ok", Duration.ZERO, "TargetUserName", "bob"))).size());
    }

    @Test
    void testTemporalOrderedNeedsTheListedOrder()
    {
        CorrelationEngine engine = engine(FAIL_AND_SUCCEED.formatted("temporal_ordered"));
        assertEquals(List.of(), engine.evaluate(List.of(
                match("ok", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(1), "TargetUserName", "bob"))));
        List<CorrelationHit> hits = engine.evaluate(List.of(
                match("ok", Duration.ofMinutes(0), "TargetUserName", "bob"),
                match("fail", Duration.ofMinutes(1), "TargetUserName", "bob"),
                match("ok", Duration.ofMinutes(2), "TargetUserName", "bob")));
        assertEquals(List.of(Map.of("TargetUserName", "bob", "temporal_ordered", "2")), fieldsOf(hits));
        assertEquals(T0.plus(Duration.ofMinutes(2)), hits.get(0).event().time().orElseThrow());
    }

    @Test
    void testValueSumAndAverage()
    {
        String template = """
                title: Sent a lot
                correlation:
                    type: %s
                    rules: [logon_succeeded]
                    group-by: [User]
                    timespan: 1h
                    condition: {field: BytesSent, %s}
                """;
        List<RuleMatch> matches = List.of(
                match("ok", Duration.ofMinutes(0), "User", "bob", "BytesSent", "400"),
                match("ok", Duration.ofMinutes(1), "User", "bob", "BytesSent", "not a number"),
                match("ok", Duration.ofMinutes(2), "User", "bob", "BytesSent", "300.5"),
                match("ok", Duration.ofMinutes(3), "User", "bob", "BytesSent", "400"));
        assertEquals(List.of(Map.of("User", "bob", "value_sum", "1100.5")),
                fieldsOf(engine(template.formatted("value_sum", "gt: 1000")).evaluate(matches)));
        assertEquals(List.of(), engine(template.formatted("value_sum", "gt: 1100.5")).evaluate(matches));
        assertEquals(List.of(Map.of("User", "bob", "value_avg", "400")),
                fieldsOf(engine(template.formatted("value_avg", "gte: 400")).evaluate(matches)), "only the first value reaches an average of 400");
        assertEquals(List.of(), engine(template.formatted("value_avg", "gt: 400")).evaluate(matches));
    }

    @Test
    void testValuePercentileFindsRareLowValues()
    {
        CorrelationEngine engine = engine("""
                title: Unusually small request
                correlation:
                    type: value_percentile
                    rules: [logon_succeeded]
                    group-by: [Computer]
                    timespan: 1d
                    condition: {field: Size, lte: 1}
                """);
        List<RuleMatch> matches = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            matches.add(match("ok", Duration.ofMinutes(i), "Computer", "web01", "Size", Integer.toString(1000 + i % 7)));
        }
        assertEquals(List.of(), engine.evaluate(matches), "no value is in the lowest 1 % of a window it fills evenly");
        matches.add(match("ok", Duration.ofMinutes(300), "Computer", "web01", "Size", "3"));
        List<CorrelationHit> hits = engine.evaluate(matches);
        assertEquals(List.of(Map.of("Computer", "web01", "value_percentile", "0.5")), fieldsOf(hits));
    }

    @Test
    void testChainedSpecificationExample()
    {
        RuleLoadResult loaded = new SigmaRuleLoader().loadText("chained.yml", """
                title: Brute force then success
                id: outer
                correlation:
                    type: temporal_ordered
                    rules: [many_failures, logon_ok]
                    group-by: [TargetUserName]
                    timespan: 10m
                level: high
                ---
                title: Many failures
                id: inner
                name: many_failures
                correlation:
                    type: event_count
                    rules: [logon_bad]
                    group-by: [TargetUserName]
                    timespan: 10m
                    condition: {gte: 10}
                ---
                title: One failure
                id: bad
                name: logon_bad
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: [529, 4625]}
                    condition: s
                ---
                title: One success
                id: good
                name: logon_ok
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: [528, 4624]}
                    condition: s
                """);
        assertEquals(List.of(), loaded.problems());
        CorrelationEngine engine = new CorrelationEngine(loaded.correlations());
        List<RuleMatch> matches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            matches.add(match("bad", Duration.ofSeconds(20L * i), "TargetUserName", "bob"));
        }
        matches.add(match("good", Duration.ofMinutes(5), "TargetUserName", "bob"));
        List<CorrelationHit> hits = engine.evaluate(matches);
        assertEquals(List.of("inner", "outer"), hits.stream().map(hit -> hit.correlation().id()).toList());
        assertEquals(Map.of("TargetUserName", "bob", "temporal_ordered", "2"), hits.get(1).fields());
        assertEquals(T0.plus(Duration.ofMinutes(5)), hits.get(1).event().time().orElseThrow());

        assertEquals(List.of(), engine.evaluate(matches.subList(1, 11)), "nine failures and a success: the inner needs ten");
        List<RuleMatch> successFirst = new ArrayList<>(matches.subList(0, 10));
        successFirst.add(0, match("good", Duration.ofSeconds(-1), "TargetUserName", "bob"));
        assertEquals(List.of("inner"), engine.evaluate(successFirst).stream().map(hit -> hit.correlation().id()).toList());

        assertFalse(engine.reportsOwnMatches("bad"), "generate is false by default");
        assertFalse(engine.reportsOwnMatches("inner"));
        assertTrue(engine.reportsOwnMatches("outer"));
        assertEquals(Set.of("bad", "good"), engine.baseRuleIds());
    }

    @Test
    void testAliasesGroupDifferentFieldsTogether()
    {
        CorrelationEngine engine = engine("""
                title: Same address both ways
                correlation:
                    type: temporal
                    rules: [logon_failed, logon_succeeded]
                    group-by: [address]
                    timespan: 10s
                    aliases:
                        address:
                            logon_failed: IpAddress
                            logon_succeeded: WorkstationAddress
                """);
        assertEquals(List.of(Map.of("address", "10.1.1.1", "temporal", "2")), fieldsOf(engine.evaluate(List.of(
                match("fail", Duration.ofSeconds(0), "IpAddress", "10.1.1.1", "WorkstationAddress", "10.9.9.9"),
                match("ok", Duration.ofSeconds(5), "WorkstationAddress", "10.1.1.1", "IpAddress", "10.9.9.9")))));
        assertEquals(List.of(), engine.evaluate(List.of(
                match("fail", Duration.ofSeconds(0), "IpAddress", "10.1.1.1"),
                match("ok", Duration.ofSeconds(5), "IpAddress", "10.1.1.1"))));
    }

    @Test
    void testGenerateKeepsReferencedRulesReporting()
    {
        CorrelationEngine engine = engine("""
                title: Generating
                generate: true
                correlation: {type: event_count, rules: [logon_failed], timespan: 5m, condition: {gte: 3}}
                """);
        assertTrue(engine.reportsOwnMatches("fail"));
        assertTrue(engine.reportsOwnMatches("ok"), "not referenced at all");
    }

    @Test
    void testOutOfOrderInputGivesTheSameHitsWhateverTheOrder()
    {
        CorrelationEngine engine = engine(FAILURES_PER_USER + "---\n" + FAIL_AND_SUCCEED.formatted("temporal_ordered"));
        long seed = System.nanoTime();
        System.out.println("TestCorrelationEngine.testOutOfOrderInputGivesTheSameHitsWhateverTheOrder seed " + seed);
        Random random = new Random(seed);
        List<RuleMatch> matches = new ArrayList<>();
        String[] users = {"bob", "alice", "carol"};
        for (int i = 0; i < 400; i++) {
            String rule = random.nextInt(4) == 0 ? "ok" : "fail";
            matches.add(match(rule, Duration.ofSeconds(random.nextInt(3600)), "TargetUserName", users[random.nextInt(users.length)]));
        }
        List<CorrelationHit> expected = engine.evaluate(matches);
        assertFalse(expected.isEmpty(), "seed " + seed);
        for (int round = 0; round < 5; round++) {
            List<RuleMatch> shuffled = new ArrayList<>(matches);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, engine.evaluate(shuffled), "seed " + seed);
        }
    }

    @Test
    void testSessionRefusesMatchesOlderThanTheLast()
    {
        CorrelationSession session = engine(FAILURES_PER_USER).session();
        session.offer(match("fail", Duration.ofMinutes(1), "TargetUserName", "bob"));
        assertThrows(IllegalArgumentException.class, () -> session.offer(match("fail", Duration.ZERO, "TargetUserName", "bob")));
    }

    @Test
    void testMemoryFollowsTheWindowNotTheInput()
    {
        CorrelationSession session = engine(FAILURES_PER_USER).session();
        int maxGroups = 0;
        long maxRetained = 0;
        for (int i = 0; i < 50_000; i++) {
            // A new user every second, each failing once: nothing matches, and each group goes stale after 5 minutes.
            session.offer(match("fail", Duration.ofSeconds(i), "TargetUserName", "user" + i));
            maxGroups = Math.max(maxGroups, session.groups());
            maxRetained = Math.max(maxRetained, session.retainedMatches());
        }
        assertEquals(301, maxGroups, "five minutes of one-second groups, both ends included");
        assertEquals(301, maxRetained);
        session.offer(match("fail", Duration.ofDays(2), "TargetUserName", "late"));
        assertEquals(1, session.groups(), "everything older than the window is forgotten");
        assertEquals(1, session.retainedMatches());
    }

    @Test
    void testEngineRefusesUnresolvedOrder()
    {
        List<SigmaCorrelation> chained = new SigmaRuleLoader().loadText("c.yml", BASE_RULES + """
                ---
                title: Outer
                id: outer
                correlation: {type: temporal, rules: [inner, ok], timespan: 5m}
                ---
                title: Inner
                id: inner
                correlation: {type: event_count, rules: [fail], timespan: 5m, condition: {gte: 2}}
                """).correlations();
        assertEquals(List.of("inner", "outer"), chained.stream().map(SigmaCorrelation::id).toList());
        assertThrows(IllegalArgumentException.class, () -> new CorrelationEngine(List.of(chained.get(1), chained.get(0))));
    }
}
