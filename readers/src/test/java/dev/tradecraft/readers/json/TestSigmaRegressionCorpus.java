package dev.tradecraft.readers.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.Readers;

/**
 * Reads every evtx_dump JSON file of SigmaHQ's regression data (real Windows events, 13 files with
 * several concatenated objects) through the public entry point.
 */
public class TestSigmaRegressionCorpus
{
    private static final Path DATA = Paths.get("../shared/corpus/sigma-regression/regression_data");
    private static final Origin ORIGIN = new Origin("sigmahq", "regression");

    @Test
    public void testReadsEveryFileWithoutAProblem()
            throws Exception
    {
        List<Path> files = corpusFiles();
        List<ReadProblem> problems = new ArrayList<>();
        long events = 0;
        int multiObjectFiles = 0;
        for (Path file : files) {
            String name = DATA.relativize(file).toString();
            int expected = countObjectStarts(file);
            List<Event> read = readAll(file, name, problems);
            assertEquals(expected, read.size(), name);
            multiObjectFiles += read.size() > 1 ? 1 : 0;
            for (int i = 0; i < read.size(); i++) {
                Event event = read.get(i);
                assertEquals(SourcePosition.record(name, i + 1), event.position());
                assertTrue(event.time().isPresent(), name);
                assertEquals("windows", event.logsource().product(), name);
                assertTrue(event.fields().contains("EventID"), name);
                assertTrue(event.fields().contains("Provider_Name"), name);
                assertTrue(event.fields().contains("Channel"), name);
                assertTrue(event.fields().contains("Computer"), name);
            }
            events += read.size();
        }
        assertEquals(List.of(), problems);
        assertEquals(202, files.size());
        assertEquals(13, multiObjectFiles);
        assertEquals(238, events);
    }

    @Test
    public void testSysmonImageLoadValues()
            throws Exception
    {
        Event event = single("rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load/"
                + "8a2f4b1c-3d5e-4f7a-9b2c-1e4f6d8a9c2b.json");
        assertEquals("7", event.field("EventID"));
        assertEquals("Microsoft-Windows-Sysmon", event.field("Provider_Name"));
        assertEquals("5770385F-C22A-43E0-BF4C-06F5698FFBD9", event.field("Provider_Guid"));
        assertEquals("2025-11-27T07:40:10.165324Z", event.field("TimeCreated_SystemTime"));
        assertEquals(Optional.of(Instant.parse("2025-11-27T07:40:10.165324Z")), event.time());
        assertEquals("571146", event.field("EventRecordID"));
        assertEquals("3544", event.field("Execution_ProcessID"));
        assertEquals("4272", event.field("Execution_ThreadID"));
        assertEquals("S-1-5-18", event.field("Security_UserID"));
        assertEquals("0x8000000000000000", event.field("Keywords"));
        assertEquals("C:\\Windows\\System32\\WerFaultSecure.exe", event.field("Image"));
        assertEquals("C:\\Windows\\System32\\dbgcore.dll", event.field("ImageLoaded"));
        assertEquals("Microsoft® Windows® Operating System", event.field("Product"));
        assertEquals("4460", event.field("ProcessId"));
        assertEquals("true", event.field("Signed"));
        assertEquals(null, event.field("Correlation"));
        assertEquals(null, event.field("xmlns"));
        assertEquals(new Logsource("windows", "", "sysmon"), event.logsource());
    }

    @Test
    public void testWmiUserDataIsFlattenedByLeafName()
            throws Exception
    {
        Event event = single("rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/"
                + "d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json");
        assertEquals("5858", event.field("EventID"));
        assertEquals("8E521E2B-7C26-0001-417F-9C8E267CDB01", event.field("Correlation_ActivityID"));
        assertEquals("SWACHCHHANDA", event.field("ClientMachine"));
        assertEquals("25920", event.field("ClientProcessId"));
        assertEquals("0x80041003", event.field("ResultCode"));
        assertTrue(event.field("Operation").endsWith("::cleareventlog"));
        assertEquals(new Logsource("windows", "", "wmi"), event.logsource());
    }

    @Test
    public void testTaskSchedulerEventDataAttributes()
            throws Exception
    {
        Event event = single("rules/windows/builtin/taskscheduler/win_taskscheduler_susp_schtasks_delete_or_disable/"
                + "9e3cb244-bdb8-4632-8c90-6079c8f4f16d.json");
        assertEquals("TaskDisabled", event.field("EventData_Name"));
        assertEquals("\\Microsoft\\Windows\\SystemRestore\\SR", event.field("TaskName"));
        assertEquals("taskscheduler", event.logsource().service());
    }

    private static Event single(String relative)
            throws Exception
    {
        assumeTrue(Files.isDirectory(DATA), "../shared/corpus/sigma-regression is absent: corpus test skipped");
        List<ReadProblem> problems = new ArrayList<>();
        List<Event> events = readAll(DATA.resolve(relative), relative, problems);
        assertEquals(List.of(), problems);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static List<Path> corpusFiles()
            throws IOException
    {
        assumeTrue(Files.isDirectory(DATA), "../shared/corpus/sigma-regression is absent: corpus test skipped");
        try (Stream<Path> walk = Files.walk(DATA)) {
            return walk.filter(path -> path.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static List<Event> readAll(Path file, String name, List<ReadProblem> problems)
            throws Exception
    {
        List<Event> events = new ArrayList<>();
        try (EventReader reader = Readers.open(file, name, ORIGIN, problems::add)) {
            assertEquals(LogFormat.WINDOWS_JSON, reader.format());
            while (reader.advance()) {
                events.add(reader.current());
            }
            assertEquals(0, reader.linesOrRecordsSkipped(), name);
        }
        return events;
    }

    /** Objects counted independently of the reader: evtx_dump starts each with a line holding only '{'. */
    private static int countObjectStarts(Path file)
            throws IOException
    {
        int count = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("{")) {
                    count++;
                }
            }
        }
        return count;
    }
}
