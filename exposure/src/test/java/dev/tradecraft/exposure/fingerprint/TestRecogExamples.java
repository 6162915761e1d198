package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.fingerprint.RecogVerifier.ExampleCheck;

/**
 * Recog's verification suite as a test, over every database of the Recog corpus.
 *
 * <p>The first test is what {@code recog_verify} does: each example is matched against its own
 * fingerprint only, every attribute other than {@code _encoding} and {@code _filename} must equal
 * the result, and a fingerprint with examples must assert each capture param in at least one of
 * them; problems {@code recog_verify} would fail on (bad params, patterns that do not compile)
 * surface as load problems. The second test is the rspec self-test's "matches this regex first",
 * made stricter: Recog only tries earlier fingerprints that have examples of their own, this
 * tries every earlier fingerprint, because that is what {@link RecogDatabase#match} returns.
 */
public class TestRecogExamples
{
    private static final Path RECOG = Paths.get("../shared/corpus/recog/xml");

    private static RecogDatabases databases;

    @BeforeAll
    public static void load()
    {
        if (Files.isDirectory(RECOG)) {
            databases = RecogDatabases.load(RECOG);
        }
    }

    @Test
    public void testEveryExampleMatchesItsOwnFingerprint()
    {
        assumeCorpus();
        int fingerprints = 0;
        int examples = 0;
        int passed = 0;
        int fallback = 0;
        int withoutExamples = 0;
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RecogDatabase database : databasesInFileOrder()) {
            for (RecogFingerprint fingerprint : database.fingerprints()) {
                fingerprints++;
                if (fingerprint.engine() == RecogFingerprint.Engine.BOUNDED_JAVA) {
                    fallback++;
                    System.out.println("fallback engine: " + where(database, fingerprint.position().index()) + " /" + fingerprint.pattern() + "/");
                }
                withoutExamples += fingerprint.examples().isEmpty() ? 1 : 0;
                for (RecogExample example : fingerprint.examples()) {
                    examples++;
                    ExampleCheck check = RecogVerifier.checkExample(fingerprint, example);
                    switch (check.status()) {
                        case PASSED -> passed++;
                        case FAILED -> failures.add(where(database, example.line()) + ": " + check.reason());
                        case SKIPPED -> skipped.add(where(database, example.line()) + ": " + check.reason());
                    }
                }
                for (String param : RecogVerifier.untestedCaptures(fingerprint)) {
                    failures.add(where(database, fingerprint.position().index()) + ": '" + fingerprint.description()
                            + "' is missing an example that checks for parameter '" + param + "' which is derived from a capture group");
                }
            }
        }
        System.out.printf("Recog examples: %d databases, %d fingerprints (%d on the fallback engine, %d without examples), "
                + "%d examples: %d passed, %d failed, %d skipped%n",
                databases.all().size(), fingerprints, fallback, withoutExamples, examples, passed, failures.size(), skipped.size());
        failures.forEach(failure -> System.out.println("FAILED " + failure));
        skipped.forEach(skip -> System.out.println("SKIPPED " + skip));
        assertEquals(List.of(), databases.problems());
        assertEquals(List.of(), failures);
    }

    @Test
    public void testNoExampleIsTakenByAnEarlierFingerprint()
    {
        assumeCorpus();
        List<String> shadowed = new ArrayList<>();
        for (RecogDatabase database : databasesInFileOrder()) {
            List<RecogFingerprint> fingerprints = database.fingerprints();
            for (int i = 0; i < fingerprints.size(); i++) {
                for (RecogExample example : fingerprints.get(i).examples()) {
                    if (example.skipped().isPresent()) {
                        continue;
                    }
                    Optional<RecogFingerprint> earlier = RecogVerifier.earlierMatch(fingerprints, i, example.text());
                    if (earlier.isPresent()) {
                        shadowed.add(where(database, example.line()) + ": taken by " + where(database, earlier.get().position().index())
                                + " '" + earlier.get().description() + "' (" + (earlier.get().examples().isEmpty() ? "no examples" : "has examples") + ")");
                    }
                }
            }
        }
        shadowed.forEach(line -> System.out.println("SHADOWED " + line));
        assertEquals(List.of(), shadowed);
    }

    private static List<RecogDatabase> databasesInFileOrder()
    {
        List<RecogDatabase> inFileOrder = new ArrayList<>(databases.all());
        inFileOrder.sort((left, right) -> left.name().compareTo(right.name()));
        return inFileOrder;
    }

    private static String where(RecogDatabase database, long line)
    {
        return database.name() + ":" + line;
    }

    private static void assumeCorpus()
    {
        assumeTrue(databases != null, "Recog corpus absent at " + RECOG.toAbsolutePath() + "; skipping the Recog verification suite");
    }
}
