package dev.tradecraft.exposure.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage to valid lines of each JSON scan format: random bytes of a few lines are
 * replaced (line breaks included, which split a line). The reader must not throw; every banner of
 * an undamaged line must come out exactly as from the undamaged file (at its line, shifted by the
 * breaks inserted before it); problems may only name damaged lines; the gzip of the damaged file
 * must read the same. Read in batches of raw lines decoded apart (as the exposure run does on its
 * workers), in random batch sizes, the banners and problems must be those of the sequential reader,
 * also when a truncated gzip stream cuts the last line. Run with {@code -Dtests.seed=N} to repeat a failure.
 */
public class TestScanReadersRandom
{
    private static final int ITERATIONS = 60;
    // Bytes that matter to JSON, to line framing and to UTF-8, and some that matter to nothing.
    private static final byte[] DAMAGE = "{}[]\",:\\ \n\r\t0aZ-".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DAMAGE_BINARY = {0, (byte) 0xC3, (byte) 0xE2, (byte) 0xFF, (byte) 0x80, 0x1F};

    @TempDir
    Path directory;

    @Test
    public void testDamagedShodanLinesDoNotHurtTheirNeighbours()
            throws IOException
    {
        run(ScanFormat.SHODAN, RandomScanRecords::shodan, false);
    }

    @Test
    public void testDamagedCensysLinesDoNotHurtTheirNeighbours()
            throws IOException
    {
        run(ScanFormat.CENSYS, RandomScanRecords::censys, false);
    }

    @Test
    public void testDamagedZgrab2LinesDoNotHurtTheirNeighbours()
            throws IOException
    {
        run(ScanFormat.ZGRAB2, RandomScanRecords::zgrab2, false);
    }

    @Test
    public void testDamagedMasscanLinesDoNotHurtTheirNeighbours()
            throws IOException
    {
        run(ScanFormat.MASSCAN, RandomScanRecords::masscan, true);
    }

