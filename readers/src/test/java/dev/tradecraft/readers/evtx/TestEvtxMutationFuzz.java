package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;

/**
 * Seeded random damage to the real corpus files and to files of several of their chunks: bit flips,
 * runs of random bytes, of 0x00 and of 0xFF, truncation, chunks duplicated, swapped, dropped or
 * zeroed, header and record fields set to extreme values, bytes of Binary XML set to tokens and
 * value types, and records of random, mostly well-formed Binary XML ({@link RandomBinXml}) added
 * after a chunk's own, which get further into the decoder than damage does. Every mutant is read by {@link EvtxReader} and dumped as JSONL on the calling thread
 * and on a pool of two, and as XML. Nothing may throw but {@link EvtxFormatException} for a file
 * whose signature is gone; every problem's offset lies in the file; every JSONL line is one JSON
 * object; the reader, the dumps and their problems agree; each chunk dumped alone gives the lines it
 * gave in the file, and a chunk the damage did not reach gives its undamaged lines.
 *
 * <p>The run is bounded by its iteration count ({@code -Dtradecraft.evtx.mutants=N}, default
 * {@value #DEFAULT_MUTANTS}); what bounds each mutant's time is the decoder's own limits. The seed
 * is printed; {@code -Dtradecraft.seed=N} repeats a run, and a failure names the seed of its mutant.
 */
