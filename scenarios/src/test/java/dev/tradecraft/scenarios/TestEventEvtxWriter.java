package dev.tradecraft.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.scenarios.evtx.EvtxDump;

class TestEventEvtxWriter
{
    private static final Path EVTXEXPORT = Path.of("/usr/bin/evtxexport");
    private static final Path EVTXINFO = Path.of("/usr/bin/evtxinfo");
    private static final HostProfile HOST = new HostProfile(0, "sp-wfe01", "SP-WFE01", "SP-WFE01.contoso.local", "10.20.30.11", 2,
            "C00C0A6B", 7512, 467_100L, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\root\\6f8ef4e6");
    private static final long START = 1_752_796_800_000_000L; // 2025-07-18T00:00:00Z

    @TempDir
    Path directory;

    @Test
    void testRecordsRenderAsTheJsonWriterWritesThem() throws IOException
    {
        assertSameAsJson(sysmonEvents(40), "sysmon");
        assertSameAsJson(securityEvents(40), "security");
    }

    @Test
    void testManyEventsSplitIntoChunks() throws IOException
    {
        List<WindowsEvent> events = sysmonEvents(2_500);
        Path evtx = assertSameAsJson(events, "many");
        EvtxDump.FileSummary summary = EvtxDump.read(evtx);
        assertTrue(summary.chunks() >= 10, "chunks: " + summary.chunks());
        int records = 0;
        for (EvtxDump.ChunkSummary chunk : summary.chunkSummaries()) {
            assertEquals(records + 1, chunk.firstNumber(), "record numbers count from 1 across the file");
            assertEquals(HOST.firstRecordId() + records, chunk.firstId(), "record ids are the EventRecordIDs");
            records += chunk.records();
        }
        assertEquals(events.size(), records);
        assertEquals(HOST.firstRecordId() + events.size(), summary.nextRecordId());
    }

    @Test
    void testWorldWritesEvtxWithTheSameContent() throws IOException
    {
        WorldSpec spec = new WorldSpec(41, 5, LocalDate.of(2025, 7, 17), 3, 40);
        World json = new WorldGenerator(spec).write(directory.resolve("json"));
        World evtx = new WorldGenerator(spec, EventFileFormat.EVTX).write(directory.resolve("evtx"));
        Map<String, String> jsonDigests = WorldContents.digests(json.root());
        Map<String, String> evtxDigests = WorldContents.digests(evtx.root());
        Map<String, String> expectedNames = new TreeMap<>();
        for (String name : jsonDigests.keySet()) {
            expectedNames.put(name.startsWith(WorldGenerator.EVENTS) ? name.replaceAll("\\.json$", ".evtx") : name, name);
        }
        assertEquals(expectedNames.keySet(), evtxDigests.keySet());
        int files = 0;
        long events = 0;
        for (Map.Entry<String, String> names : expectedNames.entrySet()) {
            String evtxName = names.getKey();
            String jsonName = names.getValue();
            if (evtxName.endsWith(".evtx")) {
                List<Object> expected = JsonDocuments.read(json.root().resolve(jsonName));
                assertEquals(expected.toString(), EvtxDump.documents(evtx.root().resolve(evtxName)).toString(), evtxName);
                files++;
                events += expected.size();
            }
            else if (!evtxName.equals(WorldGenerator.README_FILE)) {
                assertEquals(jsonDigests.get(jsonName), evtxDigests.get(evtxName), evtxName + " does not depend on the event format");
            }
        }
        assertTrue(files > 10 && events > 500, files + " files, " + events + " events");
        String readme = Files.readString(evtx.root().resolve(WorldGenerator.README_FILE));
        assertTrue(readme.contains("sysmon-YYYYMMDD.evtx"), readme);
        assertFalse(readme.contains("sysmon-YYYYMMDD.json"), readme);
    }

    @Test
    void testEvtxexportReadsEveryRecord() throws IOException, InterruptedException
    {
        assumeTrue(Files.isExecutable(EVTXEXPORT) && Files.isExecutable(EVTXINFO),
                "libevtx's evtxexport and evtxinfo are not installed (Debian: libevtx-utils); skipping the check against them");
        List<WindowsEvent> sysmon = sysmonEvents(2_500);
        Path sysmonFile = directory.resolve("sysmon-20250718.evtx");
        EventEvtxWriter.write(sysmonFile, HOST, sysmon, new EventSystem.RecordNumbers(HOST.firstRecordId()));
        assertTrue(EvtxDump.read(sysmonFile).chunks() > 1);

        String info = run(EVTXINFO, sysmonFile);
        assertTrue(info.contains("Version\t\t\t\t: 3.1"), info);
        assertEquals(sysmon.size(), number(info, "Number of records"), info);
        assertEquals(0, number(info, "Number of recovered records"), info);
        assertFalse(info.contains("corrupted"), info);

        String xml = run(EVTXEXPORT, "-f", "xml", sysmonFile);
        assertEquals(sysmon.size(), count(xml, "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">"));
        List<String> events = List.of(xml.split("</Event>"));
        String first = events.get(0);
        assertTrue(first.contains("<Provider Name=\"Microsoft-Windows-Sysmon\" Guid=\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\"/>"), first);
        assertTrue(first.contains("<EventID>1</EventID>"), first);
        assertTrue(first.contains("<Version>5</Version>"), first);
        assertTrue(first.contains("<Level>4</Level>"), first);
        assertTrue(first.contains("<Task>1</Task>"), first);
        assertTrue(first.contains("<Keywords>0x8000000000000000</Keywords>"), first);
        assertTrue(first.contains("<EventRecordID>467100</EventRecordID>"), first);
        assertTrue(first.contains("<Correlation/>"), first);
        assertTrue(first.contains("<Execution ProcessID=\"7512\" ThreadID=\"8512\"/>"), first);
        assertTrue(first.contains("<Channel>Microsoft-Windows-Sysmon/Operational</Channel>"), first);
        assertTrue(first.contains("<Computer>SP-WFE01.contoso.local</Computer>"), first);
        assertTrue(first.contains("<Security UserID=\"S-1-5-18\"/>"), first);
        assertTrue(first.contains("<Data Name=\"CommandLine\">powershell.exe -nop -c \"Get-Item 'C:\\inetpub\\0.aspx' &amp; exit\"</Data>"), first);
        assertTrue(first.contains("<Data Name=\"ProcessId\">4000</Data>"), first);
        String network = events.get(1);
        assertTrue(network.contains("<Data Name=\"Initiated\">true</Data>"), network);
        assertTrue(network.contains("<Data Name=\"SourceIsIpv6\">false</Data>"), network);
        assertTrue(network.contains("<Data Name=\"DestinationPort\">443</Data>"), network);
        String last = events.get(sysmon.size() - 1);
        assertTrue(last.contains("<EventRecordID>" + (HOST.firstRecordId() + sysmon.size() - 1) + "</EventRecordID>"), last);
        String time = TimeText.isoMicros(EventSystem.of(HOST, sysmon.get(sysmon.size() - 1), 0).systemMicros());
        assertTrue(last.contains("<TimeCreated SystemTime=\"" + time.substring(0, time.length() - 1) + "000Z\"/>"), time + " in " + last);

        List<WindowsEvent> security = securityEvents(30);
        Path securityFile = directory.resolve("security-20250718.evtx");
        EventEvtxWriter.write(securityFile, HOST, security, new EventSystem.RecordNumbers(HOST.firstRecordId()));
        String securityXml = run(EVTXEXPORT, "-f", "xml", securityFile);
        assertEquals(security.size(), count(securityXml, "<Event xmlns="));
        assertTrue(securityXml.contains("<EventRecordID>" + (HOST.firstRecordId() + 7_919) + "</EventRecordID>"), securityXml);
        assertTrue(securityXml.contains("<Security/>"), securityXml);
        assertTrue(securityXml.contains("<Level>0</Level>"), securityXml);
        assertTrue(securityXml.contains("<Task>13312</Task>"), securityXml);
        assertTrue(securityXml.contains("<Keywords>0x8020000000000000</Keywords>"), securityXml);
        assertTrue(securityXml.contains("<Data Name=\"NewProcessId\">0xfa0</Data>"), securityXml);

        Path empty = directory.resolve("empty.evtx");
        EventEvtxWriter.write(empty, HOST, List.of(), new EventSystem.RecordNumbers(1));
        String emptyInfo = run(EVTXINFO, empty);
        assertEquals(0, number(emptyInfo, "Number of records"), emptyInfo);
        assertFalse(emptyInfo.contains("corrupted"), emptyInfo);
    }

    /** Writes {@code events} both ways and checks that the EVTX file renders as the JSON file reads. */
    private Path assertSameAsJson(List<WindowsEvent> events, String name) throws IOException
    {
        Path json = directory.resolve(name + ".json");
        Path evtx = directory.resolve(name + ".evtx");
        assertEquals(events.size(), EventJsonWriter.write(json, false, HOST, events, new EventSystem.RecordNumbers(HOST.firstRecordId())));
        assertEquals(events.size(), EventEvtxWriter.write(evtx, HOST, events, new EventSystem.RecordNumbers(HOST.firstRecordId())));
        List<Object> expected = JsonDocuments.read(json);
        List<Object> actual = EvtxDump.documents(evtx);
        assertEquals(events.size(), actual.size());
        // toString keeps key order, which equals on maps ignores.
        assertEquals(expected.toString(), actual.toString());
        assertEquals(expected, actual);
        return evtx;
    }

    /** Process creations and network connections in turn, with command lines of many lengths. */
    private static List<WindowsEvent> sysmonEvents(int count)
    {
        List<WindowsEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long micros = START + i * 1_234_567L;
            if (i % 2 == 0) {
                String commandLine = "powershell.exe -nop -c \"Get-Item 'C:\\inetpub\\" + i + ".aspx' & exit\"" + " -x".repeat(i % 300);
                events.add(new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 1, 5, List.of(
                        new WindowsEvent.Datum("RuleName", "-"),
                        new WindowsEvent.Datum("UtcTime", TimeText.sysmonTime(micros)),
                        new WindowsEvent.Datum("ProcessGuid", "C00C0A6B-3A98-685F-B57E-00000000" + (1000 + i % 9000)),
                        new WindowsEvent.Datum("ProcessId", 4000 + i),
                        new WindowsEvent.Datum("Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"),
                        new WindowsEvent.Datum("CommandLine", commandLine),
                        new WindowsEvent.Datum("User", "CONTOSO\\svc_spfarm — ü"),
                        new WindowsEvent.Datum("TerminalSessionId", 0),
                        new WindowsEvent.Datum("LogonId", "0x3e7"))));
            }
            else {
                events.add(new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 3, 5, List.of(
                        new WindowsEvent.Datum("RuleName", "-"),
                        new WindowsEvent.Datum("UtcTime", TimeText.sysmonTime(micros)),
                        new WindowsEvent.Datum("ProcessId", 4000 + i),
                        new WindowsEvent.Datum("Initiated", Boolean.TRUE),
                        new WindowsEvent.Datum("SourceIsIpv6", Boolean.FALSE),
                        new WindowsEvent.Datum("SourcePort", 49_152 + i % 16_000),
                        new WindowsEvent.Datum("DestinationPort", 443),
                        new WindowsEvent.Datum("Bytes", 5_000_000_000L + i))));
            }
        }
        return events;
    }

