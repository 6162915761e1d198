package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;

/** Bad databases: every fault is reported with file and line, and what can be kept is kept. */
public class TestRecogDatabaseProblems
{
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fingerprints matches=\"t\">\n";
    private static final String GOOD = "  <fingerprint pattern=\"^good$\"><description>good</description><param pos=\"0\" name=\"service.product\" value=\"Good\"/></fingerprint>\n";
    private static final String TAIL = "</fingerprints>\n";

    @TempDir
    Path folder;

    @Test
    public void testMalformedXmlReportsFileAndLine()
    {
        String xml = HEAD + GOOD + "  <fingerprint pattern=\"x\">\n    <description>x</descr>\n  </fingerprint>\n" + TAIL;
        FingerprintException e = assertThrows(FingerprintException.class, () -> load("broken.xml", xml));
        assertEquals(SourcePosition.line("broken.xml", 5), e.problem().position());
        assertEquals(Kind.BAD_XML, e.problem().kind());
        assertTrue(e.getMessage().startsWith("broken.xml:5: BAD_XML: "), e.getMessage());
    }

    @Test
    public void testMalformedFileReportsItsPath()
            throws Exception
    {
        Path file = folder.resolve("broken.xml");
        Files.writeString(file, HEAD + GOOD + "<fingerprint pattern=\"&bogus;\"/>\n" + TAIL);
        FingerprintException e = assertThrows(FingerprintException.class, () -> RecogDatabase.load(file));
        assertEquals(SourcePosition.line(file.toString(), 4), e.problem().position());
    }

    @Test
    public void testDamageAfterTheLastFingerprintIsFound()
    {
        FingerprintException e = assertThrows(FingerprintException.class, () -> load("trailing.xml", HEAD + GOOD + TAIL + "<junk>\n"));
        assertEquals(Kind.BAD_XML, e.problem().kind());
    }

    @Test
    public void testEmptyAndForeignDocuments()
    {
        assertEquals(Kind.BAD_XML, assertThrows(FingerprintException.class, () -> load("empty.xml", "")).problem().kind());
        FingerprintException foreign = assertThrows(FingerprintException.class, () -> load("pom.xml", "<?xml version=\"1.0\"?>\n<project/>"));
        assertEquals(Kind.BAD_DATABASE, foreign.problem().kind());
        assertEquals(SourcePosition.line("pom.xml", 2), foreign.problem().position());
    }

