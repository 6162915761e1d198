package dev.tradecraft.readers.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.readers.EventReader;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;
import dev.tradecraft.readers.windows.WindowsChannels;

public class TestWindowsJsonReader
{
    private static final Origin ORIGIN = new Origin("contoso", "sp01");
    private static final String NAME = "contoso/sp01/events.json";

    private final List<ReadProblem> problems = new ArrayList<>();

    @Test
    public void testEvtxDumpShapeWithRecordLines()
            throws IOException
    {
        List<Event> events = readResource("evtx_dump_records.json");
        assertEquals(List.of(), problems);
        assertEquals(3, events.size());

        Event sysmon = events.get(0);
        assertEquals(SourcePosition.record(NAME, 1), sysmon.position());
        assertEquals(ORIGIN, sysmon.origin());
        assertEquals(new Logsource("windows", "", "sysmon"), sysmon.logsource());
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15.123456Z")), sysmon.time());
        assertEquals("1", sysmon.field("EventID"));
        assertEquals("Microsoft-Windows-Sysmon", sysmon.field("Provider_Name"));
        assertEquals("5770385F-C22A-43E0-BF4C-06F5698FFBD9", sysmon.field("Provider_Guid"));
        assertEquals("3120", sysmon.field("Execution_ProcessID"));
        assertEquals("S-1-5-18", sysmon.field("Security_UserID"));
        assertEquals("Microsoft-Windows-Sysmon/Operational", sysmon.field("Channel"));
        assertEquals("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", sysmon.field("Image"));
        assertEquals("powershell.exe -EncodedCommand JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0A", sysmon.field("CommandLine"));
        assertEquals("0", sysmon.field("TerminalSessionId"));
        assertEquals("true", sysmon.field("Signed"));
        assertEquals("-", sysmon.field("RuleName"));
        assertFalse(sysmon.fields().contains("Hashes"), "JSON null leaves the field absent");
        assertFalse(sysmon.fields().contains("Correlation"));

        Event security = events.get(1);
        assertEquals(SourcePosition.record(NAME, 2), security.position());
        assertEquals("4688", security.field("EventID"));
        assertEquals("0", security.field("EventID_Qualifiers"));
        assertEquals("8E521E2B-7C26-0001-417F-9C8E267CDB01", security.field("Correlation_ActivityID"));
        assertEquals("cmd.exe /c echo {not a brace} \"quoted\"", security.field("CommandLine"));
        assertFalse(security.fields().contains("Security_UserID"));
        assertEquals(new Logsource("windows", "", "security"), security.logsource());

        Event cleared = events.get(2);
        assertEquals("104", cleared.field("EventID"));
        assertEquals("administrator", cleared.field("SubjectUserName"));
        assertEquals("EXAMPLE", cleared.field("SubjectDomainName"));
        assertFalse(cleared.fields().contains("BackupPath"));
        assertFalse(cleared.fields().contains("LogFileCleared_xmlns"));
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:40:02.5Z")), cleared.time());
        // LogFileCleared names the cleared log in its own Channel element; the event's channel stands.
        assertEquals("System", cleared.field("Channel"));
        assertEquals("Windows PowerShell", cleared.field("UserData.Channel"));
        assertEquals(new Logsource("windows", "", "system"), cleared.logsource());
    }

    @Test
    public void testEventIdAsTextWithQualifiersAndXmltodictAttributes()
            throws IOException
    {
        List<Event> events = read("{\"Event\":{\"@xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\","
                + "\"System\":{\"Provider\":{\"@Name\":\"Service Control Manager\",\"@Guid\":\"{555908d1}\"},"
                + "\"EventID\":{\"@Qualifiers\":\"16384\",\"#text\":\"7045\"},\"Channel\":\"System\","
                + "\"TimeCreated\":{\"@SystemTime\":\"2025-07-19T08:00:00.0000000Z\"}},"
                + "\"EventData\":{\"Data\":[{\"@Name\":\"ServiceName\",\"#text\":\"xd\"},{\"@Name\":\"ImagePath\",\"#text\":\"C:\\\\ProgramData\\\\xd.exe\"},"
                + "{\"@Name\":\"StartType\"}]}}}\n");
        Event event = events.get(0);
        assertEquals("7045", event.field("EventID"));
        assertEquals("16384", event.field("EventID_Qualifiers"));
        assertEquals("Service Control Manager", event.field("Provider_Name"));
        assertEquals("xd", event.field("ServiceName"));
        assertEquals("C:\\ProgramData\\xd.exe", event.field("ImagePath"));
        assertFalse(event.fields().contains("StartType"));
        assertFalse(event.fields().contains("Event_xmlns"));
        assertEquals(Optional.of(Instant.parse("2025-07-19T08:00:00Z")), event.time());
        assertEquals(new Logsource("windows", "", "system"), event.logsource());
    }

