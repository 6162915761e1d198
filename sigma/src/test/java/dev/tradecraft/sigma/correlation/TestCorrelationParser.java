package dev.tradecraft.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.RuleCheck;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.RuleProblemKind;
import dev.tradecraft.sigma.RuleStatus;
import dev.tradecraft.sigma.SigmaRuleLoader;

class TestCorrelationParser
{
    private static final String BASE_RULES = """
            title: Logon failed
            id: 11111111-0000-4000-8000-000000000001
            name: logon_failed
            logsource: {product: windows, service: security}
            detection:
                failed: {EventID: 4625}
                condition: failed
            ---
            title: Logon succeeded
            id: 11111111-0000-4000-8000-000000000002
            name: logon_succeeded
            logsource: {product: windows, service: security}
            detection:
                ok: {EventID: 4624}
                condition: ok
            """;

    private final SigmaRuleLoader loader = new SigmaRuleLoader();

    private RuleLoadResult load(String correlation)
    {
        return loader.loadText("corr.yml", BASE_RULES + "---\n" + correlation);
    }

    private SigmaCorrelation single(String correlation)
    {
        RuleLoadResult result = load(correlation);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.correlations().size());
        return result.correlations().get(0);
    }

    private RuleProblem onlyProblem(String correlation)
    {
        RuleLoadResult result = load(correlation);
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(List.of(), result.correlations());
        return result.problems().get(0);
    }

    @Test
    void testEventCountWithMetadata()
    {
        SigmaCorrelation correlation = single("""
                title: Many failed logons for one account
                id: 22222222-0000-4000-8000-000000000001
                status: test
                level: high
                author: Tradecraft Tests
                tags: [attack.T1110]
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    group-by: [TargetUserName, IpAddress]
                    timespan: 15m
                    condition: {gte: 20}
                """);
        assertEquals(CorrelationType.EVENT_COUNT, correlation.type());
        assertEquals("22222222-0000-4000-8000-000000000001", correlation.id());
        assertEquals(RuleStatus.TEST, correlation.status());
        assertEquals(Level.HIGH, correlation.level());
        assertEquals(List.of("attack.t1110"), correlation.tags());
        assertEquals(List.of("11111111-0000-4000-8000-000000000001"), correlation.rules(), "the name resolves to the rule's id");
        assertEquals(List.of("TargetUserName", "IpAddress"), correlation.groupBy());
        assertEquals(Duration.ofMinutes(15), correlation.timespan().duration());
        assertTrue(correlation.condition().test(20));
        assertFalse(correlation.condition().test(19));
        assertFalse(correlation.generate());
        assertEquals(Level.HIGH, correlation.ref().level());
    }

    @Test
    void testValueTypesNeedAndKeepTheirField()
    {
        for (String type : List.of("value_count", "value_sum", "value_avg", "value_percentile")) {
            SigmaCorrelation correlation = single("""
                    title: By value
                    correlation:
                        type: %s
                        rules: logon_failed
                        group-by: IpAddress
                        timespan: 1d
                        condition:
                            field: TargetUserName
                            gt: 5
                    """.formatted(type));
            assertEquals(CorrelationType.parse(type), correlation.type());
            assertEquals(Optional.of("TargetUserName"), correlation.condition().field());
            assertEquals(List.of("IpAddress"), correlation.groupBy(), "a single group-by value is a list of one");
        }
    }

    @Test
    void testTemporalWithoutConditionNeedsEveryRule()
    {
        for (String type : List.of("temporal", "temporal_ordered")) {
            SigmaCorrelation correlation = single("""
                    title: Fail then succeed
                    correlation:
                        type: %s
                        rules: [logon_failed, logon_succeeded]
                        group-by: [TargetUserName]
                        timespan: 90m
                    """.formatted(type));
            assertTrue(correlation.condition().test(2));
            assertFalse(correlation.condition().test(1));
            assertEquals(Duration.ofMinutes(90), correlation.timespan().duration());
        }
    }

    @Test
    void testRangeConditionIsAnAnd()
    {
        SigmaCorrelation correlation = single("""
                title: Between
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    timespan: 1h
                    condition: {gt: 100, lte: 200}
                """);
        assertFalse(correlation.condition().test(100));
        assertTrue(correlation.condition().test(101));
        assertTrue(correlation.condition().test(200));
        assertFalse(correlation.condition().test(201));
        assertEquals(List.of(), correlation.groupBy());
    }

    @Test
    void testAliasesResolveToRuleIds()
    {
        SigmaCorrelation correlation = single("""
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
        assertEquals("IpAddress", correlation.fieldFor("address", "11111111-0000-4000-8000-000000000001"));
        assertEquals("WorkstationAddress", correlation.fieldFor("address", "11111111-0000-4000-8000-000000000002"));
        assertEquals("TargetUserName", correlation.fieldFor("TargetUserName", "11111111-0000-4000-8000-000000000002"), "no alias: the field itself");
    }

    @Test
    void testGenerateAtTopLevelOrInsideTheSection()
    {
        String template = """
                title: Generating
                %s
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    timespan: 1h
                    condition: {gte: 2}
                    %s
                """;
        assertTrue(single(template.formatted("generate: true", "")).generate());
        assertTrue(single(template.formatted("", "generate: true")).generate());
        assertFalse(single(template.formatted("generate: false", "")).generate());
    }

    @Test
    void testChainedSpecificationExampleResolvesInDependencyOrder()
    {
        RuleLoadResult result = loader.loadText("chained.yml", """
                title: Brute force then success
                id: 33333333-0000-4000-8000-000000000001
                level: critical
                correlation:
                    type: temporal_ordered
                    rules: [many_failures, logon_ok]
                    group-by: [TargetUserName]
                    timespan: 10m
                ---
                title: Many failures
                id: 33333333-0000-4000-8000-000000000002
                name: many_failures
                correlation:
                    type: event_count
                    rules: [logon_bad]
                    group-by: [TargetUserName]
                    timespan: 10m
                    condition: {gte: 10}
                ---
                title: One failure
                id: 33333333-0000-4000-8000-000000000003
                name: logon_bad
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: [529, 4625]}
                    condition: s
                ---
                title: One success
                id: 33333333-0000-4000-8000-000000000004
                name: logon_ok
                logsource: {product: windows, service: security}
                detection:
                    s: {EventID: [528, 4624]}
                    condition: s
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("33333333-0000-4000-8000-000000000002", "33333333-0000-4000-8000-000000000001"),
                result.correlations().stream().map(SigmaCorrelation::id).toList(), "the referenced correlation comes first");
        assertEquals(List.of("33333333-0000-4000-8000-000000000002", "33333333-0000-4000-8000-000000000004"), result.correlations().get(1).rules());
        assertEquals(Optional.of("logon_bad"), result.rules().get(0).name());
    }

    @Test
    void testReferenceToARuleInAnotherFile(@TempDir Path dir) throws IOException
    {
        Files.writeString(dir.resolve("a_correlation.yml"), """
                title: Across files
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        Files.writeString(dir.resolve("b_rules.yml"), BASE_RULES);
        RuleLoadResult result = loader.load(List.of(dir));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("11111111-0000-4000-8000-000000000001"), result.correlations().get(0).rules());
        RuleCheck check = RuleCheck.of(result, LogsourceMappings.builtIn());
        assertEquals(3, check.loaded(), "two rules and one correlation");
        assertEquals(3, check.total());
    }

    @Test
    void testSameNameInTheCorrelationsOwnFileWins(@TempDir Path dir) throws IOException
    {
        Files.writeString(dir.resolve("one.yml"), BASE_RULES);
        Files.writeString(dir.resolve("two.yml"), BASE_RULES.replace("-000000000001", "-000000000011").replace("-000000000002", "-000000000012")
                + """
                ---
                title: Local
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        RuleLoadResult result = loader.load(List.of(dir));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("11111111-0000-4000-8000-000000000011"), result.correlations().get(0).rules());
    }

    @Test
    void testUnknownType()
    {
        RuleProblem problem = onlyProblem("""
                title: Odd
                correlation:
                    type: event_sum
                    rules: [logon_failed]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        assertEquals(RuleProblemKind.BAD_VALUE, problem.kind());
        assertEquals(19, problem.line());
        assertTrue(problem.message().contains("unknown correlation type 'event_sum', must be one of: event_count, value_count, temporal"), problem.message());
        assertEquals(17, problem.documentLine());
        assertEquals("corr.yml", problem.source());
    }

    @Test
    void testEmptyTypeIsReportedNotThrown()
    {
        // Found by TestCorrelationParserRandom (seed 23215959459237): `type:` with nothing after it.
        RuleProblem problem = onlyProblem("""
                title: Odd
                correlation:
                    type:
                    rules: [logon_failed]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        assertEquals(RuleProblemKind.MISSING_FIELD, problem.kind());
        assertTrue(problem.message().contains("correlation type is empty"), problem.message());
    }

    @Test
    void testMissingTimespan()
    {
        RuleProblem problem = onlyProblem("""
                title: No window
                correlation:
                    type: event_count
                    rules: [logon_failed]
                    condition: {gte: 3}
                """);
        assertEquals(RuleProblemKind.MISSING_FIELD, problem.kind());
        assertEquals(17, problem.line());
        assertTrue(problem.message().contains("rule 'No window': correlation has no timespan"), problem.message());
    }

    @Test
    void testTimespanUnits()
    {
        assertEquals(Duration.ofSeconds(30), Timespan.parse("30s").duration());
        assertEquals(Duration.ofHours(2), Timespan.parse("2h").duration());
        assertEquals(Duration.ofDays(7), Timespan.parse("7d").duration());
        for (String bad : List.of("1w", "1M", "1y", "0m", "m", "10", "-5m", "1.5h", "10 m", "99999999999s")) {
            RuleProblem problem = onlyProblem("""
                    title: Bad window
                    correlation:
                        type: event_count
                        rules: [logon_failed]
                        timespan: '%s'
                        condition: {gte: 3}
                    """.formatted(bad));
            assertEquals(RuleProblemKind.BAD_VALUE, problem.kind(), bad);
            assertEquals(21, problem.line(), bad);
            assertTrue(problem.message().contains("timespan '" + bad + "'"), problem.message());
        }
    }

    @Test
    void testUnknownReferencedRule()
    {
        RuleProblem problem = onlyProblem("""
                title: Dangling
                correlation:
                    type: event_count
                    rules: [logon_failed, no_such_rule]
                    timespan: 5m
                    condition: {gte: 3}
                """);
        assertEquals(RuleProblemKind.UNKNOWN_RULE, problem.kind());
        assertEquals(17, problem.line());
        assertTrue(problem.message().contains("references 'no_such_rule', which is neither the id nor the name"), problem.message());
    }

    @Test
    void testCycleIsReportedForEachMemberAndTheirDependents()
    {
        RuleLoadResult result = load("""
                title: A
                id: cycle-a
                name: a
                correlation: {type: event_count, rules: [b], timespan: 5m, condition: {gte: 1}}
                ---
                title: B
                id: cycle-b
                name: b
                correlation: {type: event_count, rules: [a], timespan: 5m, condition: {gte: 1}}
                ---
                title: Uses A
                id: uses-a
                correlation: {type: temporal, rules: [a, logon_failed], timespan: 5m}
                ---
                title: Self
                id: self
                correlation: {type: event_count, rules: [self], timespan: 5m, condition: {gte: 1}}
                """);
        assertEquals(List.of(), result.correlations());
        assertEquals(List.of(RuleProblemKind.CORRELATION_CYCLE, RuleProblemKind.CORRELATION_CYCLE, RuleProblemKind.CORRELATION_CYCLE,
                RuleProblemKind.UNKNOWN_RULE), result.problems().stream().map(RuleProblem::kind).toList());
        assertEquals(List.of(17, 22, 31, 27), result.problems().stream().map(RuleProblem::line).toList());
        assertTrue(result.problems().get(3).message().contains("references correlation cycle-a, which was not loaded"), result.problems().toString());
    }

    @Test
    void testBadConditions()
    {
        String template = """
                title: Bad condition
                correlation:
                    type: %s
                    rules: [logon_failed]
                    timespan: 5m
                    condition: %s
                """;
        Map<String, RuleProblemKind> cases = Map.of(
                "event_count|{gte: many}", RuleProblemKind.BAD_CONDITION,
                "event_count|{over: 3}", RuleProblemKind.BAD_CONDITION,
                "event_count|{field: User}", RuleProblemKind.BAD_CONDITION,
                "event_count|[gte, 3]", RuleProblemKind.BAD_CONDITION,
                "event_count|{gte: true}", RuleProblemKind.BAD_CONDITION,
                "event_count|{gte: 3, field: User}", RuleProblemKind.BAD_CONDITION,
                "value_count|{gte: 3}", RuleProblemKind.MISSING_FIELD,
                "temporal|logon_failed and logon_succeeded", RuleProblemKind.UNSUPPORTED_FEATURE,
                "event_count|{gte: 3, gte: 4}", RuleProblemKind.BAD_YAML);
        cases.forEach((input, kind) -> {
            String[] parts = input.split("\\|");
            RuleProblem problem = onlyProblem(template.formatted(parts[0], parts[1]));
            assertEquals(kind, problem.kind(), input + ": " + problem);
            assertEquals(22, problem.line(), input + ": " + problem);
        });
        RuleProblem missing = onlyProblem("""
                title: No condition
                correlation:
                    type: value_sum
                    rules: [logon_failed]
                    timespan: 5m
                """);
        assertEquals(RuleProblemKind.MISSING_FIELD, missing.kind());
        assertTrue(missing.message().contains("a value_sum correlation needs a condition"), missing.message());
    }

    @Test
    void testShapeProblemsEachAtTheirLine()
    {
        RuleLoadResult result = load("""
                title: Many problems
                generate: sometimes
                correlation:
                    type: event_count
                    rules: [logon_failed, logon_failed]
                    group-by: {User: 1}
                    timespan: 5m
                    condition: {gte: 1}
                    groupby: [User]
                    aliases:
                        user:
                            other_rule: User
                """);
        assertEquals(List.of(), result.correlations());
        assertEquals(List.of(18, 21, 22, 25, 28), result.problems().stream().map(RuleProblem::line).sorted().toList(), result.problems().toString());
        for (RuleProblem problem : result.problems()) {
            assertEquals(17, problem.documentLine());
        }
    }

    @Test
    void testCorrelationIdSharedWithARuleIsADuplicate()
    {
        RuleProblem problem = onlyProblem("""
                title: Clash
                id: 11111111-0000-4000-8000-000000000001
                correlation: {type: event_count, rules: [logon_succeeded], timespan: 5m, condition: {gte: 1}}
                """);
        assertEquals(RuleProblemKind.DUPLICATE_ID, problem.kind());
    }

    @Test
    void testRuleNameMustBeAValue()
    {
        RuleLoadResult result = loader.loadText("r.yml", """
                title: Named badly
                name: [a, b]
                logsource: {product: windows}
                detection:
                    s: {EventID: 1}
                    condition: s
                """);
        assertEquals(RuleProblemKind.BAD_VALUE, result.problems().get(0).kind());
        assertEquals(2, result.problems().get(0).line());
    }

    @Test
    void testRuleCarriesLogsourceUnchanged()
    {
        assertEquals(new Logsource("windows", "", "security"), load("").rules().get(0).logsource());
    }
}
