package dev.tradecraft.flink.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.flink.source.LogRecord;
import dev.tradecraft.readers.LogFormat;
import dev.tradecraft.readers.ProblemKind;
import dev.tradecraft.readers.ReadProblem;

class TestRecordDecoder
{
    private static final String FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs(User-Agent) sc-status";

    private final List<ReadProblem> problems = new ArrayList<>();
    private final RecordDecoder decoder = new RecordDecoder(problems::add, 1);

    @Test
    void testIisLineIsReadWithTheFieldsInForceAndKeepsItsOwnLine()
    {
        Event event = decoder.decodeW3c(iis(1042, "2025-07-18 18:06:14 10.0.0.5 POST /_layouts/15/ToolPane.aspx Mozilla/5.0+(Windows) 200"),
                Optional.of(FIELDS), Optional.empty()).orElseThrow();
        assertEquals(SourcePosition.line("u_ex250718.log", 1042), event.position());
        assertEquals("/_layouts/15/ToolPane.aspx", event.field("cs-uri-stem"));
        assertEquals("Mozilla/5.0 (Windows)", event.field("cs-user-agent"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:14Z")), event.time());
        assertEquals("contoso", event.origin().organisation());
    }

    @Test
    void testFileReaderKeepsTheLayoutOfTheDirectivesItWasFed()
    {
        assertEquals(Optional.empty(), decoder.decodeW3c(iis(1, "#Fields: date time cs-method"), Optional.empty(), Optional.empty()));
        Event first = decoder.decodeW3c(iis(2, "2025-07-18 18:06:14 GET"), Optional.empty(), Optional.empty()).orElseThrow();
        assertEquals("GET", first.field("cs-method"));
        assertEquals(Optional.empty(), decoder.decodeW3c(iis(3, "#Fields: date time cs-uri-stem"), Optional.empty(), Optional.empty()));
        Event second = decoder.decodeW3c(iis(4, "2025-07-18 18:06:15 /_layouts/15/start.aspx"), Optional.empty(), Optional.empty()).orElseThrow();
        assertEquals("/_layouts/15/start.aspx", second.field("cs-uri-stem"));
        assertEquals(SourcePosition.line("u_ex250718.log", 4), second.position());
        assertEquals(List.of(), problems);
    }

    @Test
    void testDroppedReaderIsRebuiltFromTheDirectivesInForce()
    {
        // One open file at a time: every switch between the two files drops the other's reader.
        LogRecord other = new LogRecord("contoso", "sp-wfe02", "u_ex250718.log", LogFormat.IIS_W3C, SourcePosition.Unit.LINE, 1, "#Fields: cs-method");
        decoder.decodeW3c(iis(1, "#Fields: date time cs-method"), Optional.empty(), Optional.empty());
        decoder.decodeW3c(other, Optional.empty(), Optional.empty());
        Event event = decoder.decodeW3c(iis(2, "2025-07-18 18:06:14 GET"), Optional.of("#Fields: date time cs-method"), Optional.empty()).orElseThrow();
        assertEquals("GET", event.field("cs-method"));
        assertEquals("sp-wfe01", event.origin().host());
        assertEquals(List.of(), problems);
    }

    @Test
    void testMultiLineRecordIsReadAloneAndLeavesNothingBehind()
    {
        decoder.decodeW3c(iis(1, FIELDS), Optional.empty(), Optional.empty());
        Event event = decoder.decodeW3c(iis(2, "2025-07-18 18:06:14 10.0.0.5 GET /a Mozilla 200\n2025-07-18 18:06:15 10.0.0.5 GET /b Mozilla 200"),
                Optional.of(FIELDS), Optional.empty()).orElseThrow();
        assertEquals("/a", event.field("cs-uri-stem"));
        Event next = decoder.decodeW3c(iis(4, "2025-07-18 18:06:16 10.0.0.5 GET /c Mozilla 200"), Optional.of(FIELDS), Optional.empty()).orElseThrow();
        assertEquals("/c", next.field("cs-uri-stem"));
    }

    @Test
    void testIisLineWithTheWrongValueCountIsReportedAtItsOwnLine()
    {
        assertEquals(Optional.empty(), decoder.decodeW3c(iis(9, "2025-07-18 18:06:14 10.0.0.5"), Optional.of(FIELDS), Optional.empty()));
        assertEquals(1, problems.size());
        assertEquals(SourcePosition.line("u_ex250718.log", 9), problems.get(0).position());
        assertEquals(ProblemKind.MALFORMED_LINE, problems.get(0).kind());
    }

    @Test
    void testDateDirectiveGivesTheDayWhenFieldsHaveOnlyTime()
    {
        Event event = decoder.decodeW3c(iis(5, "18:06:14 GET"), Optional.of("#Fields: time cs-method"), Optional.of("#Date: 2025-07-18 00:00:00"))
                .orElseThrow();
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:06:14Z")), event.time());
    }

    @Test
    void testDirectivesAreRecognisedAsTheReaderRecognisesThem()
    {
        assertTrue(RecordDecoder.isFieldsDirective(FIELDS));
        assertTrue(RecordDecoder.isFieldsDirective("\uFEFF#fields: date time"));
        assertFalse(RecordDecoder.isFieldsDirective("#Fields:"), "names no fields: the reader keeps the previous list");
        assertFalse(RecordDecoder.isFieldsDirective("#Fields:date time"), "no blank after the colon: data, not a directive");
        assertTrue(RecordDecoder.isDateDirective("#Date: 2025-07-18 00:00:00"));
        assertFalse(RecordDecoder.isDateDirective("#Software: Microsoft Internet Information Services 10.0"));
    }

    @Test
    void testJsonObjectKeepsItsRecordPosition()
    {
        String json = "{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-07-18T18:07:00.000000Z\"}}},"
                + "\"EventData\":{\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"ParentImage\":\"c:\\\\windows\\\\system32\\\\inetsrv\\\\w3wp.exe\"}}}";
        LogRecord record = new LogRecord("contoso", "sp-app01", "sysmon.json", LogFormat.WINDOWS_JSON, SourcePosition.Unit.RECORD, 12, json);
        Event event = decoder.decodeJson(record).orElseThrow();
        assertEquals(SourcePosition.record("sysmon.json", 12), event.position());
        assertEquals("1", event.field("EventID"));
        assertEquals("C:\\Windows\\System32\\cmd.exe", event.field("Image"));
        assertEquals(Optional.of(Instant.parse("2025-07-18T18:07:00Z")), event.time());
    }

    @Test
    void testDamagedJsonGivesNoEventAndAProblem()
    {
        LogRecord record = new LogRecord("contoso", "sp-app01", "sysmon.json", LogFormat.WINDOWS_JSON, SourcePosition.Unit.LINE, 3, "{\"Event\":{\"System\":");
        assertEquals(Optional.empty(), decoder.decodeJson(record));
        assertEquals(1, problems.size());
        assertEquals(SourcePosition.line("sysmon.json", 3), problems.get(0).position());
    }

    private static LogRecord iis(long line, String text)
    {
        return new LogRecord("contoso", "sp-wfe01", "u_ex250718.log", LogFormat.IIS_W3C, SourcePosition.Unit.LINE, line, text);
    }
}