    @Test
    public void testExternalEntitiesAreNotResolved()
            throws Exception
    {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE fingerprints [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<fingerprints><fingerprint pattern=\"x\"><description>&leak;</description>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint></fingerprints>";
        // DTDs are not processed, so the entity is undeclared and the document refused; the file never enters it.
        FingerprintException e = assertThrows(FingerprintException.class, () -> load("entity.xml", xml));
        assertEquals(Kind.BAD_XML, e.problem().kind());
        assertFalse(e.getMessage().contains("top secret"));
    }

    @Test
    public void testBadPatternIsSkippedAndTheRestKept()
            throws Exception
    {
        String xml = HEAD
                + "  <fingerprint pattern=\"^(unclosed$\"><description>bad</description><param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n"
                + GOOD + TAIL;
        RecogDatabase database = load("t.xml", xml);
        assertEquals(1, database.fingerprints().size());
        assertEquals("good", database.fingerprints().get(0).description());
        FingerprintProblem problem = single(database.problems());
        assertEquals(SourcePosition.line("t.xml", 3), problem.position());
        assertEquals(Kind.BAD_PATTERN, problem.kind());
        assertTrue(problem.message().contains("^(unclosed$"), problem.message());
    }

    @Test
    public void testMissingPatternIsSkipped()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD + "  <fingerprint><description>none</description></fingerprint>\n" + GOOD + TAIL);
        assertEquals(1, database.fingerprints().size());
        assertEquals(Kind.BAD_PATTERN, single(database.problems()).kind());
    }

    @Test
    public void testUnknownFlagIsRefusedAsRecogDoes()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^x$\" flags=\"REG_ICASE,REG_EXTENDED\"><description>x</description><param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n"
                + GOOD + TAIL);
        assertEquals(1, database.fingerprints().size());
        FingerprintProblem problem = single(database.problems());
        assertEquals(Kind.UNSUPPORTED_FLAG, problem.kind());
        assertTrue(problem.message().contains("REG_EXTENDED"), problem.message());
        assertTrue(problem.message().contains("REG_DOT_NEWLINE"), problem.message());
    }

    @Test
    public void testParamProblemsAreReportedWithTheirLine()
            throws Exception
    {
        String xml = HEAD
                + "  <fingerprint pattern=\"^v(\\d+)$\">\n"
                + "    <description>params</description>\n"
                + "    <example service.version=\"7\">v7</example>\n"
                + "    <param pos=\"1\" name=\"service.version\" value=\"oops\"/>\n"
                + "    <param pos=\"0\" name=\"service.vendor\"/>\n"
                + "    <param pos=\"2\" name=\"service.build\"/>\n"
                + "    <param pos=\"x\" name=\"service.edition\"/>\n"
                + "    <param pos=\"0\" value=\"nameless\"/>\n"
                + "    <param pos=\"-1\" name=\"service.last\"/>\n"
                + "    <param pos=\"0\" name=\"service.cpe23\" value=\"cpe:/a:x:{service.product}:{service.version}\"/>\n"
                + "    <param pos=\"0\" name=\"service.vendor\" value=\"Other\"/>\n"
                + "  </fingerprint>\n" + TAIL;
        RecogDatabase database = load("p.xml", xml);
        List<String> problems = new ArrayList<>();
        for (FingerprintProblem problem : database.problems()) {
            assertEquals(Kind.BAD_PARAM, problem.kind());
            problems.add(problem.position().toString());
        }
        assertEquals(List.of("p.xml:6", "p.xml:7", "p.xml:8", "p.xml:9", "p.xml:10", "p.xml:11", "p.xml:13", "p.xml:12"), problems);
        // A capture param keeps its capture, as Recog reads it; the value it should not have is ignored.
        RecogMatch match = database.match("v7").orElseThrow();
        assertEquals(Optional.of("7"), match.parameter("service.version"));
        assertEquals(Optional.of("Other"), match.parameter("service.vendor"));
        assertFalse(match.parameters().containsKey("service.build"));
        assertFalse(match.parameters().containsKey("service.edition"));
        assertFalse(match.parameters().containsKey("service.last"));
        // {service.product} has no value and the param is a CPE but the name is not a version: dropped.
        assertFalse(match.parameters().containsKey("service.cpe23"));
    }

    @Test
    public void testBadPreferenceFallsBackToTheDefault()
            throws Exception
    {
        RecogDatabase database = load("t.xml", "<fingerprints preference=\"high\">\n" + GOOD + TAIL);
        assertEquals(0.10, database.preference());
        assertEquals(Kind.BAD_DATABASE, single(database.problems()).kind());
        assertEquals(0.5, load("t.xml", "<fingerprints preference=\".5\">\n" + GOOD + TAIL).preference());
    }

    @Test
    public void testUnexpectedElementsAreSkipped()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD + "  <note>hello <b>there</b></note>\n"
                + "  <fingerprint pattern=\"^good$\"><description>good</description><certainty>high</certainty>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n" + TAIL);
        assertEquals(1, database.fingerprints().size());
        assertEquals(2, database.problems().size());
        assertEquals(SourcePosition.line("t.xml", 3), database.problems().get(0).position());
    }

    @Test
    public void testMatchesKeyDefaultsToTheFileName()
            throws Exception
    {
        RecogDatabase database = load("ssh_banners.xml", "<fingerprints>\n" + GOOD + TAIL);
        assertEquals("ssh_banners", database.matches());
        assertEquals(Optional.empty(), database.protocol());
        assertEquals(Optional.empty(), database.databaseType());
        assertFalse(database.match("good").orElseThrow().parameters().containsKey("service.protocol"));
    }

    @Test
    public void testUnknownExampleEncodingIsReportedAndTheTextUsed()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^good$\"><description>good</description><example _encoding=\"hex\">good</example>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n" + TAIL);
        assertEquals(Kind.BAD_EXAMPLE, single(database.problems()).kind());
        RecogExample example = database.fingerprints().get(0).examples().get(0);
        assertEquals("good", example.text());
        assertEquals(Optional.empty(), example.skipped());
    }

    @Test
    public void testInvalidBase64ExampleIsSkipped()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^good$\"><description>good</description><example _encoding=\"base64\">Z29vZA=x=</example>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n" + TAIL);
        assertEquals(Kind.BAD_EXAMPLE, single(database.problems()).kind());
        RecogExample example = database.fingerprints().get(0).examples().get(0);
        assertTrue(example.skipped().isPresent());
        assertEquals(RecogVerifier.Status.SKIPPED, RecogVerifier.checkExample(database.fingerprints().get(0), example).status());
    }

    @Test
    public void testBase64ExampleKeepsEveryByteAsOneCharacter()
            throws Exception
    {
        // 0x84 0x00 between two words: '.' must match one byte each, as in Ruby's binary strings.
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^ab..cd$\"><description>binary</description><example _encoding=\"base64\">YWKEAGNk</example>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n" + TAIL);
        RecogFingerprint fingerprint = database.fingerprints().get(0);
        assertEquals("ab\u0084\u0000cd", fingerprint.examples().get(0).text());
        assertEquals(RecogVerifier.Status.PASSED, RecogVerifier.checkExample(fingerprint, fingerprint.examples().get(0)).status());
    }

    @Test
    public void testExternalExampleFiles()
            throws Exception
    {
        Path xml = folder.resolve("printers.xml");
        Files.writeString(xml, HEAD
                + "  <fingerprint pattern=\"^HP (\\w+)$\"><description>hp</description>\n"
                + "    <example _filename=\"present.txt\" hw.model=\"LaserJet\"/>\n"
                + "    <example _filename=\"absent.txt\" hw.model=\"DeskJet\"/>\n"
                + "    <example _filename=\"../escape.txt\"/>\n"
                + "    <param pos=\"1\" name=\"hw.model\"/></fingerprint>\n" + TAIL);
        Files.createDirectories(folder.resolve("printers"));
        Files.write(folder.resolve("printers/present.txt"), "HP LaserJet".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("escape.txt"), "HP Escaped");
        RecogDatabase database = RecogDatabase.load(xml);
        RecogFingerprint fingerprint = database.fingerprints().get(0);
        List<RecogExample> examples = fingerprint.examples();
        assertEquals(RecogVerifier.Status.PASSED, RecogVerifier.checkExample(fingerprint, examples.get(0)).status());
        RecogVerifier.ExampleCheck absent = RecogVerifier.checkExample(fingerprint, examples.get(1));
        assertEquals(RecogVerifier.Status.SKIPPED, absent.status());
        assertTrue(absent.reason().contains("is absent"), absent.reason());
        assertEquals(RecogVerifier.Status.SKIPPED, RecogVerifier.checkExample(fingerprint, examples.get(2)).status());
        FingerprintProblem illegal = single(database.problems());
        assertEquals(Kind.BAD_EXAMPLE, illegal.kind());
        assertEquals(SourcePosition.line(xml.toString(), 6), illegal.position());
    }

    @Test
    public void testExternalExampleFromAStreamIsSkipped()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^good$\"><description>good</description><example _filename=\"a.txt\"/>"
                + "<param pos=\"0\" name=\"a.b\" value=\"c\"/></fingerprint>\n" + TAIL);
        RecogExample example = database.fingerprints().get(0).examples().get(0);
        assertTrue(example.skipped().orElseThrow().contains("no example folder"), example.skipped().get());
        assertEquals(List.of(), database.problems());
    }

    @Test
    public void testVerifierReportsWrongValuesAndUntestedCaptures()
            throws Exception
    {
        RecogDatabase database = load("t.xml", HEAD
                + "  <fingerprint pattern=\"^v(\\d+)(?:-(\\w+))?$\"><description>v</description>"
                + "<example service.version=\"8\">v7</example><example>v9-x</example><example>w</example>"
                + "<param pos=\"1\" name=\"service.version\"/><param pos=\"2\" name=\"service.edition\"/></fingerprint>\n" + TAIL);
        RecogFingerprint fingerprint = database.fingerprints().get(0);
        RecogVerifier.ExampleCheck wrong = RecogVerifier.checkExample(fingerprint, fingerprint.examples().get(0));
        assertEquals(RecogVerifier.Status.FAILED, wrong.status());
        assertEquals("'v' failed to find expected capture group service.version '8'. Result was \"7\"", wrong.reason());
        assertEquals(RecogVerifier.Status.PASSED, RecogVerifier.checkExample(fingerprint, fingerprint.examples().get(1)).status());
        assertEquals(RecogVerifier.Status.FAILED, RecogVerifier.checkExample(fingerprint, fingerprint.examples().get(2)).status());
        assertEquals(List.of("service.edition"), RecogVerifier.untestedCaptures(fingerprint));
    }

    private static FingerprintProblem single(List<FingerprintProblem> problems)
    {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static RecogDatabase load(String name, String xml)
            throws FingerprintException
    {
        return RecogDatabase.load(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