    private static List<WindowsEvent> securityEvents(int count)
    {
        List<WindowsEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long micros = START + i * 7_654_321L;
            events.add(new WindowsEvent(micros, WindowsEvent.Channel.SECURITY, 4688, 2, List.of(
                    new WindowsEvent.Datum("SubjectUserSid", "S-1-5-18"),
                    new WindowsEvent.Datum("SubjectUserName", "SP-WFE01$"),
                    new WindowsEvent.Datum("SubjectLogonId", "0x3e7"),
                    new WindowsEvent.Datum("NewProcessId", "0x" + Integer.toHexString(4000 + i)),
                    new WindowsEvent.Datum("NewProcessName", "C:\\Windows\\System32\\cmd.exe"),
                    new WindowsEvent.Datum("TokenElevationType", "%%1936"),
                    new WindowsEvent.Datum("CommandLine", "cmd.exe /c whoami <" + i + ">"),
                    new WindowsEvent.Datum("MandatoryLabel", "S-1-16-16384"))));
        }
        return events;
    }

    private String run(Path tool, Object... arguments) throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), command + " did not finish");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + ": " + errors);
        assertTrue(errors.isBlank(), command + " complained: " + errors);
        return output;
    }

    private static long number(String text, String label)
    {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "\\s*:\\s*(\\d+)").matcher(text);
        assertTrue(matcher.find(), label + " in " + text);
        return Long.parseLong(matcher.group(1));
    }

    private static int count(String text, String needle)
    {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
