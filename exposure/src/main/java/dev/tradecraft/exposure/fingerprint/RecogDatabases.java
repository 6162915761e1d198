package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;

/**
 * A folder of Recog databases, looked up by their {@code matches} key. A file that cannot be loaded
 * is reported and left out; the others load. Immutable and safe to share between threads.
 */
public final class RecogDatabases
{
    private static final Comparator<RecogDatabase> RECOG_ORDER = Comparator.comparingDouble(RecogDatabase::preference).reversed()
            .thenComparing(RecogDatabase::matches)
            .thenComparing(RecogDatabase::name);

    private final List<RecogDatabase> all;
    private final Map<String, RecogDatabase> byKey;
    private final List<FingerprintProblem> problems;

    private RecogDatabases(List<RecogDatabase> all, Map<String, RecogDatabase> byKey, List<FingerprintProblem> problems)
    {
        this.all = List.copyOf(all);
        this.byKey = Map.copyOf(byKey);
        this.problems = List.copyOf(problems);
    }

    /** Loads every {@code *.xml} file of the folder (not its sub-folders), in file-name order. */
    public static RecogDatabases load(Path folder)
    {
        requireNonNull(folder, "folder is null");
        List<FingerprintProblem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*.xml")) {
            for (Path file : listing) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        catch (IOException e) {
            problems.add(new FingerprintProblem(SourcePosition.offset(folder.toString(), 0), Kind.IO_ERROR, "cannot list the folder: " + e));
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        List<RecogDatabase> databases = new ArrayList<>();
        for (Path file : files) {
            try {
                RecogDatabase database = RecogDatabase.load(file);
                databases.add(database);
                problems.addAll(database.problems());
            }
            catch (FingerprintException e) {
                problems.add(e.problem());
            }
        }
        return of(databases, problems);
    }

    /** Databases loaded elsewhere (from the classpath, say), with the problems met loading them. */
    public static RecogDatabases of(List<RecogDatabase> loaded, List<FingerprintProblem> loadProblems)
    {
        List<RecogDatabase> databases = new ArrayList<>(requireNonNull(loaded, "loaded is null"));
        List<FingerprintProblem> problems = new ArrayList<>(requireNonNull(loadProblems, "loadProblems is null"));
        databases.sort(RECOG_ORDER);
        Map<String, RecogDatabase> byKey = new LinkedHashMap<>();
        for (RecogDatabase database : databases) {
            RecogDatabase earlier = byKey.putIfAbsent(database.matches(), database);
            if (earlier != null) {
                problems.add(new FingerprintProblem(SourcePosition.offset(database.name(), 0), Kind.BAD_DATABASE,
                        "matches key '" + database.matches() + "' is also used by " + earlier.name() + ", which forKey returns"));
            }
        }
        return new RecogDatabases(databases, byKey, problems);
    }

    /** The database with this {@code matches} key, e.g. {@code http_header.server}. */
    public Optional<RecogDatabase> forKey(String matches)
    {
        requireNonNull(matches, "matches is null");
        return Optional.ofNullable(byKey.get(matches));
    }

    /** Every database loaded, in Recog's order: higher preference first, then by key. */
    public List<RecogDatabase> all()
    {
        return all;
    }

    /** Files that could not be loaded and every problem inside the ones that could. */
    public List<FingerprintProblem> problems()
    {
        return problems;
    }
}
