package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tradecraft.core.SourcePosition;

/** Loading and matching with a small database that uses every construct of the Recog corpus. */
public class TestRecogDatabase
{
    private static RecogDatabase database;

    @BeforeAll
    public static void load()
            throws Exception
    {
        try (InputStream xml = TestRecogDatabase.class.getResourceAsStream("/fingerprint/sample_servers.xml")) {
            database = RecogDatabase.load("sample_servers.xml", xml);
        }
    }

    @Test
    public void testDatabaseAttributes()
    {
        assertEquals("sample_servers.xml", database.name());
        assertEquals("test.server", database.matches());
        assertEquals(Optional.of("HTTP"), database.protocol());
        assertEquals(Optional.of("service"), database.databaseType());
        assertEquals(0.85, database.preference());
        assertEquals(7, database.fingerprints().size());
        assertEquals(List.of(), database.problems());
    }

    @Test
    public void testFingerprintPositionAndDescription()
    {
        RecogFingerprint first = database.fingerprints().get(0);
        assertEquals(SourcePosition.line("sample_servers.xml", 5), first.position());
        assertEquals("Microsoft IIS with a version", first.description());
        assertEquals(List.of("REG_ICASE"), database.fingerprints().get(1).flags());
    }

    @Test
    public void testFixedAndCaptureParamsInParamOrder()
    {
        RecogMatch match = database.match("Microsoft-IIS/10.0").orElseThrow();
        assertEquals("test.server", match.database());
        assertEquals("Microsoft IIS with a version", match.description());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("service.vendor", "Microsoft");
        expected.put("service.product", "IIS");
        expected.put("service.version", "10.0");
        expected.put("service.cpe23", "cpe:/a:microsoft:internet_information_services:10.0");
        expected.put("service.protocol", "http");
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(match.parameters().entrySet()));
    }

    @Test
    public void testIgnoreCaseFlag()
    {
        assertEquals(Optional.of("1.2"), database.match("NGINX/1.2").orElseThrow().parameter("service.version"));
    }

    @Test
    public void testMissingVersionInCpeBecomesDash()
    {
        RecogMatch match = database.match("nginx").orElseThrow();
        assertEquals(Optional.empty(), match.parameter("service.version"));
        assertEquals(Optional.of("cpe:/a:f5:nginx:-"), match.parameter("service.cpe23"));
    }

    @Test
    public void testTemporaryParamsFeedInterpolationAndAreRemoved()
    {
        RecogMatch match = database.match("Jetty(9.4)").orElseThrow();
        assertEquals(Optional.of("9.4"), match.parameter("service.version"));
        assertFalse(match.parameters().containsKey("_tmp.major"));
        assertFalse(match.parameters().containsKey("_tmp.minor"));
    }

    @Test
    public void testFingerprintProtocolWinsOverTheDatabase()
    {
        assertEquals(Optional.of("https"), database.match("Jetty(9.4)").orElseThrow().parameter("service.protocol"));
    }

    @Test
    public void testDotNewlineFlag()
    {
        assertEquals(Optional.of("Router"), database.match("Login banner:\r\ndevice ready").orElseThrow().parameter("hw.device"));
    }

    @Test
    public void testLineAnchorsMatchInsideAHeaderBlock()
    {
        RecogMatch match = database.match("Date: today\nServer: Acme (build 17)\nX-Other: 1").orElseThrow();
        assertEquals(Optional.of("Acme"), match.parameter("service.product"));
        assertEquals(Optional.of("17"), match.parameter("service.version"));
    }

    @Test
    public void testInterpolationOfAMissingValueDropsTheParam()
    {
        // {os.family} took no part and is not a version in a CPE: Recog would raise; the param is left out.
        RecogMatch match = database.match("Server: Acme (build 17)").orElseThrow();
        assertFalse(match.parameters().containsKey("os.family"));
        assertFalse(match.parameters().containsKey("os.product"));
        assertEquals(Optional.of("Acme OS Linux"), database.match("Server: Acme (build 17) on Linux").orElseThrow().parameter("os.product"));
    }

    @Test
    public void testFirstMatchInFileOrderWins()
    {
        assertEquals("Apache, anything else", database.match("Apache/2.4.58").orElseThrow().description());
    }

    @Test
    public void testNoMatch()
    {
        assertEquals(Optional.empty(), database.match("lighttpd/1.4"));
        assertEquals(Optional.empty(), database.match(""));
    }

    @Test
    public void testSingleFingerprintMatch()
    {
        RecogFingerprint shadowed = database.fingerprints().get(6);
        assertEquals(Optional.of("2.4.58"), shadowed.match("Apache/2.4.58").orElseThrow().parameter("service.version"));
    }

    @Test
    public void testBase64ExampleIsDecoded()
    {
        RecogExample example = database.fingerprints().get(3).examples().get(0);
        assertEquals("Login banner:\r\ndevice ready", example.text());
        assertEquals(Map.of(), example.expected());
        assertEquals("base64", example.attributes().get("_encoding"));
    }

    @Test
    public void testExampleAttributesAreExpectedValues()
    {
        RecogExample example = database.fingerprints().get(0).examples().get(0);
        assertEquals(Map.of("service.version", "10.0"), example.expected());
        assertEquals(10, example.line());
    }

    @Test
    public void testEveryExampleOfTheSampleVerifies()
    {
        for (RecogFingerprint fingerprint : database.fingerprints()) {
            for (RecogExample example : fingerprint.examples()) {
                RecogVerifier.ExampleCheck check = RecogVerifier.checkExample(fingerprint, example);
                assertEquals(RecogVerifier.Status.PASSED, check.status(), check.reason());
            }
            assertEquals(List.of(), RecogVerifier.untestedCaptures(fingerprint));
        }
    }

    @Test
    public void testVerifierFindsTheEarlierFingerprint()
    {
        List<RecogFingerprint> fingerprints = database.fingerprints();
        assertEquals(Optional.of(fingerprints.get(5)), RecogVerifier.earlierMatch(fingerprints, 6, "Apache/2.4.58"));
        assertEquals(Optional.empty(), RecogVerifier.earlierMatch(fingerprints, 5, "Apache/2.4.58"));
    }

    @Test
    public void testMatchedParametersAreImmutable()
    {
        RecogMatch match = database.match("Microsoft-IIS/10.0").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> match.parameters().put("x", "y"));
    }

    /** Past the memo's bound (a new text every time, as request GUIDs are) every answer stays the one matching gives. */
    @Test
    public void testAnswersStayRightPastTheMemoBound()
    {
        List<String> texts = List.of("Apache/2.4.41 (Ubuntu)", "nothing known", "nginx");
        Map<String, Optional<RecogMatch>> first = new LinkedHashMap<>();
        for (String text : texts) {
            first.put(text, database.match(text));
        }
        for (int i = 0; i < 40_000; i++) {
            database.match("unique-" + i);
        }
        for (String text : texts) {
            assertEquals(first.get(text), database.match(text), text);
            assertEquals(first.get(text), database.fingerprints().stream().map(fingerprint -> fingerprint.match(text)).filter(Optional::isPresent)
                    .findFirst().orElse(Optional.empty()), text);
        }
    }
}
