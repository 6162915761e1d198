package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Banners come from the internet: a huge or hostile text must end quickly and quietly, whatever
 * the pattern.
 */
public class TestHostileInput
{
    private static final Path RECOG = Paths.get("../shared/corpus/recog/xml");
    private static final int MEGABYTE = 1024 * 1024;

    @Test
    public void testMegabyteBannerOfEveryExampleAgainstTheCorpus()
    {
        assumeTrue(Files.isDirectory(RECOG), "Recog corpus absent at " + RECOG.toAbsolutePath() + "; skipping");
        RecogDatabases databases = RecogDatabases.load(RECOG);
        for (String key : new String[] {"http_header.server", "ssh.banner", "html_title"}) {
            RecogDatabase database = databases.forKey(key).orElseThrow();
            // Every example glued together, so every required literal is present and every pattern runs.
            StringBuilder hostile = new StringBuilder(MEGABYTE + 4096);
            hostile.append("Microsoft-IIS/10.0 SSH-2.0-OpenSSH_9.6 ");
            while (hostile.length() < MEGABYTE) {
                for (RecogFingerprint fingerprint : database.fingerprints()) {
                    for (RecogExample example : fingerprint.examples()) {
                        hostile.append(example.text()).append(' ');
                    }
                }
            }
            long start = System.nanoTime();
            Optional<RecogMatch> match = database.match(hostile.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("1 MB banner of all examples against %s (%d fingerprints): %d ms, matched %s%n",
                    key, database.fingerprints().size(), millis, match.map(RecogMatch::description).orElse("nothing"));
            assertTrue(millis < 10_000, key + " took " + millis + " ms");
        }
    }

    @Test
    public void testMegabyteBannerWithoutLineBreaksIsCut()
            throws Exception
    {
        RecogDatabase database = load("^(a+)$", "long");
        String banner = "a".repeat(MEGABYTE);
        long start = System.nanoTime();
        RecogMatch match = database.match(banner).orElseThrow();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(MatchInput.MAX_CHARS, match.parameters().get("service.product").length());
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    public void testLongTextIsCutBeforeALineBreak()
            throws Exception
    {
        // Cut in the middle of the second line, "^(x+)$" would match a line the full text does not have.
        RecogDatabase database = load("^(x+)$", "line");
        String text = "a".repeat(100) + "\n" + "x".repeat(MEGABYTE);
        assertEquals(Optional.empty(), database.match(text));
        assertEquals("a".repeat(100), new MatchInput(text).text());
    }

    @Test
    public void testCatastrophicBacktrackingIsGivenUp()
            throws Exception
    {
        // A back-reference forces java.util.regex; (a+)+ on a's followed by '!' takes exponential time.
        RecogDatabase database = load("^((a+)+)\\2?$", "evil");
        RecogFingerprint fingerprint = database.fingerprints().get(0);
        assertEquals(RecogFingerprint.Engine.BOUNDED_JAVA, fingerprint.engine());
        long start = System.nanoTime();
        assertEquals(Optional.empty(), database.match("a".repeat(40) + "!"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, fingerprint.abandonedSearches());
        assertTrue(millis < 1_000, "took " + millis + " ms");
        // An ordinary text still matches with the same pattern.
        assertEquals(Optional.of("aaaa"), database.match("aaaa").orElseThrow().parameter("service.product"));
        assertEquals(1, fingerprint.abandonedSearches());
    }

    @Test
    public void testDeepRecursionOnAMaximalTextIsGivenUp()
            throws Exception
    {
        RecogDatabase database = load("^(a|b)*\\1c$", "deep");
        RecogFingerprint fingerprint = database.fingerprints().get(0);
        // The 'c' in the middle gets past the required-literal check, so the pattern really runs.
        String text = "ab".repeat(MatchInput.MAX_CHARS / 4) + "c" + "ab".repeat(MatchInput.MAX_CHARS / 4);
        AtomicReference<Object> outcome = new AtomicReference<>();
        // A small stack makes the recursion limit, rather than the budget, the first to stop the search.
        Thread thread = new Thread(null, () -> outcome.set(database.match(text)), "tradecraft-test-small-stack", 256 * 1024);
        long start = System.nanoTime();
        thread.start();
        thread.join(30_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), outcome.get());
        assertEquals(1, fingerprint.abandonedSearches());
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    @Test
    public void testNestedRepetitionInRe2IsLinear()
            throws Exception
    {
        RecogDatabase database = load("^(a*)*b$", "linear");
        assertEquals(RecogFingerprint.Engine.RE2J, database.fingerprints().get(0).engine());
        long start = System.nanoTime();
        assertEquals(Optional.empty(), database.match("a".repeat(MatchInput.MAX_CHARS - 1) + "!"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    private static RecogDatabase load(String pattern, String name)
            throws FingerprintException
    {
        String xml = "<fingerprints matches=\"" + name + "\"><fingerprint pattern=\"" + pattern + "\"><description>" + name + "</description>"
                + "<param pos=\"1\" name=\"service.product\"/></fingerprint></fingerprints>";
        return RecogDatabase.load(name + ".xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
