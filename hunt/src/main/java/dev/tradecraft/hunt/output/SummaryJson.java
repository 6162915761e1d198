package dev.tradecraft.hunt.output;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.core.Level;
import dev.tradecraft.hunt.FileOutcome;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;
import dev.tradecraft.readers.ReadProblem;

/**
 * The hunt summary ({@code --summary-json}): per organisation its status and evidence, then what
 * was read, skipped and found. The {@code organisations[].name} and {@code status} keys are a
 * contract that scoring scripts rely on.
 */
public final class SummaryJson
{
    // The writer is the caller's (stdout, or a file it closes): the generator must not close it.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private SummaryJson() {}

    /**
     * @param rulesLoaded Sigma rules in use
     * @param rulesNotLoaded rules that did not load or compile
     * @param indicators IOC indicators in use
     */
    public static void write(HuntResult result, int rulesLoaded, int rulesNotLoaded, int indicators, Writer out) throws IOException
    {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeArrayFieldStart("organisations");
            for (OrganisationVerdict verdict : result.organisations()) {
                writeOrganisation(generator, verdict);
            }
            generator.writeEndArray();

            generator.writeObjectFieldStart("totals");
            generator.writeNumberField("organisations", result.organisations().size());
            for (dev.tradecraft.hunt.verdict.OrganisationStatus status : dev.tradecraft.hunt.verdict.OrganisationStatus.values()) {
                generator.writeNumberField(status.label(), result.organisations().stream().filter(v -> v.status() == status).count());
            }
            generator.writeNumberField("files_read", result.filesRead());
            generator.writeNumberField("files_skipped", result.filesSkipped().size());
            generator.writeNumberField("events", result.events());
            generator.writeNumberField("hits", result.hits().size());
            generator.writeNumberField("correlation_matches_untimed", result.untimedCorrelationMatches());
            generator.writeNumberField("rules_loaded", rulesLoaded);
            generator.writeNumberField("rules_not_loaded", rulesNotLoaded);
            generator.writeNumberField("indicators", indicators);
            generator.writeNumberField("elapsed_seconds", Math.round(result.elapsedNanos() / 1e6) / 1e3);
            generator.writeNumberField("events_per_second", Math.round(result.eventsPerSecond()));
            generator.writeEndObject();

            generator.writeArrayFieldStart("files_skipped");
            for (FileOutcome outcome : result.filesSkipped()) {
                generator.writeStartObject();
                generator.writeStringField("file", outcome.file().displayName());
                generator.writeStringField("reason", outcome.skipReason().orElse(""));
                generator.writeEndObject();
            }
            generator.writeEndArray();

            generator.writeObjectFieldStart("problems");
            for (Map.Entry<String, Long> entry : result.problems().counts().entrySet()) {
                generator.writeNumberField(entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
            generator.writeArrayFieldStart("problem_examples");
            for (ReadProblem problem : result.problems().examples()) {
                generator.writeString(problem.toString());
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    /**
     * Reads back the organisation statuses of a summary: name → status. Other keys are skipped, so
     * summaries from later versions with more fields still read.
     */
    public static Map<String, String> readStatuses(Reader input) throws IOException
    {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a summary must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("organisations") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    String name = null;
                    String status = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        if (key.equals("name")) {
                            name = parser.getText();
                        }
                        else if (key.equals("status")) {
                            status = parser.getText();
                        }
                        else {
                            parser.skipChildren();
                        }
                    }
                    if (name == null || status == null) {
                        throw new IOException("an organisation without name or status at " + parser.currentLocation());
                    }
                    statuses.put(name, status);
                }
            }
        }
        return statuses;
    }

    private static void writeOrganisation(JsonGenerator generator, OrganisationVerdict verdict) throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("name", verdict.organisation());
        generator.writeStringField("status", verdict.status().label());
        writeStrings(generator, "hosts", verdict.hosts());
        if (verdict.firstExploit().isPresent()) {
            generator.writeStringField("first_exploit", verdict.firstExploit().get().toString());
        }
        if (verdict.firstCompromise().isPresent()) {
            generator.writeStringField("first_compromise", verdict.firstCompromise().get().toString());
        }
        writeStrings(generator, "webshells", verdict.webshells());
        writeStrings(generator, "source_ips", verdict.sourceIps());
        generator.writeNumberField("hits", verdict.hitCount());
        generator.writeObjectFieldStart("hits_by_level");
        for (Level level : Level.values()) {
            generator.writeNumberField(level.sigmaName(), verdict.hitsByLevel().get(level));
        }
        generator.writeEndObject();
        writeStrings(generator, "evidence", verdict.evidence());
        generator.writeEndObject();
    }

    private static void writeStrings(JsonGenerator generator, String name, Iterable<String> values) throws IOException
    {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }
}
