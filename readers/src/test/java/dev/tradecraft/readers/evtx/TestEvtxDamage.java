package dev.tradecraft.readers.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tradecraft.core.EventFields;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;

/**
 * Damage of one kind at a time, made to real corpus files and to files of several of their chunks:
 * what is recovered must be exactly the undamaged file's records less the damaged ones, and what is
 * reported must name the cause, with the offset of the chunk or record it is in. Reader and dumper
 * must agree on both.
 *
 * <p>{@code SINGLE_*} files hold one record each; {@code MULTI} holds five, the first defining the
 * templates (at chunk offsets 550 and 2049) that the other four use by reference, and has leftovers
 * of older records past its free space offset; {@code MULTI_CLEAN} holds six and nothing past them.
 */
public class TestEvtxDamage
{
    private static final String SINGLE_A = "271de298";
    private static final String SINGLE_B = "af688c76";
    private static final String MULTI = "0b9ad457";
    private static final String MULTI_CLEAN = "5299fadf";
    private static final int MULTI_TEMPLATE = 550;
    private static final int MULTI_RECORDS = 5;

    private byte[] singleA;
    private byte[] singleB;
    private byte[] multi;
    private byte[] multiClean;

    @BeforeEach
    public void loadCorpus() throws IOException
    {
        singleA = EvtxTestFiles.corpus(SINGLE_A);
        singleB = EvtxTestFiles.corpus(SINGLE_B);
        multi = EvtxTestFiles.corpus(MULTI);
        multiClean = EvtxTestFiles.corpus(MULTI_CLEAN);
    }

    // ---- file header

