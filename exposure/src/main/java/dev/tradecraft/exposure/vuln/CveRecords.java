package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tradecraft.core.SourcePosition;

/**
 * CVE JSON 5 records loaded from files, a folder tree (every {@code *.json} below it, as in a
 * {@code cvelistV5} checkout) or the classpath, by id. A file that cannot be read or parsed is a
 * problem naming its path; the other files load. When a CVE comes twice the record updated last
 * wins.
 */
public final class CveRecords
{
    /** Larger than any real record (the biggest in cvelistV5 are a few hundred KB); guards memory. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final int MAX_FOLDER_DEPTH = 8;

    private final Map<String, CveRecord> records;
    private final List<VulnProblem> problems;

    private CveRecords(Map<String, CveRecord> records, List<VulnProblem> problems)
    {
        this.records = records;
        this.problems = List.copyOf(problems);
    }

    /** Loads one record file, or every {@code *.json} file under a folder. */
    public static CveRecords load(Path fileOrFolder)
    {
        return load(List.of(fileOrFolder));
    }

    /** Loads each path in turn: a record file, or a folder searched for {@code *.json}. */
    public static CveRecords load(List<Path> filesOrFolders)
    {
        requireNonNull(filesOrFolders, "filesOrFolders is null");
        Loader loader = new Loader();
        for (Path path : filesOrFolders) {
            loader.addPath(requireNonNull(path, "path is null"));
        }
        return loader.finish();
    }

    /** Every record, ordered by id. */
    public List<CveRecord> records()
    {
        return List.copyOf(records.values());
    }

    /** The record of {@code cve} (any case), if loaded. */
    public Optional<CveRecord> record(String cve)
    {
        return Optional.ofNullable(records.get(cve.strip().toUpperCase(Locale.ROOT)));
    }

    public int size()
    {
        return records.size();
    }

    /** What could not be loaded, in the order met. */
    public List<VulnProblem> problems()
    {
        return problems;
    }

    /** Collects records from several sources; package-private so the knowledge base can add classpath records. */
    static final class Loader
    {
        private final Map<String, CveRecord> records = new TreeMap<>();
        private final List<VulnProblem> problems = new ArrayList<>();

        void addPath(Path path)
        {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path, MAX_FOLDER_DEPTH)) {
                    files = walk.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
                }
                catch (IOException | RuntimeException e) {
                    problems.add(new VulnProblem(SourcePosition.line(path.toString(), 0), VulnProblemKind.UNREADABLE_FILE,
                            "folder cannot be listed (" + e.getMessage() + "); no records loaded from it"));
                    return;
                }
                for (Path file : files) {
                    addFile(file);
                }
                return;
            }
            addFile(path);
        }

        void addFile(Path file)
        {
            String name = file.toString();
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    problems.add(new VulnProblem(SourcePosition.line(name, 0), VulnProblemKind.UNREADABLE_FILE,
                            "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " a CVE record may have; skipped"));
                    return;
                }
                try (InputStream input = Files.newInputStream(file)) {
                    addStream(input, name);
                }
            }
            catch (IOException e) {
                problems.add(new VulnProblem(SourcePosition.line(name, 0), VulnProblemKind.UNREADABLE_FILE,
                        "cannot be read (" + e + "); skipped"));
            }
        }

        /** Parses one record from {@code input}; {@code name} is how messages and {@link CveRecord#source} name it. */
        void addStream(InputStream input, String name) throws IOException
        {
            JsonNode root;
            try (JsonParser parser = JsonNode.FACTORY.createParser(input)) {
                parser.nextToken();
                root = JsonNode.read(parser);
                if (parser.nextToken() != null) {
                    problems.add(new VulnProblem(SourcePosition.line(name, parser.currentTokenLocation().getLineNr()), VulnProblemKind.MALFORMED_JSON,
                            "text after the end of the record; ignored"));
                }
            }
            catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
                problems.add(new VulnProblem(SourcePosition.line(name, line), VulnProblemKind.MALFORMED_JSON,
                        "not valid JSON (" + e.getOriginalMessage() + "); file skipped"));
                return;
            }
            if (root.isMissing()) {
                problems.add(new VulnProblem(SourcePosition.line(name, 0), VulnProblemKind.NOT_A_CVE_RECORD, "file is empty; skipped"));
                return;
            }
            Optional<CveRecord> record = new CveRecordParser(name, problems).parse(root);
            if (record.isPresent()) {
                add(record.get());
            }
        }

        private void add(CveRecord record)
        {
            CveRecord previous = records.get(record.id());
            if (previous == null) {
                records.put(record.id(), record);
                return;
            }
            CveRecord kept = updated(record).isAfter(updated(previous)) ? record : previous;
            CveRecord dropped = kept == record ? previous : record;
            records.put(record.id(), kept);
            problems.add(new VulnProblem(SourcePosition.line(dropped.source(), 0), VulnProblemKind.DUPLICATE_RECORD,
                    record.id() + " also comes from " + kept.source() + ", updated later; this copy is ignored"));
        }

        private static Instant updated(CveRecord record)
        {
            return record.dateUpdated().orElse(record.datePublished().orElse(Instant.EPOCH));
        }

        /** Adds records loaded elsewhere without checking for duplicates: later sources replace earlier ones. */
        void replaceAll(Collection<CveRecord> replacements)
        {
            for (CveRecord record : replacements) {
                records.put(record.id(), record);
            }
        }

        void addProblems(List<VulnProblem> more)
        {
            problems.addAll(more);
        }

        CveRecords finish()
        {
            return new CveRecords(new TreeMap<>(records), problems);
        }
    }
}
