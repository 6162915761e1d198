package dev.tradecraft.exposure.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tradecraft.exposure.identify.BuiltInFingerprints;

/** Tradecraft's own fingerprints pass the same verification as Recog's, and ship in the jar. */
class TestOwnFingerprints
{
    private static final Path CONTENT = Path.of("content/exposure/fingerprints");

    @Test
    void testEveryExampleMatchesItsOwnFingerprintAndNoEarlierOne()
    {
        RecogDatabases databases = RecogDatabases.load(CONTENT);
        assertEquals(List.of(), databases.problems());
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (RecogDatabase database : databases.all()) {
            List<RecogFingerprint> fingerprints = database.fingerprints();
            for (int i = 0; i < fingerprints.size(); i++) {
                RecogFingerprint fingerprint = fingerprints.get(i);
                assertTrue(!fingerprint.examples().isEmpty(), database.name() + ": '" + fingerprint.description() + "' has no example");
                for (RecogExample example : fingerprint.examples()) {
                    examples++;
                    RecogVerifier.ExampleCheck check = RecogVerifier.checkExample(fingerprint, example);
                    if (check.status() != RecogVerifier.Status.PASSED) {
                        failures.add(database.name() + ":" + example.line() + ": " + check.reason());
                    }
                    RecogVerifier.earlierMatch(fingerprints, i, example.text())
                            .ifPresent(earlier -> failures.add(database.name() + ":" + example.line() + ": matched earlier by '" + earlier.description() + "'"));
                }
                RecogVerifier.untestedCaptures(fingerprint).forEach(param -> failures.add(database.name() + ": '" + fingerprint.description()
                        + "' captures " + param + " without an example asserting it"));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(examples >= 20, "examples: " + examples);
    }

    @Test
    void testTheSameDatabasesLoadFromTheClasspath()
    {
        RecogDatabases fromFolder = RecogDatabases.load(CONTENT);
        RecogDatabases fromJar = BuiltInFingerprints.load();
        assertEquals(List.of(), fromJar.problems());
        assertEquals(fromFolder.all().size(), fromJar.all().size());
        assertTrue(fromJar.forKey("http_header.microsoftsharepointteamservices").isPresent());
    }
}
