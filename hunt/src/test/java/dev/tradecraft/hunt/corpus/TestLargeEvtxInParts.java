package dev.tradecraft.hunt.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Origin;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaRuleLoader;
import dev.tradecraft.sigma.SigmaRuleset;

/**
 * One large .evtx file hunted by several workers, each on its own run of chunks, finds exactly what
 * one worker reading it whole finds. The file is the chunks of all 202 SigmaHQ regression files
 * behind the first one's header (chunks are self-contained, so that is a valid log of 202 chunks).
 */
class TestLargeEvtxInParts
{
    private static final Path CORPUS = Path.of("../shared/corpus");

    @TempDir
    Path dir;

    @Test
    void testPartsFindWhatTheWholeFileFinds() throws IOException
    {
        Path regression = CORPUS.resolve("sigma-regression/regression_data");
        assumeTrue(Files.isDirectory(regression) && Files.isDirectory(CORPUS.resolve("sigma/rules")),
                "../shared/corpus is absent: large EVTX hunt in parts not tried");
        List<Path> evtx;
        try (Stream<Path> paths = Files.walk(regression)) {
            evtx = paths.filter(path -> path.toString().endsWith(".evtx")).sorted().toList();
        }
        Path large = dir.resolve("Combined.evtx");
        try (OutputStream out = Files.newOutputStream(large)) {
            out.write(Arrays.copyOf(Files.readAllBytes(evtx.get(0)), 4096));
            for (Path file : evtx) {
                byte[] bytes = Files.readAllBytes(file);
                out.write(bytes, 4096, 65536);
            }
        }
        SigmaRuleset rules = SigmaCompiler.compile(new SigmaRuleLoader().load(List.of(CORPUS.resolve("sigma/rules"),
                CORPUS.resolve("sigma/rules-emerging-threats"), CORPUS.resolve("sigma/rules-threat-hunting"))).rules(), LogsourceMappings.builtIn());
        LogFile file = new LogFile(large, "acme/dc01/Combined.evtx", new Origin("acme", "dc01"), Files.size(large));

        HuntResult whole = Hunter.builder(rules).threads(1).build().hunt(List.of(file));
        HuntResult parts = Hunter.builder(rules).threads(2).evtxPartChunks(16).build().hunt(List.of(file));

        assertEquals(238, whole.events());
        assertEquals(whole.events(), parts.events());
        assertEquals(0, whole.problems().total(), whole.problems().counts().toString());
        assertEquals(0, parts.problems().total(), parts.problems().counts().toString());
        assertEquals(1, parts.files().size());
        assertEquals(238, parts.files().get(0).events());
        assertTrue(whole.hits().size() >= 202, "every case's rule fires: " + whole.hits().size());
        assertEquals(describe(whole.hits()), describe(parts.hits()));
    }

    private static List<String> describe(List<Hit> hits)
    {
        return hits.stream().map(hit -> hit.position() + " " + hit.rule().id()).toList();
    }
}