    @Test
    public void testWrongFileHeaderChecksumReadsEveryRecord() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi);
        List<String> expected = EvtxTestFiles.jsonl(file);
        // A reserved byte the checksum covers: nothing else changes.
        file[100] ^= 1;
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.BAD_CHECKSUM, 0, "file header checksum does not match"));
    }

    @Test
    public void testDirtyAndFullFlagsAreNoProblem() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi);
        List<String> expected = EvtxTestFiles.jsonl(file);
        EvtxTestFiles.putU32(file, 120, 3);
        EvtxTestFiles.fixFileHeader(file);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome);
    }


    @Test
    public void testDirtyHeaderThatCountsFewerChunksReadsThemAll() throws IOException
    {
        // Windows updates the header when it closes the log: a dirty one lags behind the chunks written.
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        List<String> expected = EvtxTestFiles.jsonl(file);
        EvtxTestFiles.putU16(file, 42, 1);
        EvtxTestFiles.putU32(file, 120, 1);
        EvtxTestFiles.fixFileHeader(file);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome);
    }
    @Test
    public void testFileCutInsideItsHeaderHasNoChunks() throws IOException
    {
        Outcome outcome = outcome(Arrays.copyOf(multi, 2000));
        assertLines(List.of(), outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, 2000, "file ends inside its 4096-byte header"));
    }

    @Test
    public void testFileWithoutAHeaderIsNotEvtx()
    {
        byte[] cut = Arrays.copyOf(multi, 100);
        EvtxFormatException e = assertThrows(EvtxFormatException.class, () -> EvtxTestFiles.read(cut));
        assertTrue(e.getMessage().contains("after 100 bytes"), e.getMessage());
        byte[] overwritten = EvtxTestFiles.copy(multi);
        overwritten[0] = 'X';
        assertThrows(EvtxFormatException.class, () -> EvtxTestFiles.read(overwritten));
        assertThrows(EvtxFormatException.class, () -> EvtxTestFiles.dump(overwritten, EvtxDumper.Format.JSONL, null, 1));
    }

    // ---- chunks

    @Test
    public void testWrongChunkHeaderChecksumReadsEveryRecord() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        List<String> expected = EvtxTestFiles.jsonl(file);
        file[EvtxTestFiles.chunkStart(1) + 124] ^= 1;
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.BAD_CHECKSUM, EvtxTestFiles.chunkStart(1), "chunk 1 header checksum does not match"));
    }

    @Test
    public void testWrongRecordsChecksumReadsEveryRecord() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        List<String> expected = EvtxTestFiles.jsonl(file);
        int start = EvtxTestFiles.chunkStart(2);
        file[start + 52] ^= 1;
        EvtxTestFiles.fixChunkHeader(file, 2);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.BAD_CHECKSUM, start, "chunk 2 records checksum does not match"));
    }

    @Test
    public void testZeroedChunkBetweenTwoGoodOnes() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        List<String> expected = concat(EvtxTestFiles.jsonl(singleA), EvtxTestFiles.jsonl(singleB));
        Arrays.fill(file, EvtxTestFiles.chunkStart(1), EvtxTestFiles.chunkStart(2), (byte) 0);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_CHUNK, EvtxTestFiles.chunkStart(1), "chunk 1 is all zeros"));
    }

    @Test
    public void testZeroedChunkPastTheHeaderCountIsUnusedSpace() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        Arrays.fill(file, EvtxTestFiles.chunkStart(2), file.length, (byte) 0);
        EvtxTestFiles.putU16(file, 42, 2);
        EvtxTestFiles.fixFileHeader(file);
        Outcome outcome = outcome(file);
        assertLines(concat(EvtxTestFiles.jsonl(singleA), EvtxTestFiles.jsonl(multi)), outcome);
        assertProblems(outcome);
    }


    @Test
    public void testChunkWithoutSignatureIsScannedForRecords() throws IOException
    {
        // MULTI has leftovers of older records past its free space offset: they stay out.
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        List<String> expected = EvtxTestFiles.jsonl(file);
        System.arraycopy("DAMAGED!".getBytes(StandardCharsets.US_ASCII), 0, file, EvtxTestFiles.chunkStart(1), 8);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_CHUNK, EvtxTestFiles.chunkStart(1), "chunk 1 has no chunk signature"));
    }


    @Test
    public void testChunkWithItsHeaderZeroedIsScannedToItsEnd() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multiClean, singleB);
        List<String> expected = EvtxTestFiles.jsonl(file);
        Arrays.fill(file, EvtxTestFiles.chunkStart(1), EvtxTestFiles.chunkStart(1) + EvtxChunk.HEADER_SIZE, (byte) 0);
        Outcome outcome = outcome(file);
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_CHUNK, EvtxTestFiles.chunkStart(1), "chunk 1 has no chunk signature"));
    }

    @Test
    public void testDumpOnAPoolReportsProblemsInFileOrder() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        file[EvtxTestFiles.chunkStart(0) + 124] ^= 1;
        byte[] cut = Arrays.copyOf(file, EvtxTestFiles.chunkStart(2) + 1000);
        ExecutorService pool = Executors.newFixedThreadPool(2, task -> new Thread(task, "evtx-damage-dump"));
        try {
            EvtxTestFiles.Dump pooled = EvtxTestFiles.dump(cut, EvtxDumper.Format.JSONL, pool, 2);
            EvtxTestFiles.Dump single = EvtxTestFiles.dump(cut, EvtxDumper.Format.JSONL, null, 1);
            assertEquals(single.problems(), pooled.problems());
            assertEquals(single.text(), pooled.text());
            assertEquals(ProblemKind.BAD_CHECKSUM, pooled.problems().get(0).kind(), pooled.problems().toString());
            assertEquals(EvtxTestFiles.chunkStart(0), pooled.problems().get(0).position().index(), pooled.problems().toString());
        }
        finally {
            pool.shutdownNow();
        }
    }

    // ---- truncation

    @Test
    public void testFileCutAtAChunkBoundary() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        Outcome outcome = outcome(Arrays.copyOf(file, EvtxTestFiles.chunkStart(2)));
        assertLines(concat(EvtxTestFiles.jsonl(singleA), EvtxTestFiles.jsonl(multi)), outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, EvtxTestFiles.chunkStart(2), "file ends after 2 chunks; its header counts 3"));
    }

    @Test
    public void testFileOfItsHeaderAloneWhenTheHeaderCountsChunks() throws IOException
    {
        Outcome outcome = outcome(Arrays.copyOf(multi, EvtxTestFiles.HEADER));
        assertLines(List.of(), outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, EvtxTestFiles.HEADER, "file ends after 0 chunks; its header counts 1"));
    }


    @Test
    public void testFileCutInsideAChunkHeader() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi, singleB);
        int cut = EvtxTestFiles.chunkStart(2) + 300;
        Outcome outcome = outcome(Arrays.copyOf(file, cut));
        assertLines(concat(EvtxTestFiles.jsonl(singleA), EvtxTestFiles.jsonl(multi)), outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, cut, "file ends 300 bytes into chunk 2"));
    }


    @Test
    public void testFileCutInsideARecordOfTheLastChunk() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, singleB, multi);
        int third = EvtxTestFiles.records(file, 2).get(2);
        int cut = third + 100;
        Outcome outcome = outcome(Arrays.copyOf(file, cut));
        List<String> expected = concat(EvtxTestFiles.jsonl(singleA), EvtxTestFiles.jsonl(singleB), EvtxTestFiles.jsonl(multi).subList(0, 2));
        assertLines(expected, outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, cut, "file ends " + (cut - EvtxTestFiles.chunkStart(2)) + " bytes into chunk 2"));
    }


    @Test
    public void testFileCutAfterTheLastRecordOfItsLastChunk() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi);
        int cut = EvtxTestFiles.chunkStart(1) + (int) EvtxTestFiles.u32(file, EvtxTestFiles.chunkStart(1) + 48) + 10;
        Outcome outcome = outcome(Arrays.copyOf(file, cut));
        assertLines(EvtxTestFiles.jsonl(file), outcome);
        assertProblems(outcome, problem(ProblemKind.TRUNCATED, cut, "file ends " + (cut - EvtxTestFiles.chunkStart(1)) + " bytes into chunk 1"));
    }
    // ---- records

    @Test
    public void testRecordWithAWrongSizeIsSkipped() throws IOException
    {
        List<String> undamaged = EvtxTestFiles.jsonl(EvtxTestFiles.assemble(singleA, multi));
        for (long size : new long[] {0, 27, 1000, 0xffff_ffffL}) {
            byte[] file = EvtxTestFiles.assemble(singleA, multi);
            int third = EvtxTestFiles.records(file, 1).get(2);
            EvtxTestFiles.putU32(file, third + 4, size);
            EvtxTestFiles.fixChunk(file, 1);
            Outcome outcome = outcome(file);
            assertLines(without(undamaged, 1 + 3), outcome);
            assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, third, "record size " + size + " does not fit"));
        }
    }

    @Test
    public void testRecordWithAWrongTrailingSizeIsSkipped() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int second = EvtxTestFiles.records(file, 0).get(1);
        long size = EvtxTestFiles.u32(file, second + 4);
        EvtxTestFiles.putU32(file, (int) (second + size - 4), size + 8);
        EvtxTestFiles.fixChunk(file, 0);
        Outcome outcome = outcome(file);
        assertLines(without(EvtxTestFiles.jsonl(multi), 2), outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, second, "record size " + size + " does not fit"));
    }

    @Test
    public void testRecordWithoutSignatureIsSkipped() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        List<Integer> records = EvtxTestFiles.records(file, 0);
        file[records.get(3)] = 0;
        EvtxTestFiles.fixChunk(file, 0);
        Outcome outcome = outcome(file);
        assertLines(without(EvtxTestFiles.jsonl(multi), 4), outcome);
        int skipped = records.get(4) - records.get(3);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, records.get(3), "no record signature here; " + skipped + " bytes skipped"));
    }

    @Test
    public void testPartlyWrittenLastRecordIsSkipped() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi);
        List<String> undamaged = EvtxTestFiles.jsonl(file);
        List<Integer> records = EvtxTestFiles.records(file, 1);
        int last = records.get(MULTI_RECORDS - 1);
        // The writer stopped half way through the record, after the chunk header counted it.
        Arrays.fill(file, last + 300, EvtxTestFiles.chunkStart(2), (byte) 0);
        EvtxTestFiles.fixChunk(file, 1);
        Outcome outcome = outcome(file);
        assertLines(without(undamaged, 1 + MULTI_RECORDS), outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, last, "does not fit the chunk or its trailing copy"));
    }

    // ---- Binary XML

    @Test
    public void testTemplateOffsetOutsideTheChunkCostsOnlyItsRecord() throws IOException
    {
        for (long offset : new long[] {65536, 65530, 0xffff_ffffL, 100}) {
            byte[] file = EvtxTestFiles.assemble(multi);
            int second = EvtxTestFiles.records(file, 0).get(1);
            assertEquals(MULTI_TEMPLATE, EvtxTestFiles.u32(file, templateOffsetField(file, second)));
            EvtxTestFiles.putU32(file, templateOffsetField(file, second), offset);
            EvtxTestFiles.fixChunk(file, 0);
            Outcome outcome = outcome(file);
            assertLines(without(EvtxTestFiles.jsonl(multi), 2), outcome);
            assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, second, "record 2: template offset " + offset + " outside the chunk"));
        }
    }

    @Test
    public void testDamagedSharedTemplateCostsEveryRecordThatUsesIt() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(singleA, multi);
        int template = EvtxTestFiles.chunkStart(1) + MULTI_TEMPLATE;
        // The template's first element: token, dependency id, data size, then its name offset.
        int nameOffset = template + 24 + 4 + 1 + 2 + 4;
        assertEquals(0x41, file[template + 28]);
        EvtxTestFiles.putU32(file, nameOffset, 0x10_0000);
        EvtxTestFiles.fixChunk(file, 1);
        Outcome outcome = outcome(file);
        assertLines(EvtxTestFiles.jsonl(singleA), outcome);
        List<Integer> records = EvtxTestFiles.records(file, 1);
        Expected[] expected = new Expected[MULTI_RECORDS];
        for (int i = 0; i < MULTI_RECORDS; i++) {
            expected[i] = problem(ProblemKind.DAMAGED_RECORD, records.get(i), "record " + (i + 1) + ": name offset 1048576 outside the chunk");
        }
        assertProblems(outcome, expected);
    }

    @Test
    public void testNameOffsetOutsideTheChunk() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> new BinXmlWriter(at)
                .fragmentHeader().u8(0x01).u32(0).u32(0x2_0000).bytes());
        assertAppendedRecordIsSkipped(file, damaged, "record 6: name offset 131072 outside the chunk");
    }

    @Test
    public void testHugeSubstitutionCount() throws IOException
    {
        for (long count : new long[] {0xffff_ffffL, 8193, 8000}) {
            byte[] file = EvtxTestFiles.assemble(multi);
            int second = EvtxTestFiles.records(file, 0).get(1);
            int countField = templateOffsetField(file, second) + 4;
            assertEquals(18, EvtxTestFiles.u32(file, countField));
            EvtxTestFiles.putU32(file, countField, count);
            EvtxTestFiles.fixChunk(file, 0);
            Outcome outcome = outcome(file);
            assertLines(without(EvtxTestFiles.jsonl(multi), 2), outcome);
            String cause = count > 8192 ? count + " substitution values" : "needs " + count * 4 + " bytes at offset";
            assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, second, "record 2: " + cause));
        }
    }

    @Test
    public void testTemplateThatInstantiatesItself() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int[] definition = new int[1];
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> {
            BinXmlWriter out = new BinXmlWriter(at).fragmentHeader();
            out.inlineTemplate(body -> {
                definition[0] = body.position() - 24;
                body.fragmentHeader().openElement("Loop", true).closeStart().templateReference(definition[0]).u32(0).endElement().endOfStream();
            });
            return out.u32(0).endOfStream().bytes();
        });
        assertAppendedRecordIsSkipped(file, damaged, "record 6: template instance inside a template definition");
    }

    @Test
    public void testBinXmlValuesNestedEightDeepAreRead() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        EvtxTestFiles.appendRecord(file, 0, 6, at -> nestedValues(at, 8));
        Outcome outcome = outcome(file);
        // Nine elements, the root's object and eight bodies: the ninth is empty.
        String nested = "{\"Nest\":".repeat(9) + "null" + "}".repeat(9);
        assertLines(concat(EvtxTestFiles.jsonl(multi), List.of(nested)), outcome);
        assertProblems(outcome);
    }

    @Test
    public void testBinXmlValuesNestedNineDeepAreRejected() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> nestedValues(at, 9));
        assertAppendedRecordIsSkipped(file, damaged, "record 6: Binary XML nested deeper than 8");
    }

    @Test
    public void testBinXmlValueRepeatedIntoTooManyNodes() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        // 100 * 2,000 empty elements, 400,000 nodes for less work than the record limit allows.
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> manyElements(at, 100, 2000, false));
        assertAppendedRecordIsSkipped(file, damaged, "record 6: record expands to more than 262144 XML nodes");
    }

    @Test
    public void testBinXmlValueRepeatedIntoTooMuchWork() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        // 64 to the fourth power expansions that add no node: only the work limit stops them.
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> repeatedValues(at, 64, 4));
        assertAppendedRecordIsSkipped(file, damaged, "record 6: record takes more than 1048576 decoding steps");
    }


    @Test
    public void testCostlyRecordsStopAtTheChunkBudget() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi, singleA);
        // Record 6 defines the template of testBinXmlValueRepeatedIntoTooMuchWork; 7 and 8 use it again,
        // 8 (64 * 64 steps) and the copy of record 2 well under the record limit, had the chunk's budget not run out.
        int sixth = EvtxTestFiles.appendRecord(file, 0, 6, at -> repeatedValues(at, 64, 4));
        int definition = sixth - EvtxTestFiles.chunkStart(0) + 24 + 4 + 10;
        int seventh = EvtxTestFiles.appendRecord(file, 0, 7, at -> repeatedReference(at, definition, 4));
        int eighth = EvtxTestFiles.appendRecord(file, 0, 8, at -> repeatedReference(at, definition, 2));
        int copy = EvtxTestFiles.appendCopy(file, 0, EvtxTestFiles.records(file, 0).get(1));
        Outcome outcome = outcome(file);
        assertLines(concat(EvtxTestFiles.jsonl(multi), EvtxTestFiles.jsonl(singleA)), outcome);
        String spent = "the chunk's records take more than 2097152 decoding steps";
        assertProblems(outcome,
                problem(ProblemKind.DAMAGED_RECORD, sixth, "record 6: record takes more than 1048576 decoding steps"),
                problem(ProblemKind.DAMAGED_RECORD, seventh, "record 7: " + spent),
                problem(ProblemKind.DAMAGED_RECORD, eighth, "record 8: " + spent),
                problem(ProblemKind.DAMAGED_RECORD, copy, "record 2: " + spent));
    }

    @Test
    public void testRecordExpandingToManyFieldsIsRead() throws IOException
    {
        // 50,000 fields (Leaf, Leaf_1 … Leaf_49999): when each field was looked for by a scan of the
        // ones before it, this one event took seconds, and a chunk of such records took minutes.
        byte[] file = EvtxTestFiles.assemble(multi);
        EvtxTestFiles.appendRecord(file, 0, 6, at -> manyElements(at, 25, 2000, true));
        EvtxTestFiles.Read read = EvtxTestFiles.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(MULTI_RECORDS + 1, read.events().size());
        EventFields fields = read.events().get(MULTI_RECORDS).fields();
        assertEquals(50_000, fields.size());
        assertEquals("x", fields.get("Leaf"));
        assertEquals("x", fields.get("Leaf_49999"));
        String line = EvtxTestFiles.jsonl(file).get(MULTI_RECORDS);
        assertTrue(line.startsWith("{\"Many\":{\"Leaf\":\"x\",\"Leaf_1\":\"x\","), line.substring(0, 100));
        assertTrue(line.endsWith(",\"Leaf_49999\":\"x\"}}"), line.substring(line.length() - 100));
    }
    @Test
    public void testElementsNestedTooDeep() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> {
            BinXmlWriter out = new BinXmlWriter(at).fragmentHeader();
            for (int i = 0; i < 129; i++) {
                out.openElement("Deep", false).closeStart();
            }
            for (int i = 0; i < 129; i++) {
                out.endElement();
            }
            return out.endOfStream().bytes();
        });
        assertAppendedRecordIsSkipped(file, damaged, "record 6: elements nested deeper than 128");
    }


    @Test
    public void testRecordOfTextWithoutAnElement() throws IOException
    {
        byte[] file = EvtxTestFiles.assemble(multi);
        int damaged = EvtxTestFiles.appendRecord(file, 0, 6, at -> new BinXmlWriter(at).fragmentHeader().value("no element").endOfStream().bytes());
        assertAppendedRecordIsSkipped(file, damaged, "record 6: record holds no element, only text");
    }
    // ---- helpers

    /** What reader and dumper both made of a file, after checking that they agree. */
    private record Outcome(List<String> lines, List<ReadProblem> problems)
    {
    }

    private record Expected(ProblemKind kind, long offset, String text)
    {
    }

    private static Expected problem(ProblemKind kind, long offset, String text)
    {
        return new Expected(kind, offset, text);
    }

    private static Outcome outcome(byte[] file) throws IOException
    {
        EvtxTestFiles.Read read = EvtxTestFiles.read(file);
        EvtxTestFiles.Dump dump = EvtxTestFiles.dump(file, EvtxDumper.Format.JSONL, null, 1);
        assertEquals(read.problems(), dump.problems(), "reader and dumper problems");
        assertEquals(read.events().size(), dump.lines().size(), "events and dumped records");
        return new Outcome(dump.lines(), read.problems());
    }

    /** The records' lines; on a difference, says where rather than printing them all. */
    private static void assertLines(List<String> expected, Outcome outcome)
    {
        List<String> actual = outcome.lines;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                assertEquals(expected.get(i), actual.get(i), "line " + (i + 1) + " of " + actual.size() + "; problems " + outcome.problems);
            }
        }
        assertEquals(expected.size(), actual.size(), "lines; problems " + outcome.problems);
    }

    private static void assertProblems(Outcome outcome, Expected... expected)
    {
        List<ReadProblem> actual = outcome.problems;
        assertEquals(expected.length, actual.size(), "problems: " + actual);
        for (int i = 0; i < expected.length; i++) {
            ReadProblem problem = actual.get(i);
            assertEquals(expected[i].kind, problem.kind(), problem.toString());
            assertEquals(EvtxTestFiles.NAME, problem.position().file(), problem.toString());
            assertEquals(expected[i].offset, problem.position().index(), problem.toString());
            assertTrue(problem.message().contains(expected[i].text), "'" + expected[i].text + "' in " + problem);
        }
    }

    /** A record appended after MULTI's five, then a copy of MULTI's second: the damaged one alone is lost. */
    private void assertAppendedRecordIsSkipped(byte[] file, int damaged, String cause) throws IOException
    {
        int second = EvtxTestFiles.records(file, 0).get(1);
        EvtxTestFiles.appendCopy(file, 0, second);
        Outcome outcome = outcome(file);
        List<String> original = EvtxTestFiles.jsonl(multi);
        assertLines(concat(original, original.subList(1, 2)), outcome);
        assertProblems(outcome, problem(ProblemKind.DAMAGED_RECORD, damaged, cause));
    }

    /** Where the chunk offset of the template a record instantiates is stored (after fragment header, token, version and id). */
    private static int templateOffsetField(byte[] file, int record)
    {
        assertEquals(0x0f, file[record + 24]);
        assertEquals(0x0c, file[record + 28]);
        return record + 28 + 6;
    }

    /**
     * A record whose template holds one element around a Binary XML substitution, instantiated with
     * a value that instantiates the same template again, {@code depth} values deep.
     */
    private static byte[] nestedValues(int at, int depth)
    {
        BinXmlWriter out = new BinXmlWriter(at).fragmentHeader();
        int[] definition = new int[1];
        out.inlineTemplate(body -> {
            definition[0] = body.position() - 24;
            body.fragmentHeader().openElement("Nest", true).closeStart().substitution(0, BinXmlValues.BIN_XML).endElement().endOfStream();
        });
        instanceValues(out, definition[0], depth, 1);
        return out.endOfStream().bytes();
    }

    /**
     * A record whose template names one Binary XML value {@code repeats} times and nothing else,
     * that value instantiating the template again, {@code depth} deep: repeats^depth expansions that
     * add no node.
     */
    private static byte[] repeatedValues(int at, int repeats, int depth)
    {
        BinXmlWriter out = new BinXmlWriter(at).fragmentHeader();
        int[] definition = new int[1];
        out.inlineTemplate(body -> {
            definition[0] = body.position() - 24;
            body.fragmentHeader();
            for (int i = 0; i < repeats; i++) {
                body.substitution(0, BinXmlValues.BIN_XML);
            }
            body.endOfStream();
        });
        instanceValues(out, definition[0], depth, 1);
        return out.endOfStream().bytes();
    }

    /** A record that instantiates the template of {@link #repeatedValues} defined at chunk offset {@code definition}. */
    private static byte[] repeatedReference(int at, int definition, int depth)
    {
        BinXmlWriter out = new BinXmlWriter(at).fragmentHeader().templateReference(definition);
        instanceValues(out, definition, depth, 1);
        return out.endOfStream().bytes();
    }

    /**
     * A record whose template names one Binary XML value {@code repeats} times inside a {@code Many}
     * element, that value a template of {@code leaves} {@code Leaf} elements, empty or holding "x":
     * repeats * leaves elements from 25 KiB or so.
     */
    private static byte[] manyElements(int at, int repeats, int leaves, boolean text)
    {
        BinXmlWriter out = new BinXmlWriter(at).fragmentHeader();
        out.inlineTemplate(body -> {
            body.fragmentHeader().openElement("Many", true).closeStart();
            for (int i = 0; i < repeats; i++) {
                body.substitution(0, BinXmlValues.BIN_XML);
            }
            body.endElement().endOfStream();
        });
        BinXmlWriter value = new BinXmlWriter(out.position() + 8).fragmentHeader();
        value.inlineTemplate(body -> {
            body.fragmentHeader();
            int name = body.position() + 1 + 2 + 4 + 4;
            for (int i = 0; i < leaves; i++) {
                if (i == 0) {
                    body.openElement("Leaf", true);
                }
                else {
                    body.u8(0x01).u16(0xffff).u32(0).u32(name);
                }
                if (text) {
                    body.closeStart().value("x").endElement();
                }
                else {
                    body.u8(0x03);
                }
            }
            body.endOfStream();
        });
        byte[] bytes = value.u32(0).endOfStream().bytes();
        out.u32(1).u16(bytes.length).u8(BinXmlValues.BIN_XML).u8(0).raw(bytes);
        return out.endOfStream().bytes();
    }

    /** The substitution values of an instance: one Binary XML value instantiating {@code definition} again, {@code depth} times. */
    private static void instanceValues(BinXmlWriter out, int definition, int depth, int count)
    {
        if (depth == 0) {
            out.u32(0);
            return;
        }
        BinXmlWriter value = new BinXmlWriter(out.position() + 4 + 4 * count);
        value.fragmentHeader().templateReference(definition);
        instanceValues(value, definition, depth - 1, count);
        byte[] bytes = value.endOfStream().bytes();
        out.u32(count);
        for (int i = 0; i < count; i++) {
            out.u16(bytes.length).u8(BinXmlValues.BIN_XML).u8(0);
        }
        out.raw(bytes);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts)
    {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** The lines without the {@code n}th (from 1). */
    private static List<String> without(List<String> lines, int n)
    {
        List<String> kept = new ArrayList<>(lines);
        kept.remove(n - 1);
        return kept;
    }
}