public class TestEvtxMutationFuzz
{
    private static final int DEFAULT_MUTANTS = 3500;
    private static final int[] EXTREME_U32 = {0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0xffff, 0x1_0000, 0xfffc, 511, 512, 28, 24};
    private static final int[] EXTREME_U16 = {0, 1, 2, 0x7fff, 0x8000, 0xffff, 0xfffe};
    // Binary XML tokens and value types: what turns a byte into structure.
    private static final int[] TOKENS = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d,
            0x0e, 0x0f, 0x41, 0x45, 0x46, 0x10, 0x13, 0x21, 0x81, 0x8f, 0x94, 0xa1, 0xff};

    @Test
    public void testMutantsAreReadWithoutEscapesAndAgree() throws IOException
    {
        List<byte[]> corpus = EvtxTestFiles.corpus();
        int mutants = Integer.getInteger("tradecraft.evtx.mutants", DEFAULT_MUTANTS);
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestEvtxMutationFuzz seed=" + seed + " mutants=" + mutants);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "evtx-fuzz-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Map<ProblemKind, Integer> seen = new EnumMap<>(ProblemKind.class);
        long slowest = 0;
        long slowestSeed = 0;
        try {
            for (int i = 0; i < mutants; i++) {
                long mutantSeed = seed + i;
                Mutant mutant = mutant(new Random(mutantSeed), corpus);
                long started = System.nanoTime();
                try {
                    check(mutant, pool, seen);
                }
                catch (AssertionError | RuntimeException | IOException e) {
                    throw new AssertionError("mutant " + i + " of seed " + seed + " (-Dtradecraft.seed=" + mutantSeed
                            + " -Dtradecraft.evtx.mutants=1 repeats it), " + mutant.bytes.length + " bytes, " + mutant.applied + ": " + e, e);
                }
                long took = System.nanoTime() - started;
                if (took > slowest) {
                    slowest = took;
                    slowestSeed = mutantSeed;
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        System.out.println("TestEvtxMutationFuzz problems by kind " + seen + "; slowest mutant " + slowest / 1_000_000
                + " ms (-Dtradecraft.seed=" + slowestSeed + ")");
    }

    private static void check(Mutant damaged, ExecutorService pool, Map<ProblemKind, Integer> seen) throws IOException
    {
        byte[] mutant = damaged.bytes;
        EvtxTestFiles.Read read;
        try {
            read = EvtxTestFiles.read(mutant);
        }
        catch (EvtxFormatException e) {
            assertTrue(mutant.length < 128 || !EvtxFileHeader.hasMagic(mutant, mutant.length), "format exception for a file with a header: " + e);
            assertThrows(EvtxFormatException.class, () -> EvtxTestFiles.dump(mutant, EvtxDumper.Format.JSONL, null, 1));
            return;
        }
        for (ReadProblem problem : read.problems()) {
            seen.merge(problem.kind(), 1, Integer::sum);
            if (problem.position().unit() == SourcePosition.Unit.OFFSET) {
                assertTrue(problem.position().index() <= mutant.length, "offset past the end of the file: " + problem);
            }
        }
        EvtxTestFiles.Dump single = EvtxTestFiles.dump(mutant, EvtxDumper.Format.JSONL, null, 1);
        EvtxTestFiles.Dump pooled = EvtxTestFiles.dump(mutant, EvtxDumper.Format.JSONL, pool, 2);
        List<String> lines = single.lines();
        for (String line : lines) {
            List<Object> values = JsonValues.parseAll(line, text -> text);
            assertEquals(1, values.size(), line);
            assertInstanceOf(Map.class, values.get(0), line);
        }
        assertEquals(read.events().size(), lines.size(), "events read and JSONL lines");
        assertEquals(lines.size(), single.summary().records(), "records in the dump summary");
        assertEquals(read.skipped(), single.summary().skipped(), "records skipped by the reader and the dumper");
        assertEquals(withoutTimestamps(read.problems()), single.problems(), "problems of the reader and the dumper");
        assertEquals(single.text(), pooled.text(), "dump on one thread and on two");
        assertEquals(single.problems(), pooled.problems(), "problems on one thread and on two");
        EvtxTestFiles.Dump xml = EvtxTestFiles.dump(mutant, EvtxDumper.Format.XML, null, 1);
        assertEquals(lines.size(), xml.text().split("<\\?xml ", -1).length - 1, "XML records");
        checkChunksAlone(damaged, lines);
        EvtxTestFiles.Read parts = EvtxTestFiles.readInParts(mutant, 2);
        assertEquals(read.events(), parts.events(), "events read whole and in parts of two chunks");
        assertEquals(read.problems(), parts.problems(), "problems read whole and in parts of two chunks");
        assertEquals(read.skipped(), parts.skipped(), "records skipped whole and in parts");
    }

    /**
     * Chunks are independent: each chunk of the mutant dumped as a file of its own gives the lines the
     * whole file gave for it, and a chunk no mutation touched gives the lines it gave undamaged.
     */
    private static void checkChunksAlone(Mutant mutant, List<String> lines) throws IOException
    {
        List<String> joined = new ArrayList<>();
        for (int chunk = 0; EvtxTestFiles.chunkStart(chunk) < mutant.bytes.length; chunk++) {
            List<String> alone = EvtxTestFiles.jsonl(alone(mutant.original, mutant.bytes, chunk));
            if (!mutant.rearranged && !mutant.touched.get(chunk)) {
                assertEquals(EvtxTestFiles.jsonl(alone(mutant.original, mutant.original, chunk)), alone, "untouched chunk " + chunk);
            }
            joined.addAll(alone);
        }
        assertEquals(lines, joined, "the chunks dumped one by one");
    }

    /** Chunk {@code index} of {@code file} (what there is of it) after the undamaged file's header. */
    private static byte[] alone(byte[] original, byte[] file, int index)
    {
        int start = EvtxTestFiles.chunkStart(index);
        int length = Math.min(EvtxTestFiles.CHUNK, file.length - start);
        byte[] out = new byte[EvtxTestFiles.HEADER + length];
        System.arraycopy(original, 0, out, 0, EvtxTestFiles.HEADER);
        System.arraycopy(file, start, out, EvtxTestFiles.HEADER, length);
        return out;
    }

    /** The reader alone maps TimeCreated to the event time, so only it reports a damaged one. */
    private static List<ReadProblem> withoutTimestamps(List<ReadProblem> problems)
    {
        List<ReadProblem> kept = new ArrayList<>();
        for (ReadProblem problem : problems) {
            if (problem.kind() != ProblemKind.BAD_TIMESTAMP) {
                kept.add(problem);
            }
        }
        return kept;
    }

    // ---- mutants

    /** A damaged file, what was done to it, and which chunks the damage can have reached. */
    private static final class Mutant
    {
        final byte[] original;
        byte[] bytes;
        final List<String> applied = new ArrayList<>();
        final BitSet touched = new BitSet();
        // Chunks moved, dropped or added: chunk i is no longer the original's chunk i.
        boolean rearranged;

        Mutant(byte[] original)
        {
            this.original = original;
            this.bytes = EvtxTestFiles.copy(original);
        }

        /** Notes that bytes {@code [from, to)} changed. */
        void touch(int from, int to)
        {
            for (int at = Math.max(from, EvtxTestFiles.HEADER); at < to; at += EvtxTestFiles.CHUNK) {
                touched.set((at - EvtxTestFiles.HEADER) / EvtxTestFiles.CHUNK);
            }
            if (to > EvtxTestFiles.HEADER) {
                touched.set((to - 1 - EvtxTestFiles.HEADER) / EvtxTestFiles.CHUNK);
            }
        }
    }

    private static Mutant mutant(Random random, List<byte[]> corpus)
    {
        Mutant mutant;
        if (random.nextInt(5) < 3) {
            int index = random.nextInt(corpus.size());
            mutant = new Mutant(corpus.get(index));
            mutant.applied.add("corpus file " + index);
        }
        else {
            byte[][] parts = new byte[2 + random.nextInt(4)][];
            int[] indexes = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                indexes[i] = random.nextInt(corpus.size());
                parts[i] = corpus.get(indexes[i]);
            }
            mutant = new Mutant(EvtxTestFiles.assemble(parts));
            mutant.applied.add("chunks of corpus files " + Arrays.toString(indexes));
        }
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            mutate(random, mutant);
        }
        if (random.nextBoolean()) {
            // Right checksums over wrong content: the decoder, not the checksum, has to notice.
            byte[] file = mutant.bytes;
            for (int chunk = 0; EvtxTestFiles.chunkStart(chunk) + EvtxChunk.HEADER_SIZE <= file.length; chunk++) {
                EvtxTestFiles.fixChunk(file, chunk);
            }
            if (file.length >= 128) {
                EvtxTestFiles.fixFileHeader(file);
            }
            mutant.applied.add("checksums fixed");
        }
        return mutant;
    }

    private static void mutate(Random random, Mutant mutant)
    {
        byte[] file = mutant.bytes;
        List<String> applied = mutant.applied;
        if (file.length == 0) {
            return;
        }
        switch (random.nextInt(12)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = target(random, file);
                    file[at] ^= (byte) (1 << random.nextInt(8));
                    mutant.touch(at, at + 1);
                    applied.add("bit flip at " + at);
                }
            }
            case 1 -> {
                int at = target(random, file);
                int length = Math.min(file.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 512));
                for (int i = 0; i < length; i++) {
                    file[at + i] = (byte) random.nextInt(256);
                }
                mutant.touch(at, at + length);
                applied.add(length + " random bytes at " + at);
            }
            case 2 -> {
                int at = target(random, file);
                int length = Math.min(file.length - at, 1 + random.nextInt(random.nextInt(4) == 0 ? EvtxTestFiles.CHUNK : 256));
                byte fill = random.nextBoolean() ? 0 : (byte) 0xff;
                Arrays.fill(file, at, at + length, fill);
                mutant.touch(at, at + length);
                applied.add(length + " bytes of " + (fill & 0xff) + " at " + at);
            }
            case 3 -> {
                int length = truncation(random, file);
                mutant.bytes = Arrays.copyOf(file, length);
                mutant.touch(length, file.length);
                applied.add("truncated to " + length);
            }
            case 4 -> rearrange(random, mutant);
            case 10, 11 -> appendRandomRecords(random, mutant);
            case 5, 6 -> {
                int at = u32Target(random, file);
                if (at + 4 <= file.length) {
                    long value = u32Value(random, at);
                    EvtxTestFiles.putU32(file, at, value);
                    mutant.touch(at, at + 4);
                    applied.add("u32 at " + at + " set to " + value);
                }
            }
            case 7 -> {
                int at = recordTarget(random, file);
                if (at + 2 <= file.length) {
                    int value = EXTREME_U16[random.nextInt(EXTREME_U16.length)];
                    EvtxTestFiles.putU16(file, at, value);
                    mutant.touch(at, at + 2);
                    applied.add("u16 at " + at + " set to " + value);
                }
            }
            default -> {
                int bytes = 1 + random.nextInt(3);
                for (int i = 0; i < bytes; i++) {
                    int at = recordTarget(random, file);
                    file[at] = (byte) TOKENS[random.nextInt(TOKENS.length)];
                    mutant.touch(at, at + 1);
                    applied.add("byte at " + at + " set to " + (file[at] & 0xff));
                }
            }
        }
    }

    /** Records of random, mostly well-formed Binary XML after the records of a chunk, maybe a copy of one of those after them. */
    private static void appendRandomRecords(Random random, Mutant mutant)
    {
        byte[] file = mutant.bytes;
        int chunks = chunks(file);
        if (chunks == 0) {
            return;
        }
        int chunk = random.nextInt(chunks);
        int start = EvtxTestFiles.chunkStart(chunk);
        if (file.length < start + EvtxTestFiles.CHUNK) {
            return;
        }
        List<Integer> records = EvtxTestFiles.records(file, chunk);
        RandomBinXml binXml = new RandomBinXml(random);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            long free = EvtxTestFiles.u32(file, start + 48);
            if (free < EvtxChunk.HEADER_SIZE || free > EvtxTestFiles.CHUNK) {
                return;
            }
            byte[] xml = binXml.record((int) free + 24);
            if (free + 24 + xml.length + 4 > EvtxTestFiles.CHUNK) {
                return;
            }
            int at = EvtxTestFiles.appendRecord(file, chunk, 1000 + i, offset -> xml);
            mutant.touch(start, start + EvtxTestFiles.CHUNK);
            mutant.applied.add("random record of " + xml.length + " bytes at " + at);
        }
        // A record that uses its templates by reference can be copied; one that defines them cannot.
        if (records.size() > 1 && random.nextBoolean()) {
            int record = records.get(1);
            long free = EvtxTestFiles.u32(file, start + 48);
            if (free + EvtxTestFiles.u32(file, record + 4) <= EvtxTestFiles.CHUNK) {
                mutant.applied.add("copy of the record at " + record + " at " + EvtxTestFiles.appendCopy(file, chunk, record));
            }
        }
    }

    private static int chunks(byte[] file)
    {
        return Math.max(0, (file.length - EvtxTestFiles.HEADER + EvtxTestFiles.CHUNK - 1) / EvtxTestFiles.CHUNK);
    }

    /** A byte to damage: in the file header, a chunk header, a record, or anywhere. */
    private static int target(Random random, byte[] file)
    {
        int chunks = chunks(file);
        int choice = random.nextInt(20);
        if (choice < 3 || chunks == 0) {
            return random.nextInt(Math.min(128, file.length));
        }
        if (choice < 6) {
            int start = EvtxTestFiles.chunkStart(random.nextInt(chunks));
            return Math.min(file.length - 1, start + random.nextInt(EvtxChunk.HEADER_SIZE));
        }
        if (choice < 18) {
            return recordTarget(random, file);
        }
        return random.nextInt(file.length);
    }

    /** A byte inside a record when the file still has records that walk, else anywhere in a chunk. */
    private static int recordTarget(Random random, byte[] file)
    {
        int chunks = chunks(file);
        if (chunks == 0) {
            return random.nextInt(file.length);
        }
        int chunk = random.nextInt(chunks);
        List<Integer> records = EvtxTestFiles.records(file, chunk);
        if (records.isEmpty()) {
            int start = EvtxTestFiles.chunkStart(chunk);
            return Math.min(file.length - 1, start + random.nextInt(EvtxTestFiles.CHUNK));
        }
        int record = records.get(random.nextInt(records.size()));
        long size = EvtxTestFiles.u32(file, record + 4);
        // Most of a record is its Binary XML; the fixed fields before it get their share too.
        int within = random.nextInt(4) == 0 ? random.nextInt(24) : random.nextInt((int) Math.max(1, size));
        return Math.min(file.length - 1, record + within);
    }

    /** Where to write a u32: a header field, a record's size or its trailing copy, or a place in a record. */
    private static int u32Target(Random random, byte[] file)
    {
        int chunks = chunks(file);
        int choice = random.nextInt(10);
        if (choice == 0 || chunks == 0) {
            int[] fields = {8, 16, 24, 32, 36, 40, 42, 120, 124};
            return fields[random.nextInt(fields.length)];
        }
        int chunk = random.nextInt(chunks);
        int start = EvtxTestFiles.chunkStart(chunk);
        if (choice < 3) {
            // Record ids, free space offset, checksums, and the string and template tables.
            int[] fields = {8, 16, 24, 32, 40, 44, 48, 52, 124, 128 + 4 * random.nextInt(96)};
            return start + fields[random.nextInt(fields.length)];
        }
        List<Integer> records = EvtxTestFiles.records(file, chunk);
        if (records.isEmpty()) {
            return start + EvtxChunk.HEADER_SIZE + random.nextInt(EvtxTestFiles.CHUNK - EvtxChunk.HEADER_SIZE - 4);
        }
        int record = records.get(random.nextInt(records.size()));
        long size = EvtxTestFiles.u32(file, record + 4);
        return switch (choice) {
            case 3 -> record + 4;
            case 4 -> (int) Math.min(file.length - 4, record + size - 4);
            default -> record + 24 + random.nextInt((int) Math.max(1, size - 28));
        };
    }

    /** An extreme value, or an offset that points at the field itself, just past it, or elsewhere in its chunk. */
    private static long u32Value(Random random, int at)
    {
        int inChunk = at < EvtxTestFiles.HEADER ? at : (at - EvtxTestFiles.HEADER) % EvtxTestFiles.CHUNK;
        return switch (random.nextInt(5)) {
            case 0 -> inChunk;
            case 1 -> inChunk + 4;
            case 2 -> random.nextInt(EvtxTestFiles.CHUNK + 64);
            default -> EXTREME_U32[random.nextInt(EXTREME_U32.length)] & 0xffff_ffffL;
        };
    }

    private static int truncation(Random random, byte[] file)
    {
        int chunks = chunks(file);
        switch (random.nextInt(4)) {
            case 0 -> {
                return random.nextInt(Math.min(file.length, EvtxTestFiles.HEADER) + 1);
            }
            case 1 -> {
                int boundary = EvtxTestFiles.chunkStart(random.nextInt(chunks + 1));
                return Math.max(0, Math.min(file.length, boundary + random.nextInt(1024) - 512));
            }
            case 2 -> {
                if (chunks > 0) {
                    int chunk = random.nextInt(chunks);
                    List<Integer> records = EvtxTestFiles.records(file, chunk);
                    if (!records.isEmpty()) {
                        int record = records.get(random.nextInt(records.size()));
                        return Math.min(file.length, record + random.nextInt(2048));
                    }
                }
                return random.nextInt(file.length + 1);
            }
            default -> {
                return random.nextInt(file.length + 1);
            }
        }
    }

    /** Chunks duplicated, swapped, dropped or zeroed, the header left as it was. */
    private static void rearrange(Random random, Mutant mutant)
    {
        byte[] file = mutant.bytes;
        int chunks = chunks(file);
        if (chunks == 0 || file.length < EvtxTestFiles.chunkStart(chunks)) {
            return;
        }
        int a = random.nextInt(chunks);
        int b = random.nextInt(chunks);
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] out = Arrays.copyOf(file, file.length + EvtxTestFiles.CHUNK);
                System.arraycopy(file, EvtxTestFiles.chunkStart(a), out, EvtxTestFiles.chunkStart(chunks), EvtxTestFiles.CHUNK);
                mutant.bytes = out;
                mutant.rearranged = true;
                mutant.applied.add("chunk " + a + " appended again");
            }
            case 1 -> {
                byte[] before = EvtxTestFiles.copy(file);
                System.arraycopy(before, EvtxTestFiles.chunkStart(a), file, EvtxTestFiles.chunkStart(b), EvtxTestFiles.CHUNK);
                System.arraycopy(before, EvtxTestFiles.chunkStart(b), file, EvtxTestFiles.chunkStart(a), EvtxTestFiles.CHUNK);
                mutant.rearranged = true;
                mutant.applied.add("chunks " + a + " and " + b + " swapped");
            }
            case 2 -> {
                if (chunks == 1) {
                    return;
                }
                byte[] out = new byte[file.length - EvtxTestFiles.CHUNK];
                System.arraycopy(file, 0, out, 0, EvtxTestFiles.chunkStart(a));
                System.arraycopy(file, EvtxTestFiles.chunkStart(a + 1), out, EvtxTestFiles.chunkStart(a),
                        file.length - EvtxTestFiles.chunkStart(a + 1));
                mutant.bytes = out;
                mutant.rearranged = true;
                mutant.applied.add("chunk " + a + " dropped");
            }
            default -> {
                Arrays.fill(file, EvtxTestFiles.chunkStart(a), EvtxTestFiles.chunkStart(a + 1), (byte) 0);
                mutant.touch(EvtxTestFiles.chunkStart(a), EvtxTestFiles.chunkStart(a + 1));
                mutant.applied.add("chunk " + a + " zeroed");
            }
        }
    }
}