    private void run(ScanFormat format, Function<Random, String> records, boolean array) throws IOException
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " " + format + " seed " + seed);
        int problems = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Random random = new Random(seed + iteration);
            try {
                problems += check(format, records, array, random, iteration);
            }
            catch (AssertionError | RuntimeException | IOException e) {
                throw new AssertionError(format + " seed " + seed + ", iteration " + iteration + " (-Dtests.seed=" + (seed + iteration)
                        + " repeats it as iteration 0): " + e, e);
            }
        }
        assertTrue(problems > 0, "seed " + seed + ": the damage never broke a record, so nothing was tested");
    }

    /** One damaged file; returns how many problems it gave. */
    private int check(ScanFormat format, Function<Random, String> records, boolean array, Random random, int iteration) throws IOException
    {
        int count = 5 + random.nextInt(30);
        List<byte[]> lines = new ArrayList<>();
        if (array) {
            lines.add("[".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < count; i++) {
            lines.add(records.apply(random).getBytes(StandardCharsets.UTF_8));
        }
        if (array) {
            lines.add("]".getBytes(StandardCharsets.UTF_8));
        }
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        Read clean = read(format, join(lines, lineEnd), "clean-" + iteration);
        assertEquals(List.of(), clean.problems, "undamaged input");

        // Damage some lines; a line break put into line i moves every later line down by one.
        boolean[] damaged = new boolean[lines.size()];
        int[] shift = new int[lines.size()];
        int victims = 1 + random.nextInt(Math.max(1, lines.size() / 4));
        for (int v = 0; v < victims; v++) {
            int index = random.nextInt(lines.size());
            byte[] line = lines.get(index);
            if (line.length == 0) {
                continue;
            }
            damaged[index] = true;
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                byte replacement = random.nextInt(5) == 0 ? DAMAGE_BINARY[random.nextInt(DAMAGE_BINARY.length)] : DAMAGE[random.nextInt(DAMAGE.length)];
                line[random.nextInt(line.length)] = replacement;
            }
        }
        int breaks = 0;
        for (int i = 0; i < lines.size(); i++) {
            shift[i] = breaks;
            if (damaged[i]) {
                for (byte b : lines.get(i)) {
                    if (b == '\n') {
                        breaks++;
                    }
                }
            }
        }
        byte[] content = join(lines, lineEnd);
        Read result = read(format, content, "damaged-" + iteration);

        Map<Long, List<Banner>> byLine = new HashMap<>();
        for (Banner banner : result.banners) {
            byLine.computeIfAbsent(banner.position().index(), line -> new ArrayList<>()).add(banner);
        }
        List<Long> damagedLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            long original = i + 1;
            long now = original + shift[i];
            if (damaged[i]) {
                long extra = 0;
                for (byte b : lines.get(i)) {
                    if (b == '\n') {
                        extra++;
                    }
                }
                for (long at = now; at <= now + extra; at++) {
                    damagedLines.add(at);
                }
                continue;
            }
            List<Banner> expected = new ArrayList<>();
            for (Banner banner : clean.banners) {
                if (banner.position().index() == original) {
                    expected.add(TestCensysReader.withoutPosition(banner));
                }
            }
            List<Banner> actual = new ArrayList<>();
            for (Banner banner : byLine.getOrDefault(now, List.of())) {
                actual.add(TestCensysReader.withoutPosition(banner));
            }
            assertEquals(expected, actual, "undamaged line " + original + " (now " + now + ")");
        }
        for (ScanProblem problem : result.problems) {
            assertTrue(damagedLines.contains(problem.position().index()), "a problem at an undamaged line: " + problem + "; damaged " + damagedLines);
        }
        assertTrue(result.skipped <= result.problems.size(), "every skip is reported");

        byte[] gzip = ScanFiles.gzip(content);
        Read compressed = read(format, gzip, "damaged-" + iteration);
        assertEquals(result.banners, compressed.banners, "gzip reads the same");
        assertEquals(result.problems, compressed.problems, "gzip reports the same");

        int batchLines = 1 + random.nextInt(8);
        assertSameRead(result, readBatches(format, content, "damaged-" + iteration, batchLines), "batches of " + batchLines + " lines");
        byte[] cut = java.util.Arrays.copyOf(gzip, Math.max(20, gzip.length - 1 - random.nextInt(Math.max(1, gzip.length / 2))));
        assertSameRead(read(format, cut, "cut-" + iteration), readBatches(format, cut, "cut-" + iteration, batchLines),
                "batches of " + batchLines + " lines of a cut gzip stream");
        return result.problems.size();
    }

    private record Read(List<Banner> banners, List<ScanProblem> problems, long skipped) {}

    private Read read(ScanFormat format, byte[] content, String name) throws IOException
    {
        Path file = ScanFiles.write(directory, name + "-" + content.length, content);
        List<ScanProblem> problems = new ArrayList<>();
        List<Banner> banners = new ArrayList<>();
        try (BannerReader reader = ScanReaders.openAs(file, name, problems::add, format)) {
            while (reader.advance()) {
                banners.add(reader.current());
            }
            return new Read(banners, problems, reader.skipped());
        }
    }

    /** Banners in the same order; problems the same, in file order (batches report reading problems before decoding ones). */
    private static void assertSameRead(Read sequential, Read batched, String what)
    {
        assertEquals(sequential.banners, batched.banners, what + ": banners");
        assertEquals(inFileOrder(sequential.problems), inFileOrder(batched.problems), what + ": problems");
    }

    private static List<ScanProblem> inFileOrder(List<ScanProblem> problems)
    {
        List<ScanProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingLong((ScanProblem problem) -> problem.position().index()).thenComparing(ScanProblem::toString));
        return sorted;
    }

    private Read readBatches(ScanFormat format, byte[] content, String name, int batchLines) throws IOException
    {
        Path file = ScanFiles.write(directory, name + "-batches-" + content.length, content);
        List<ScanProblem> problems = new ArrayList<>();
        List<Banner> banners = new ArrayList<>();
        List<BannerBatches.Batch> batches = new ArrayList<>();
        try (BannerBatches reader = ScanReaders.openBatchesAs(file, name, problems::add, format, batchLines)) {
            java.util.Optional<BannerBatches.Batch> batch;
            while ((batch = reader.next()).isPresent()) {
                batches.add(batch.get());
            }
        }
        // Decoded after the file is closed and last batch first: batches must not depend on the reader or on each other.
        List<List<Banner>> decoded = new ArrayList<>();
        for (int i = batches.size() - 1; i >= 0; i--) {
            decoded.add(0, batches.get(i).banners(problems::add));
        }
        decoded.forEach(banners::addAll);
        return new Read(banners, problems, 0);
    }

    private static byte[] join(List<byte[]> lines, String lineEnd)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] end = lineEnd.getBytes(StandardCharsets.UTF_8);
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.writeBytes(end);
        }
        return out.toByteArray();
    }
}
