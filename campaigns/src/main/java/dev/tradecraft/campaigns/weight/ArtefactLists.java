package dev.tradecraft.campaigns.weight;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * Reads the two lists that tell the weighting what is common: public artefacts
 * ({@code type,value,public_since,source}) and exclusions ({@code type,pattern}, MISP style: exact,
 * {@code prefix%}, {@code %suffix}, {@code %contains%}). Both are CSV with {@code #} comments and an
 * optional header; a bad line is reported with file and line and skipped. The built-in lists are
 * in the jar under {@code content/campaigns/}.
 */
public final class ArtefactLists
{
    public static final String BUILT_IN_PUBLIC = "content/campaigns/public-artefacts.csv";
    public static final String BUILT_IN_EXCLUSIONS = "content/campaigns/exclusions.csv";

    private ArtefactLists() {}

    /** What was read, and the lines that could not be. */
    public record Loaded<T>(List<T> entries, List<String> problems)
    {
        public Loaded
        {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    public static Loaded<PublicArtefact> publicArtefacts(Path file) throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return publicArtefacts(file.toString(), reader);
        }
    }

    public static Loaded<PublicArtefact> builtInPublicArtefacts()
    {
        try (Reader reader = resource(BUILT_IN_PUBLIC)) {
            return publicArtefacts(BUILT_IN_PUBLIC, reader);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Loaded<Exclusion> builtInExclusions()
    {
        try (Reader reader = resource(BUILT_IN_EXCLUSIONS)) {
            return exclusions(BUILT_IN_EXCLUSIONS, reader);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Loaded<Exclusion> exclusions(Path file) throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return exclusions(file.toString(), reader);
        }
    }

    public static Loaded<PublicArtefact> publicArtefacts(String name, Reader input) throws IOException
    {
        List<PublicArtefact> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        forEachRow(name, input, "type", problems, (line, cells) -> {
            if (cells.size() < 3) {
                throw new IllegalArgumentException("expected type,value,public_since[,source]");
            }
            ObservableType type = ObservableType.parse(cells.get(0));
            LocalDate date;
            try {
                date = LocalDate.parse(cells.get(2).strip());
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException("public_since is not a date (YYYY-MM-DD): '" + cells.get(2).strip() + "'");
            }
            String source = cells.size() > 3 ? cells.get(3).strip() : "";
            entries.add(new PublicArtefact(new Observable(type, cells.get(1).strip()), date.atStartOfDay().toInstant(ZoneOffset.UTC), source));
        });
        return new Loaded<>(entries, problems);
    }

    public static Loaded<Exclusion> exclusions(String name, Reader input) throws IOException
    {
        List<Exclusion> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        forEachRow(name, input, "type", problems, (line, cells) -> {
            if (cells.size() < 2) {
                throw new IllegalArgumentException("expected type,pattern");
            }
            entries.add(Exclusion.parse(ObservableType.parse(cells.get(0)), cells.get(1)));
        });
        return new Loaded<>(entries, problems);
    }

    private interface Row
    {
        void accept(long line, List<String> cells);
    }

    private static void forEachRow(String name, Reader input, String headerFirstCell, List<String> problems, Row row) throws IOException
    {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> cells = split(text);
            if (cells.get(0).strip().equalsIgnoreCase(headerFirstCell)) {
                continue;
            }
            try {
                row.accept(line, cells);
            }
            catch (IllegalArgumentException e) {
                problems.add(name + ":" + line + ": " + e.getMessage());
            }
        }
    }

    /** Splits on commas outside double quotes; {@code ""} inside quotes is a quote. */
    static List<String> split(String line)
    {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Reader resource(String name) throws IOException
    {
        InputStream input = ArtefactLists.class.getClassLoader().getResourceAsStream(requireNonNull(name, "name is null"));
        if (input == null) {
            throw new IOException("built-in list missing from the classpath: " + name);
        }
        return new InputStreamReader(input, StandardCharsets.UTF_8);
    }
}
