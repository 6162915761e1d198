package dev.tradecraft.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Origin;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.SigmaCompiler;

/** Which files a hunt splits among its workers, and where: only large EVTX files, in runs of whole chunks. */
class TestHunterParts
{
    @TempDir
    Path dir;

    @Test
    void testOnlyLargeEvtxFilesAreSplit() throws IOException
    {
        LogFile evtx = file("Security.evtx", "ElfFile\0", 4096 + 40 * 65536 + 100);
        LogFile small = file("System.evtx", "ElfFile\0", 4096 + 31 * 65536);
        LogFile json = file("security.json", "{\"EventID\": 4624}\n", 4096 + 40 * 65536);
        Hunter two = hunter(2);
        // 41 chunks (the last one partial) in parts of 16; a file under two parts' worth is whole.
        assertEquals(List.of(0L, 16L, 32L), two.partStarts(evtx));
        assertEquals(List.of(-1L), two.partStarts(small));
        assertEquals(List.of(-1L), two.partStarts(json));
        assertEquals(List.of(-1L), hunter(1).partStarts(evtx), "one worker reads every file whole");
    }

    private Hunter hunter(int threads)
    {
        return Hunter.builder(SigmaCompiler.compile(List.of(), LogsourceMappings.builtIn())).threads(threads).evtxPartChunks(16).build();
    }

    private LogFile file(String name, String start, int size) throws IOException
    {
        byte[] bytes = Arrays.copyOf(start.getBytes(StandardCharsets.ISO_8859_1), size);
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return new LogFile(path, "acme/dc01/" + name, new Origin("acme", "dc01"), size);
    }
}
