package dev.tradecraft.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.SourcePosition;

public class TestReadProblem
{
    @Test
    public void testPrintsFileLineKindMessage()
    {
        ReadProblem problem = new ReadProblem(SourcePosition.line("contoso/web01/u_ex250718.log", 88), ProblemKind.MALFORMED_LINE,
                "14 values where #Fields at line 4 names 15");
        assertEquals("contoso/web01/u_ex250718.log:88: MALFORMED_LINE: 14 values where #Fields at line 4 names 15", problem.toString());
        assertEquals("a.json:record 3: BAD_TIMESTAMP: x",
                new ReadProblem(SourcePosition.record("a.json", 3), ProblemKind.BAD_TIMESTAMP, "x").toString());
    }

    @Test
    public void testQuotedInputCannotInjectControlCharactersOrFloodMessages()
    {
        ReadProblem problem = new ReadProblem(SourcePosition.line("f", 1), ProblemKind.MALFORMED_JSON,
                "bad token 'a\u001b[31mred\r\n\u0085'");
        assertEquals("bad token 'a?[31mred???'", problem.message());
        String longMessage = "x".repeat(5000);
        assertEquals(ReadProblem.MAX_MESSAGE_LENGTH + 3, new ReadProblem(SourcePosition.line("f", 1), ProblemKind.MALFORMED_JSON,
                longMessage).message().length());
        String clean = "plain message";
        assertSame(clean, new ReadProblem(SourcePosition.line("f", 1), ProblemKind.IO_ERROR, clean).message());
    }

    @Test
    public void testRejectsNulls()
    {
        assertThrows(NullPointerException.class, () -> new ReadProblem(null, ProblemKind.IO_ERROR, "m"));
        assertThrows(NullPointerException.class, () -> new ReadProblem(SourcePosition.line("f", 1), null, "m"));
        assertThrows(NullPointerException.class, () -> new ReadProblem(SourcePosition.line("f", 1), ProblemKind.IO_ERROR, null));
    }

    @Test
    public void testReaderExceptionCarriesTheProblem()
    {
        ReadProblem problem = new ReadProblem(SourcePosition.offset("a.evtx", 0), ProblemKind.BINARY_FILE, "EVTX");
        ReaderException exception = new ReaderException(problem);
        assertSame(problem, exception.problem());
        assertEquals("a.evtx:offset 0: BINARY_FILE: EVTX", exception.getMessage());
    }
}
