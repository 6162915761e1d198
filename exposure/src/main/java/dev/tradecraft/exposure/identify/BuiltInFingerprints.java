package dev.tradecraft.exposure.identify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.ClasspathFolder;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintException;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem;
import dev.tradecraft.exposure.fingerprint.RecogDatabase;
import dev.tradecraft.exposure.fingerprint.RecogDatabases;

/** Tradecraft's own fingerprint databases (content/exposure/fingerprints), as packed in the jar. */
public final class BuiltInFingerprints
{
    static final String FOLDER = "content/exposure/fingerprints/";

    private BuiltInFingerprints() {}

    public static RecogDatabases load()
    {
        List<RecogDatabase> databases = new ArrayList<>();
        List<FingerprintProblem> problems = new ArrayList<>();
        for (String resource : ClasspathFolder.list(BuiltInFingerprints.class, FOLDER, ".xml")) {
            try (InputStream input = BuiltInFingerprints.class.getClassLoader().getResourceAsStream(resource)) {
                if (input == null) {
                    throw new IOException("missing from the classpath");
                }
                RecogDatabase database = RecogDatabase.load(resource, input);
                databases.add(database);
                problems.addAll(database.problems());
            }
            catch (FingerprintException e) {
                problems.add(e.problem());
            }
            catch (IOException e) {
                problems.add(new FingerprintProblem(SourcePosition.offset(resource, 0), FingerprintProblem.Kind.IO_ERROR, e.getMessage()));
            }
        }
        if (databases.isEmpty()) {
            throw new IllegalStateException("no built-in fingerprints found under " + FOLDER);
        }
        return RecogDatabases.of(databases, problems);
    }
}
