package dev.tradecraft.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.scan.ScanProblem;

/**
 * The run cuts files into batches decoded and analysed on worker threads: whatever the thread
 * count, the counts, the services kept, the problem counts and the problem examples (the first of
 * each kind, by position) must be the same.
 */
public class TestExposureRun
{
    private static final String[] VERSIONS = {"16.0.0.10417", "16.0.0.5508", "15.0.0.5545", "16.0.0.18526", "14.0.0.7015", ""};
    private static final ExposureAnalyzer ANALYZER = ExposureAnalyzer.builder().build();

    @TempDir
    Path directory;

    @Test
    public void testResultsDoNotDependOnTheThreadCount() throws IOException
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestExposureRun seed " + seed);
        Random random = new Random(seed);
        List<Path> files = List.of(write("a.json", random, 9000), write("b.json", random, 7000));

        ExposureRun.Result single = ExposureRun.run(files, ANALYZER, 1, ExposureRun.SHAREPOINT, new AtomicLong());
        for (int threads : new int[] {2, 3}) {
            AtomicLong progress = new AtomicLong();
            ExposureRun.Result parallel = ExposureRun.run(files, ANALYZER, threads, ExposureRun.SHAREPOINT, progress);
            assertEquals(single.exposures(), parallel.exposures(), "seed " + seed + ", " + threads + " threads: services kept");
            assertEquals(describe(single.summary()), describe(parallel.summary()), "seed " + seed + ", " + threads + " threads: counts");
            assertEquals(single.problems(), parallel.problems(), "seed " + seed + ", " + threads + " threads: problem counts");
            assertEquals(single.problemExamples(), parallel.problemExamples(), "seed " + seed + ", " + threads + " threads: examples");
            assertEquals(single.summary().records(), progress.get(), "progress counts every banner analysed");
        }
        assertTrue(single.summary().count(ExposureState.VULNERABLE) > 0, "seed " + seed + ": nothing vulnerable, nothing tested");
        assertTrue(single.problems().get(ScanProblem.MALFORMED_RECORD) > 5, "seed " + seed + ": too few broken lines");
        // The first examples of a kind are the first broken lines of the first file.
        List<ScanProblem> malformed = single.problemExamples().stream().filter(problem -> problem.kind().equals(ScanProblem.MALFORMED_RECORD)).toList();
        assertEquals(5, malformed.size());
        for (int i = 1; i < malformed.size(); i++) {
            assertTrue(malformed.get(i - 1).position().index() < malformed.get(i).position().index(), "examples in file order: " + malformed);
            assertEquals(files.get(0).toString(), malformed.get(i).position().file(), "seed " + seed + ": " + malformed);
        }
    }

    private Path write(String name, Random random, int lines) throws IOException
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                text.append("{\"ip_str\": \"10.9.").append(i % 250).append(".1\", \"port\": 44");
            }
            else if (kind == 1) {
                text.append("{\"ip_str\":\"10.8.").append(i % 250).append(".2\",\"data\":\"HTTP/1.1 200 OK\\r\\n\\r\\n\"}");
            }
            else {
                String version = VERSIONS[random.nextInt(VERSIONS.length)];
                String headers = version.isEmpty()
                        ? "Server: Microsoft-IIS/10.0\\r\\nSPRequestGuid: 5f1e9aa1-3b2c-4d0e-9f11-2a7c0d4b8e21\\r\\n"
                        : "Server: Microsoft-IIS/10.0\\r\\nMicrosoftSharePointTeamServices: " + version + "\\r\\n";
                text.append("{\"ip_str\":\"10.").append(random.nextInt(250)).append('.').append(random.nextInt(250)).append('.').append(i % 250)
                        .append("\",\"port\":443,\"org\":\"Org ").append(random.nextInt(40)).append("\",\"location\":{\"country_code\":\"")
                        .append(random.nextBoolean() ? "DE" : "US").append("\"},\"data\":\"HTTP/1.1 200 OK\\r\\n").append(headers).append("\\r\\n\"}");
            }
            text.append('\n');
        }
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String describe(ExposureSummary summary)
    {
        StringBuilder text = new StringBuilder("records " + summary.records());
        for (ServiceKind kind : ServiceKind.values()) {
            text.append(", ").append(kind).append(' ').append(summary.services(kind));
        }
        for (ExposureState state : ExposureState.values()) {
            text.append(", ").append(state).append(' ').append(summary.count(state));
        }
        for (String dimension : ExposureSummary.dimensions()) {
            List<String> groups = new ArrayList<>();
            for (Map.Entry<String, ExposureSummary.Counts> group : summary.breakdown(dimension)) {
                StringBuilder counts = new StringBuilder(group.getKey() + "=" + group.getValue().services());
                for (ExposureState state : ExposureState.values()) {
                    counts.append('/').append(group.getValue().count(state));
                }
                groups.add(counts.toString());
            }
            text.append("\n").append(dimension).append(": ").append(groups);
        }
        return text.toString();
    }
}
