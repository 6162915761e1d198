package dev.tradecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Hit;
import dev.tradecraft.hunt.output.HitJson;
import dev.tradecraft.hunt.output.SummaryJson;
import dev.tradecraft.scenarios.OrganisationStatus;
import dev.tradecraft.scenarios.OrganisationTruth;
import dev.tradecraft.scenarios.VerdictScore;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;

/** Runs the packaged jar, as a user would, on a generated world and checks what it wrote. */
class JarEndToEndIT
{
    @TempDir
    Path temp;

    @Test
    void testHuntOfAGeneratedWorldMatchesItsGroundTruth() throws Exception
    {
        WorldSpec demo = WorldSpec.demo();
        World world = new WorldGenerator(new WorldSpec(4242, 24, demo.firstDay(), 4, demo.requestsPerHostPerDay() / 2)).write(temp.resolve("world"));
        Path summary = temp.resolve("summary.json");
        Path hits = temp.resolve("hits.jsonl");
        Result run = run("hunt", world.webLogs().toString(), world.events().toString(), "--summary-json", summary.toString(), "--out", hits.toString(),
                "--workspace", temp.resolve("workspace").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("ORGANISATION"), run.stdout());

        Map<String, String> predicted = readStatuses(summary);
        assertEquals(world.truth().organisations().size(), predicted.size(), "every organisation is judged");
        VerdictScore score = VerdictScore.of(world.truth(), predicted);
        assertTrue(score.precision() >= 0.95 && score.recall() >= 0.95, score.mistakes().toString());
        for (OrganisationTruth organisation : world.truth().organisations()) {
            if (organisation.status() == OrganisationStatus.CLEAN) {
                assertTrue(!"compromised".equals(predicted.get(organisation.name())), organisation.name() + " is clean but was called compromised");
            }
        }

        List<String> lines = Files.readAllLines(hits, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 0);
        for (String line : lines) {
            Hit hit = HitJson.read(line);
            assertTrue(!hit.rule().author().isEmpty(), "every hit names the rule's author");
        }
    }

    @Test
    void testUnknownOptionIsInvalidInput() throws Exception
    {
        Result run = run("hunt", "--no-such-option", temp.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("Unknown option"), run.stderr());
    }

    private static Map<String, String> readStatuses(Path summary) throws IOException
    {
        try (java.io.Reader reader = Files.newBufferedReader(summary, StandardCharsets.UTF_8)) {
            return SummaryJson.readStatuses(reader);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(String... args) throws Exception
    {
        String jar = System.getProperty("tradecraft.jar", "cli/target/tradecraft.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the jar finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
