package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;

public class TestFingerprintProblem
{
    @Test
    public void testPrintsFileLineKindAndMessage()
    {
        FingerprintProblem problem = new FingerprintProblem(SourcePosition.line("http_servers.xml", 12), Kind.BAD_PATTERN, "cannot compile");
        assertEquals("http_servers.xml:12: BAD_PATTERN: cannot compile", problem.toString());
        assertEquals(problem.toString(), new FingerprintException(problem).getMessage());
    }

    @Test
    public void testControlCharactersAndLengthAreBounded()
    {
        FingerprintProblem problem = new FingerprintProblem(SourcePosition.line("f.xml", 1), Kind.BAD_EXAMPLE, "a\r\n\u001b[31mb" + "x".repeat(1000));
        assertTrue(problem.message().startsWith("a???[31mb"), problem.message());
        assertEquals(FingerprintProblem.MAX_MESSAGE_LENGTH + 3, problem.message().length());
        assertTrue(problem.message().endsWith("..."));
    }

    @Test
    public void testRejectsNulls()
    {
        assertThrows(NullPointerException.class, () -> new FingerprintProblem(null, Kind.BAD_XML, "m"));
        assertThrows(NullPointerException.class, () -> new FingerprintProblem(SourcePosition.line("f", 1), null, "m"));
        assertThrows(NullPointerException.class, () -> new FingerprintProblem(SourcePosition.line("f", 1), Kind.BAD_XML, null));
    }
}