    @Test
    public void testUnnamedDataIsJoinedInOrder()
            throws IOException
    {
        List<Event> events = read("{\"Event\":{\"System\":{\"EventID\":400,\"Channel\":\"Windows PowerShell\"},"
                + "\"EventData\":{\"Data\":{\"#text\":[\"Available\",\"None\",\"\\tHostApplication=powershell.exe -enc AAAA\"]},"
                + "\"Binary\":null}}}\n"
                + "{\"Event\":{\"System\":{\"EventID\":600},\"EventData\":{\"Data\":[\"Registry\",\"Started\",null,7]}}}\n"
                + "{\"Event\":{\"System\":{\"EventID\":1},\"EventData\":{\"Data\":\"only one\"}}}\n");
        assertEquals("Available, None, \tHostApplication=powershell.exe -enc AAAA", events.get(0).field("Data"));
        assertEquals(new Logsource("windows", "", "powershell-classic"), events.get(0).logsource());
        assertFalse(events.get(0).fields().contains("Binary"));
        assertEquals("Registry, Started, 7", events.get(1).field("Data"));
        assertEquals("only one", events.get(2).field("Data"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testSeparateAttributesForm()
            throws IOException
    {
        List<Event> events = read("{\"Event\":{\"System\":{\"Provider\":\"\",\"Provider_attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"},"
                + "\"EventID\":3,\"TimeCreated\":\"\",\"TimeCreated_attributes\":{\"SystemTime\":\"2025-07-18T18:06:15Z\"}}}}\n");
        Event event = events.get(0);
        assertEquals("Microsoft-Windows-Sysmon", event.field("Provider_Name"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15Z")), event.time());
    }

    @Test
    public void testEventDataFieldNamedLikeSystemFieldIsKeptAside()
            throws IOException
    {
        List<Event> events = read("{\"Event\":{\"EventData\":{\"Computer\":\"ws07\",\"Image\":\"a.exe\"},"
                + "\"System\":{\"EventID\":1,\"Computer\":\"sp01\"}}}\n");
        assertEquals("sp01", events.get(0).field("Computer"));
        assertEquals("ws07", events.get(0).field("EventData.Computer"));
        assertEquals("a.exe", events.get(0).field("Image"));
    }

    @Test
    public void testRenderingInfoDoesNotReplaceSystemFields()
            throws IOException
    {
        List<Event> events = read("{\"Event\":{\"System\":{\"EventID\":4624,\"Level\":0},"
                + "\"RenderingInfo\":{\"Level\":\"Information\",\"Message\":\"An account was successfully logged on.\"}}}\n");
        assertEquals("0", events.get(0).field("Level"));
        assertEquals("An account was successfully logged on.", events.get(0).field("Message"));
    }

    @Test
    public void testWinlogbeatNestedAndDottedKeys()
            throws IOException
    {
        List<Event> events = readResource("winlogbeat.jsonl");
        assertEquals(List.of(), problems);
        Event nested = events.get(0);
        assertEquals(SourcePosition.line(NAME, 1), nested.position());
        assertEquals("1", nested.field("EventID"));
        assertEquals("Microsoft-Windows-Sysmon/Operational", nested.field("Channel"));
        assertEquals("Microsoft-Windows-Sysmon", nested.field("Provider_Name"));
        assertEquals("sp01.example.org", nested.field("Computer"));
        assertEquals("41001", nested.field("EventRecordID"));
        assertEquals("3120", nested.field("Execution_ProcessID"));
        assertEquals("4410", nested.field("Execution_ThreadID"));
        assertEquals("C:\\Windows\\System32\\cmd.exe", nested.field("Image"));
        assertEquals("cmd.exe /c whoami", nested.field("process.command_line"));
        assertEquals("7312", nested.field("process.pid"));
        assertEquals("sp01", nested.field("host.name"));
        assertEquals("beats, sysmon", nested.field("tags"));
        assertNull(nested.field("winlog.event_id"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15.123Z")), nested.time());
        assertEquals(new Logsource("windows", "", "sysmon"), nested.logsource());

        Event dotted = events.get(1);
        assertEquals(SourcePosition.line(NAME, 2), dotted.position());
        assertEquals("4688", dotted.field("EventID"));
        assertEquals("Security", dotted.field("Channel"));
        assertEquals("C:\\Windows\\System32\\whoami.exe", dotted.field("NewProcessName"));
        assertEquals("SP01$", dotted.field("SubjectUserName"));
        assertEquals("4688", dotted.field("event.code"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:16Z")), dotted.time());
        assertEquals(new Logsource("windows", "", "security"), dotted.logsource());
    }

    @Test
    public void testFlatObjectsInAnArray()
            throws IOException
    {
        List<Event> events = readResource("flat_array.json");
        assertEquals(List.of(), problems);
        assertEquals(3, events.size());
        Event script = events.get(0);
        assertEquals(SourcePosition.record(NAME, 1), script.position());
        assertEquals("4104", script.field("EventID"));
        assertEquals("$base64String = 'not a real payload'", script.field("ScriptBlockText"));
        assertEquals("1", script.field("Details.MessageNumber"));
        assertFalse(script.fields().contains("Path"));
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:31:05.5Z")), script.time());
        assertEquals(new Logsource("windows", "", "powershell"), script.logsource());

        Event service = events.get(1);
        assertEquals(SourcePosition.record(NAME, 2), service.position());
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:31:05Z")), service.time());

        Event other = events.get(2);
        assertEquals(SourcePosition.record(NAME, 3), other.position());
        assertEquals(Logsource.UNSTATED, other.logsource());
        assertEquals(Optional.of(Instant.parse("2025-07-19T07:31:07Z")), other.time());
    }

    @Test
    public void testJsonLinesPositionsAreLineNumbers()
            throws IOException
    {
        List<Event> events = read("{\"EventID\":1}\n\n{\"EventID\":2}\r\n{\"EventID\":3}{\"EventID\":4}\n");
        assertEquals(4, events.size());
        List<Long> lines = new ArrayList<>();
        for (Event event : events) {
            assertEquals(SourcePosition.Unit.LINE, event.position().unit());
            lines.add(event.position().index());
        }
        assertEquals(List.of(1L, 3L, 4L, 4L), lines);
        assertEquals(List.of(), problems);
    }

    @Test
    public void testCompactArrayOnOneLine()
            throws IOException
    {
        List<Event> events = read("[{\"EventID\":1},{\"EventID\":2}, {\"EventID\":3}]");
        assertEquals(3, events.size());
        assertEquals(SourcePosition.record(NAME, 3), events.get(2).position());
        assertEquals(List.of(), problems);
    }

    @Test
    public void testBrokenObjectInPrettyInputResynchronisesAtTheNextRecord()
            throws IOException
    {
        String text = "Record 1\n{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": 1,\n"
                + "Record 2\n{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": 2\n    }\n  }\n}\n"
                + "{\n  \"Event\": {\n    \"System\": {\n      \"EventID\": 3,\n      \"Channel\": \"Security\n    }\n  }\n}\n"
                + "{\n  \"EventID\": 4\n}\n";
        WindowsJsonReader reader = reader(text);
        List<Event> events = drain(reader);
        assertEquals(List.of("2", "4"), eventIds(events));
        assertEquals(SourcePosition.record(NAME, 2), events.get(0).position());
        assertEquals(SourcePosition.record(NAME, 4), events.get(1).position());
        assertEquals(List.of(ProblemKind.MALFORMED_JSON, ProblemKind.MALFORMED_JSON), kinds());
        assertEquals(NAME + ":2: MALFORMED_JSON: object starting here is not closed before the Record line at line 6; skipped",
                problems.get(0).toString());
        assertEquals(NAME + ":14: MALFORMED_JSON: object starting here has a line break inside a string at line 18; skipped",
                problems.get(1).toString());
        assertEquals(2, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testUnclosedObjectEndsAtTheNextObjectStart()
            throws IOException
    {
        String text = "{\n  \"EventID\": 1,\n  \"Data\": {\n    \"a\": 1\n  }\n"
                + "{\n  \"EventID\": 2\n}\n";
        List<Event> events = read(text);
        assertEquals(List.of("2"), eventIds(events));
        assertEquals(1, problems.size());
        assertEquals(SourcePosition.line(NAME, 1), problems.get(0).position());
    }

    @Test
    public void testIndentedNestedObjectsAreNotMistakenForNewObjects()
            throws IOException
    {
        String text = "[\n    {\n        \"EventID\": 1,\n        \"List\": [\n            {\n                \"a\": 1\n            },\n"
                + "            {\n                \"a\": 2\n            }\n        ]\n    },\n    {\n        \"EventID\": 2\n    }\n]\n";
        List<Event> events = read(text);
        assertEquals(List.of("1", "2"), eventIds(events));
        assertEquals("2", events.get(0).field("List.a"));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testUnindentedPrettyJsonStillFrames()
            throws IOException
    {
        String text = "{\n\"EventID\": 1,\n\"List\": [\n{\n\"a\": 1\n}\n]\n}\n{\n\"EventID\": 2\n}\n";
        List<Event> events = read(text);
        assertEquals(List.of("1", "2"), eventIds(events));
        assertEquals(List.of(), problems);
    }

    @Test
    public void testMalformedJsonLineIsSkippedAndTheNextLineRead()
            throws IOException
    {
        WindowsJsonReader reader = reader("{\"EventID\":1}\n{\"EventID\":2,\"Image\":\n{\"EventID\":3,,}\n{\"EventID\":4}\n");
        List<Event> events = drain(reader);
        assertEquals(List.of("1", "4"), eventIds(events));
        assertEquals(SourcePosition.line(NAME, 4), events.get(1).position());
        assertEquals(List.of(ProblemKind.MALFORMED_JSON, ProblemKind.MALFORMED_JSON), kinds());
        assertEquals(2, problems.get(0).position().index());
        assertEquals("object starting here is not closed at the end of its line; skipped", problems.get(0).message());
        assertEquals(3, problems.get(1).position().index());
        assertTrue(problems.get(1).message().startsWith("object starting here is not valid JSON (line 3: "), problems.get(1).message());
        assertEquals(2, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testTruncatedLastObject()
            throws IOException
    {
        WindowsJsonReader reader = reader("Record 1\n{\n  \"EventID\": 1\n}\nRecord 2\n{\n  \"EventID\": 2,\n  \"Ima");
        List<Event> events = drain(reader);
        assertEquals(List.of("1"), eventIds(events));
        assertEquals(List.of(ProblemKind.TRUNCATED), kinds());
        assertEquals(NAME + ":6: TRUNCATED: input ends inside the object starting here; skipped", problems.get(0).toString());
        assertEquals(1, reader.linesOrRecordsSkipped());
        assertFalse(reader.advance());
        assertEquals(1, problems.size(), "the end is reported once");
    }

    @Test
    public void testUnclosedArrayIsReported()
            throws IOException
    {
        List<Event> events = read("[\n  {\"EventID\": 1},\n  {\"EventID\": 2}");
        assertEquals(List.of("1", "2"), eventIds(events));
        assertEquals(List.of(ProblemKind.TRUNCATED), kinds());
        assertEquals(1, problems.get(0).position().index());
    }

    @Test
    public void testValuesThatAreNotObjectsAreSkipped()
            throws IOException
    {
        WindowsJsonReader reader = reader("{\"EventID\":1}\n42\n\"text\"\nnull\n{\"EventID\":2}\nRecord x\n{\"EventID\":3}\n");
        List<Event> events = drain(reader);
        assertEquals(List.of("1", "2", "3"), eventIds(events));
        // One problem per stretch of stray text: lines 2 to 4 are one stretch.
        assertEquals(List.of(ProblemKind.MALFORMED_JSON, ProblemKind.MALFORMED_JSON), kinds());
        assertEquals(List.of(2L, 6L), problemLines());
        assertEquals("text outside any JSON object; skipped up to the next object", problems.get(0).message());
        assertEquals(2, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testNonObjectArrayElementsAreSkipped()
            throws IOException
    {
        List<Event> events = read("[\n  {\"EventID\": 1},\n  [1, 2],\n  {\"EventID\": 2}\n]\n");
        assertEquals(List.of("1", "2"), eventIds(events));
        assertEquals(List.of(ProblemKind.MALFORMED_JSON), kinds());
        assertEquals(3, problems.get(0).position().index());
    }

    @Test
    public void testWrongClosingBracketAndDeepNesting()
            throws IOException
    {
        String deep = "{\"a\":" + "[".repeat(JsonObjectFramer.MAX_DEPTH) + "]".repeat(JsonObjectFramer.MAX_DEPTH) + "}";
        List<Event> events = read("{\"EventID\":1,\"a\":[}\n" + deep + "\n{\"EventID\":2}\n");
        assertEquals(List.of("2"), eventIds(events));
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().contains("closes a bracket with '}'"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("nests deeper than 1000 levels"), problems.get(1).message());
    }

    @Test
    public void testOversizedObjectIsSkipped()
            throws IOException
    {
        String huge = "{\"EventID\":1,\"a\":\"" + "x".repeat(JsonObjectFramer.MAX_OBJECT_CHARS) + "\"}";
        WindowsJsonReader reader = reader("{\"EventID\":0}\n" + huge + "\n{\"EventID\":2}\n");
        List<Event> events = drain(reader);
        assertEquals(List.of("0", "2"), eventIds(events));
        assertEquals(1, problems.size());
        assertEquals(NAME + ":2: MALFORMED_JSON: object starting here is larger than 4 Mi characters; skipped", problems.get(0).toString());
        assertEquals(1, reader.linesOrRecordsSkipped());
    }

    @Test
    public void testTimeFields()
            throws IOException
    {
        List<Event> events = read("{\"EventID\":1,\"UtcTime\":\"2025-07-18 18:06:15.123\"}\n"
                + "{\"EventID\":1,\"@timestamp\":\"2025-07-18T20:06:15.123456789+02:00\",\"UtcTime\":\"2000-01-01 00:00:00\"}\n"
                + "{\"EventID\":1,\"TimeCreated\":\"/Date(1752861975000)/\"}\n"
                + "{\"EventID\":1,\"timestamp\":\"2025-07-18T18:06:15\"}\n"
                + "{\"EventID\":1,\"timestamp\":\"yesterday\"}\n"
                + "{\"EventID\":1}\n");
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15.123Z")), events.get(0).time());
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15.123456789Z")), events.get(1).time());
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15Z")), events.get(2).time());
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:15Z")), events.get(3).time());
        assertEquals(Optional.empty(), events.get(4).time());
        assertEquals(Optional.empty(), events.get(5).time());
        assertEquals(List.of(ProblemKind.BAD_TIMESTAMP), kinds());
        assertEquals(SourcePosition.line(NAME, 5), problems.get(0).position());
        assertEquals("timestamp 'yesterday' is not an ISO-8601 or /Date(ms)/ time; event kept without a time", problems.get(0).message());
    }

    @Test
    public void testLogsourceFromChannel()
    {
        assertEquals("security", WindowsChannels.service("Security"));
        assertEquals("system", WindowsChannels.service("System"));
        assertEquals("application", WindowsChannels.service("Application"));
        assertEquals("sysmon", WindowsChannels.service("Microsoft-Windows-Sysmon/Operational"));
        assertEquals("powershell-classic", WindowsChannels.service("Windows PowerShell"));
        assertEquals("powershell", WindowsChannels.service("Microsoft-Windows-PowerShell/Operational"));
        assertEquals("taskscheduler", WindowsChannels.service("Microsoft-Windows-TaskScheduler/Operational"));
        assertEquals("wmi", WindowsChannels.service("Microsoft-Windows-WMI-Activity/Operational"));
        assertEquals("windefend", WindowsChannels.service("Microsoft-Windows-Windows Defender/Operational"));
        assertEquals("security", WindowsChannels.service("SECURITY"));
        assertEquals("", WindowsChannels.service("Microsoft-Windows-Bits-Client/Operational"));
        assertEquals("", WindowsChannels.service(null));
        assertEquals(new Logsource("windows", "", ""), WindowsChannels.logsource("Setup"));
    }

    @Test
    public void testLogsourceNeedsEventIdOrChannel()
            throws IOException
    {
        List<Event> events = read("{\"Channel\":\"Application\"}\n{\"EventID\":1000}\n{\"Image\":\"x.exe\"}\n");
        assertEquals(new Logsource("windows", "", "application"), events.get(0).logsource());
        assertEquals(new Logsource("windows", "", ""), events.get(1).logsource());
        assertEquals(Logsource.UNSTATED, events.get(2).logsource());
    }

    @Test
    public void testCurrentBeforeAdvanceFails()
            throws IOException
    {
        WindowsJsonReader reader = reader("{\"EventID\":1}");
        assertThrows(IllegalStateException.class, reader::current);
        assertTrue(reader.advance());
        assertEquals("1", reader.current().field("EventID"));
        assertFalse(reader.advance());
    }

    private WindowsJsonReader reader(String text)
    {
        return new WindowsJsonReader(new StringReader(text), NAME, ORIGIN, problems::add);
    }

    private List<Event> read(String text)
            throws IOException
    {
        try (WindowsJsonReader reader = reader(text)) {
            return drain(reader);
        }
    }

    private List<Event> readResource(String resource)
            throws IOException
    {
        try (InputStream in = getClass().getResourceAsStream(resource);
                WindowsJsonReader reader = new WindowsJsonReader(new InputStreamReader(in, StandardCharsets.UTF_8), NAME, ORIGIN, problems::add)) {
            return drain(reader);
        }
    }

    private static List<Event> drain(EventReader reader)
            throws IOException
    {
        List<Event> events = new ArrayList<>();
        while (reader.advance()) {
            events.add(reader.current());
        }
        return events;
    }

    private static List<String> eventIds(List<Event> events)
    {
        List<String> ids = new ArrayList<>();
        for (Event event : events) {
            ids.add(event.field("EventID"));
        }
        return ids;
    }

    private List<ProblemKind> kinds()
    {
        List<ProblemKind> kinds = new ArrayList<>();
        for (ReadProblem problem : problems) {
            kinds.add(problem.kind());
        }
        return kinds;
    }

    private List<Long> problemLines()
    {
        List<Long> lines = new ArrayList<>();
        for (ReadProblem problem : problems) {
            lines.add(problem.position().index());
        }
        return lines;
    }

    @Test
    void testEventDataNamesWithSpacesAlsoReadWithoutThem() throws Exception
    {
        String json = "{\"Event\":{\"System\":{\"EventID\":1116,\"Channel\":\"Microsoft-Windows-Windows Defender/Operational\"},"
                + "\"EventData\":{\"Data\":[{\"#attributes\":{\"Name\":\"Threat Name\"},\"#text\":\"Virus:DOS/EICAR_Test_File\"}]}}}";
        java.util.List<dev.tradecraft.readers.ReadProblem> problems = new java.util.ArrayList<>();
        try (WindowsJsonReader reader = new WindowsJsonReader(new java.io.StringReader(json), "defender.json", new dev.tradecraft.core.Origin("o", "h"), problems::add)) {
            org.junit.jupiter.api.Assertions.assertTrue(reader.advance());
            org.junit.jupiter.api.Assertions.assertEquals("Virus:DOS/EICAR_Test_File", reader.current().field("Threat Name"));
            org.junit.jupiter.api.Assertions.assertEquals("Virus:DOS/EICAR_Test_File", reader.current().field("ThreatName"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), problems);
    }
}
