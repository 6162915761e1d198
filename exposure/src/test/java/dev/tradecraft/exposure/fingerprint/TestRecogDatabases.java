package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;

public class TestRecogDatabases
{
    private static final Path RECOG = Paths.get("../shared/corpus/recog/xml");

    @TempDir
    Path folder;

    @Test
    public void testLoadsEveryFileAndReportsTheBrokenOne()
            throws Exception
    {
        write("b_ssh.xml", "ssh.banner", "0.90", "^SSH-2.0-(OpenSSH)");
        write("a_ftp.xml", "ftp.banner", "0.20", "^220 (vsFTPd)");
        write("c_low.xml", "low.key", null, "^(low)$");
        Files.writeString(folder.resolve("d_broken.xml"), "<fingerprints>\n<fingerprint pattern=\"x\">\n</fingerprints>\n");
        Files.writeString(folder.resolve("notes.txt"), "not a database");
        Files.createDirectories(folder.resolve("sub.xml"));
        RecogDatabases databases = RecogDatabases.load(folder);
        List<String> keys = new ArrayList<>();
        for (RecogDatabase database : databases.all()) {
            keys.add(database.matches());
        }
        assertEquals(List.of("ssh.banner", "ftp.banner", "low.key"), keys);
        assertEquals(1, databases.problems().size());
        FingerprintProblem broken = databases.problems().get(0);
        assertEquals(Kind.BAD_XML, broken.kind());
        assertEquals(SourcePosition.line(folder.resolve("d_broken.xml").toString(), 3), broken.position());
        RecogMatch match = databases.forKey("ssh.banner").orElseThrow().match("SSH-2.0-OpenSSH_9.6").orElseThrow();
        assertEquals(Optional.of("OpenSSH"), match.parameter("service.product"));
        assertEquals(Optional.empty(), databases.forKey("http_header.server"));
    }

    @Test
    public void testDuplicateKeyIsReportedAndTheHigherPreferenceServed()
            throws Exception
    {
        write("one.xml", "same.key", "0.30", "^(one)$");
        write("two.xml", "same.key", "0.60", "^(two)$");
        RecogDatabases databases = RecogDatabases.load(folder);
        assertEquals(2, databases.all().size());
        assertEquals("two.xml", databases.forKey("same.key").orElseThrow().name());
        assertEquals(Kind.BAD_DATABASE, databases.problems().get(0).kind());
    }

    @Test
    public void testDatabasesLoadedElsewhereAreOrderedAndIndexed()
            throws Exception
    {
        write("low.xml", "low.key", "0.20", "^(low)$");
        write("high.xml", "high.key", "0.80", "^(high)$");
        FingerprintProblem earlier = new FingerprintProblem(SourcePosition.offset("missing.xml", 0), Kind.IO_ERROR, "gone");
        RecogDatabases databases = RecogDatabases.of(
                List.of(RecogDatabase.load(folder.resolve("low.xml")), RecogDatabase.load(folder.resolve("high.xml"))), List.of(earlier));
        assertEquals("high.key", databases.all().get(0).matches());
        assertEquals("low.xml", databases.forKey("low.key").orElseThrow().name());
        assertEquals(List.of(earlier), databases.problems());
    }

    @Test
    public void testMissingFolderIsAProblemNotAnException()
    {
        RecogDatabases databases = RecogDatabases.load(folder.resolve("absent"));
        assertEquals(List.of(), databases.all());
        assertEquals(Kind.IO_ERROR, databases.problems().get(0).kind());
    }

    @Test
    public void testCorpusLoadsCleanly()
    {
        assumeTrue(Files.isDirectory(RECOG), "Recog corpus absent at " + RECOG.toAbsolutePath() + "; skipping");
        RecogDatabases databases = RecogDatabases.load(RECOG);
        assertEquals(List.of(), databases.problems());
        assertEquals(50, databases.all().size());
        RecogDatabase servers = databases.forKey("http_header.server").orElseThrow();
        assertEquals(0.90, servers.preference());
        RecogMatch iis = servers.match("Microsoft-IIS/10.0").orElseThrow();
        assertEquals(Optional.of("IIS"), iis.parameter("service.product"));
        assertEquals(Optional.of("10.0"), iis.parameter("service.version"));
        assertEquals(Optional.of("http"), iis.parameter("service.protocol"));
        RecogMatch cookie = databases.forKey("http_header.cookie").orElseThrow()
                .match("webvpnSharePoint=; expires=Thu, 01 Jan 1970 22:00:00 GMT; path=/; secure").orElseThrow();
        assertTrue(cookie.description().contains("Cisco"), cookie.description());
        for (RecogDatabase database : databases.all()) {
            for (RecogFingerprint fingerprint : database.fingerprints()) {
                assertEquals(RecogFingerprint.Engine.RE2J, fingerprint.engine(), fingerprint.toString());
            }
        }
    }

    private void write(String file, String matches, String preference, String pattern)
            throws Exception
    {
        String attributes = "matches=\"" + matches + "\"" + (preference == null ? "" : " preference=\"" + preference + "\"");
        Files.writeString(folder.resolve(file), "<fingerprints " + attributes + ">\n"
                + "  <fingerprint pattern=\"" + pattern + "\"><description>" + matches + "</description>"
                + "<param pos=\"1\" name=\"service.product\"/></fingerprint>\n</fingerprints>\n");
    }
}
