package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.core.SourcePosition;

/**
 * CISA's Known Exploited Vulnerabilities catalogue ({@code known_exploited_vulnerabilities.json},
 * format of {@code cisagov/kev-data}), read entry by entry so only one entry's tree is in memory at a
 * time. An entry without a required field is a problem with its line and is skipped; a catalogue
 * cut short keeps the entries before the cut.
 */
public final class KevCatalog
{
    private static final String[] REQUIRED_TEXT = {"vendorProject", "product", "vulnerabilityName", "shortDescription", "requiredAction"};

    private final Map<String, KevEntry> entries;
    private final Optional<String> catalogVersion;
    private final Optional<String> dateReleased;
    private final List<VulnProblem> problems;

    private KevCatalog(Map<String, KevEntry> entries, Optional<String> catalogVersion, Optional<String> dateReleased, List<VulnProblem> problems)
    {
        this.entries = entries;
        this.catalogVersion = catalogVersion;
        this.dateReleased = dateReleased;
        this.problems = List.copyOf(problems);
    }

    /** A catalogue with no entries, for when none is given. */
    public static KevCatalog empty()
    {
        return new KevCatalog(Map.of(), Optional.empty(), Optional.empty(), List.of());
    }

    /** Reads the catalogue file; every problem, including an unreadable file, is in {@link #problems()}. */
    public static KevCatalog load(Path file)
    {
        requireNonNull(file, "file is null");
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, file.toString());
        }
        catch (IOException e) {
            return new KevCatalog(Map.of(), Optional.empty(), Optional.empty(),
                    List.of(new VulnProblem(SourcePosition.line(file.toString(), 0), VulnProblemKind.UNREADABLE_FILE,
                            "KEV catalogue cannot be read (" + e + "); no KEV entries loaded")));
        }
    }

    /** Reads a catalogue from {@code input}; {@code name} is how problems name it. */
    static KevCatalog read(InputStream input, String name) throws IOException
    {
        Reading reading = new Reading(name);
        try (JsonParser parser = JsonNode.FACTORY.createParser(input)) {
            reading.catalogue(parser);
        }
        catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            reading.report(line, VulnProblemKind.MALFORMED_JSON,
                    "not valid JSON (" + e.getOriginalMessage() + "); the " + reading.entries.size() + " entries before it are kept");
        }
        return new KevCatalog(reading.entries, reading.catalogVersion, reading.dateReleased, reading.problems);
    }

    /** The entry for {@code cve} (any case), if CISA lists it. */
    public Optional<KevEntry> entry(String cve)
    {
        return Optional.ofNullable(entries.get(cve.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every entry, in catalogue order. */
    public List<KevEntry> entries()
    {
        return List.copyOf(entries.values());
    }

    public int size()
    {
        return entries.size();
    }

    /** {@code catalogVersion}, e.g. {@code 2025.08.25}. */
    public Optional<String> catalogVersion()
    {
        return catalogVersion;
    }

    /** {@code dateReleased} as written. */
    public Optional<String> dateReleased()
    {
        return dateReleased;
    }

    public List<VulnProblem> problems()
    {
        return problems;
    }

    /** State of one read: what was collected so far survives a parse error. */
    private static final class Reading
    {
        private final String name;
        private final Map<String, KevEntry> entries = new LinkedHashMap<>();
        private final List<VulnProblem> problems = new ArrayList<>();
        private Optional<String> catalogVersion = Optional.empty();
        private Optional<String> dateReleased = Optional.empty();
        private int skipped;

        Reading(String name)
        {
            this.name = name;
        }

        void catalogue(JsonParser parser) throws IOException
        {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                report(parser.currentTokenLocation().getLineNr(), VulnProblemKind.NOT_A_KEV_CATALOG,
                        "the document does not start with an object; no KEV entries loaded");
                return;
            }
            boolean sawVulnerabilities = false;
            long count = -1;
            int countLine = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                int line = parser.currentTokenLocation().getLineNr();
                if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                    sawVulnerabilities = true;
                    vulnerabilities(parser);
                }
                else if (field.equals("catalogVersion") && value == JsonToken.VALUE_STRING) {
                    catalogVersion = Optional.of(parser.getText());
                }
                else if (field.equals("dateReleased") && value == JsonToken.VALUE_STRING) {
                    dateReleased = Optional.of(parser.getText());
                }
                else if (field.equals("count") && value == JsonToken.VALUE_NUMBER_INT) {
                    count = parser.getLongValue();
                    countLine = line;
                }
                else {
                    parser.skipChildren();
                }
            }
            if (!sawVulnerabilities) {
                report(1, VulnProblemKind.NOT_A_KEV_CATALOG, "no vulnerabilities array: not a KEV catalogue; no entries loaded");
            }
            else if (count >= 0 && count != entries.size() + skipped) {
                report(countLine, VulnProblemKind.BAD_FIELD, "count says " + count + " entries, the file holds " + (entries.size() + skipped));
            }
        }

        private void vulnerabilities(JsonParser parser) throws IOException
        {
            JsonToken token = parser.nextToken();
            while (token != JsonToken.END_ARRAY) {
                if (token == null) {
                    report(parser.currentLocation().getLineNr(), VulnProblemKind.MALFORMED_JSON, "vulnerabilities array is not closed");
                    return;
                }
                JsonNode entry = JsonNode.read(parser);
                if (!add(entry)) {
                    skipped++;
                }
                token = parser.nextToken();
            }
        }

        private boolean add(JsonNode node)
        {
            int line = node.line();
            if (!node.isObject()) {
                report(line, VulnProblemKind.BAD_KEV_ENTRY, "entry is " + node.describe() + ", not an object; skipped");
                return false;
            }
            Optional<String> cve = node.get("cveID").string();
            if (cve.isEmpty() || !CveRecordParser.isCveId(cve.get().strip().toUpperCase(Locale.ROOT))) {
                report(line, VulnProblemKind.BAD_KEV_ENTRY, "entry has no valid cveID (" + cve.orElse("missing") + "); skipped");
                return false;
            }
            String id = cve.get().strip().toUpperCase(Locale.ROOT);
            StringBuilder missing = new StringBuilder();
            for (String field : REQUIRED_TEXT) {
                if (node.get(field).string().isEmpty()) {
                    appendName(missing, field);
                }
            }
            Optional<LocalDate> dateAdded = date(node.get("dateAdded"));
            Optional<LocalDate> dueDate = date(node.get("dueDate"));
            if (dateAdded.isEmpty()) {
                appendName(missing, "dateAdded");
            }
            if (dueDate.isEmpty()) {
                appendName(missing, "dueDate");
            }
            if (missing.length() > 0) {
                report(line, VulnProblemKind.BAD_KEV_ENTRY, id + " lacks a valid " + missing + "; skipped");
                return false;
            }
            if (entries.containsKey(id)) {
                report(line, VulnProblemKind.DUPLICATE_RECORD, id + " is listed twice; the first entry is kept");
                return false;
            }
            List<String> cwes = new ArrayList<>();
            for (JsonNode cwe : node.get("cwes").items()) {
                cwe.string().ifPresent(cwes::add);
            }
            entries.put(id, new KevEntry(
                    id,
                    node.get("vendorProject").string().get(),
                    node.get("product").string().get(),
                    node.get("vulnerabilityName").string().get(),
                    dateAdded.get(),
                    node.get("shortDescription").string().get(),
                    node.get("requiredAction").string().get(),
                    dueDate.get(),
                    node.get("knownRansomwareCampaignUse").string(),
                    node.get("notes").string(),
                    cwes));
            return true;
        }

        private static void appendName(StringBuilder names, String name)
        {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(name);
        }

        private static Optional<LocalDate> date(JsonNode node)
        {
            Optional<String> text = node.string();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(text.get().strip()));
            }
            catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        void report(int line, VulnProblemKind kind, String message)
        {
            problems.add(new VulnProblem(SourcePosition.line(name, Math.max(line, 0)), kind, message));
        }
    }
}
