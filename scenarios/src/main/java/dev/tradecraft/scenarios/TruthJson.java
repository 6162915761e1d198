package dev.tradecraft.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.SourcePosition;

/**
 * truth.json: snake_case keys, times as ISO-8601 instants, absent values as {@code null}. Unknown
 * keys are skipped so newer files stay readable; keys added later ({@code copies},
 * {@code public_artefacts}) may be absent so older files do too; missing or mistyped values are
 * reported with file, line and column.
 */
final class TruthJson
{
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TruthJson() {}

    static void write(GroundTruth truth, Path file) throws IOException
    {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            json.writeStartObject();
            json.writeNumberField("seed", truth.seed());
            json.writeArrayFieldStart("actors");
            for (ActorTruth actor : truth.actors()) {
                json.writeStartObject();
                json.writeStringField("id", actor.id());
                json.writeStringField("kind", actor.kind());
                if (actor.copies().isEmpty()) {
                    json.writeNullField("copies");
                }
                else {
                    json.writeStringField("copies", actor.copies());
                }
                writeStrings(json, "source_ips", actor.sourceIps());
                json.writeStringField("user_agent", actor.userAgent());
                json.writeStringField("variant", actor.variant());
                json.writeStringField("webshell", actor.webshell());
                json.writeStringField("first_seen", actor.firstSeen().toString());
                json.writeStringField("note", actor.note());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("organisations");
            for (OrganisationTruth organisation : truth.organisations()) {
                json.writeStartObject();
                json.writeStringField("name", organisation.name());
                json.writeStringField("status", organisation.status().jsonName());
                writeStrings(json, "actors", organisation.actors());
                json.writeStringField("product", organisation.product());
                json.writeStringField("build", organisation.build());
                json.writeBooleanField("vulnerable", organisation.vulnerable());
                writeStrings(json, "hosts", organisation.hosts());
                if (organisation.firstExploit().isPresent()) {
                    json.writeStringField("first_exploit", organisation.firstExploit().get().toString());
                }
                else {
                    json.writeNullField("first_exploit");
                }
                writeStrings(json, "webshell_paths", organisation.webshellPaths());
                json.writeStringField("note", organisation.note());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("public_artefacts");
            for (PublicArtefact artefact : truth.publicArtefacts()) {
                json.writeStartObject();
                json.writeStringField("type", artefact.type().label());
                json.writeStringField("value", artefact.value());
                json.writeStringField("public_since", artefact.publicSince().toString());
                json.writeStringField("source", artefact.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException
    {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static GroundTruth read(Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file);
                JsonParser json = JSON.createParser(in)) {
            Reader reader = new Reader(file.toString(), json);
            return reader.truth();
        }
        catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 0 : Math.max(0, location.getLineNr());
            throw new ScenarioException(SourcePosition.line(file.toString(), line), "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A small recursive-descent reader over the token stream. */
    private static final class Reader
    {
        private final String file;
        private final JsonParser json;

        Reader(String file, JsonParser json)
        {
            this.file = file;
            this.json = json;
        }

        GroundTruth truth() throws IOException
        {
            expect(json.nextToken(), JsonToken.START_OBJECT, "the truth file");
            Long seed = null;
            List<ActorTruth> actors = null;
            List<OrganisationTruth> organisations = null;
            List<PublicArtefact> publicArtefacts = List.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "seed" -> seed = longValue(token, name);
                    case "actors" -> actors = actors(token);
                    case "organisations" -> organisations = organisations(token);
                    case "public_artefacts" -> publicArtefacts = token == JsonToken.VALUE_NULL ? List.of() : publicArtefacts(token);
                    default -> json.skipChildren();
                }
            }
            require(seed, "seed");
            require(actors, "actors");
            require(organisations, "organisations");
            try {
                return new GroundTruth(seed, actors, organisations, publicArtefacts);
            }
            catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private List<ActorTruth> actors(JsonToken token) throws IOException
        {
            expect(token, JsonToken.START_ARRAY, "actors");
            List<ActorTruth> actors = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                expect(json.currentToken(), JsonToken.START_OBJECT, "an actor");
                String id = null;
                String kind = null;
                String copies = "";
                List<String> sourceIps = null;
                String userAgent = null;
                String variant = null;
                String webshell = null;
                Instant firstSeen = null;
                String note = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (name) {
                        case "id" -> id = text(value, name);
                        case "kind" -> kind = text(value, name);
                        case "copies" -> copies = value == JsonToken.VALUE_NULL ? "" : text(value, name);
                        case "source_ips" -> sourceIps = strings(value, name);
                        case "user_agent" -> userAgent = text(value, name);
                        case "variant" -> variant = text(value, name);
                        case "webshell" -> webshell = text(value, name);
                        case "first_seen" -> firstSeen = instant(text(value, name), name);
                        case "note" -> note = text(value, name);
                        default -> json.skipChildren();
                    }
                }
                require(id, "id");
                require(kind, "kind");
                require(sourceIps, "source_ips");
                require(userAgent, "user_agent");
                require(variant, "variant");
                require(webshell, "webshell");
                require(firstSeen, "first_seen");
                try {
                    actors.add(new ActorTruth(id, kind, copies, sourceIps, userAgent, variant, webshell, firstSeen, note == null ? "" : note));
                }
                catch (IllegalArgumentException | NullPointerException e) {
                    throw problem("actor " + id + ": " + e.getMessage());
                }
            }
            return actors;
        }

        private List<OrganisationTruth> organisations(JsonToken token) throws IOException
        {
            expect(token, JsonToken.START_ARRAY, "organisations");
            List<OrganisationTruth> organisations = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                expect(json.currentToken(), JsonToken.START_OBJECT, "an organisation");
                String name = null;
                OrganisationStatus status = null;
                List<String> actors = null;
                String product = null;
                String build = null;
                Boolean vulnerable = null;
                List<String> hosts = null;
                Optional<Instant> firstExploit = Optional.empty();
                List<String> webshellPaths = List.of();
                String note = "";
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String key = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (key) {
                        case "name" -> name = text(value, key);
                        case "status" -> status = status(text(value, key));
                        case "actors" -> actors = strings(value, key);
                        case "product" -> product = text(value, key);
                        case "build" -> build = text(value, key);
                        case "vulnerable" -> vulnerable = bool(value, key);
                        case "hosts" -> hosts = strings(value, key);
                        case "first_exploit" -> firstExploit = value == JsonToken.VALUE_NULL ? Optional.empty()
                                : Optional.of(instant(text(value, key), key));
                        case "webshell_paths" -> webshellPaths = value == JsonToken.VALUE_NULL ? List.of() : strings(value, key);
                        case "note" -> note = value == JsonToken.VALUE_NULL ? "" : text(value, key);
                        default -> json.skipChildren();
                    }
                }
                require(name, "name");
                require(status, "status");
                require(actors, "actors");
                require(product, "product");
                require(build, "build");
                require(vulnerable, "vulnerable");
                require(hosts, "hosts");
                try {
                    organisations.add(new OrganisationTruth(name, status, actors, product, build, vulnerable, hosts,
                            firstExploit, webshellPaths, note));
                }
                catch (IllegalArgumentException | NullPointerException e) {
                    throw problem("organisation " + name + ": " + e.getMessage());
                }
            }
            return organisations;
        }

        private List<PublicArtefact> publicArtefacts(JsonToken token) throws IOException
        {
            expect(token, JsonToken.START_ARRAY, "public_artefacts");
            List<PublicArtefact> artefacts = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                expect(json.currentToken(), JsonToken.START_OBJECT, "a public artefact");
                ObservableType type = null;
                String artefact = null;
                Instant publicSince = null;
                String source = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String key = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (key) {
                        case "type" -> type = observableType(text(value, key));
                        case "value" -> artefact = text(value, key);
                        case "public_since" -> publicSince = instant(text(value, key), key);
                        case "source" -> source = text(value, key);
                        default -> json.skipChildren();
                    }
                }
                require(type, "type");
                require(artefact, "value");
                require(publicSince, "public_since");
                require(source, "source");
                try {
                    artefacts.add(new PublicArtefact(type, artefact, publicSince, source));
                }
                catch (IllegalArgumentException | NullPointerException e) {
                    throw problem("public artefact " + artefact + ": " + e.getMessage());
                }
            }
            return artefacts;
        }

        private List<String> strings(JsonToken token, String name) throws IOException
        {
            expect(token, JsonToken.START_ARRAY, name);
            List<String> values = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                values.add(text(json.currentToken(), name));
            }
            return values;
        }

        private String text(JsonToken token, String name) throws IOException
        {
            if (token != JsonToken.VALUE_STRING) {
                throw problem(name + " must be a string, found " + describe(token));
            }
            return json.getText();
        }

        private long longValue(JsonToken token, String name) throws IOException
        {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw problem(name + " must be an integer, found " + describe(token));
            }
            return json.getLongValue();
        }

        private boolean bool(JsonToken token, String name) throws IOException
        {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw problem(name + " must be true or false, found " + describe(token));
            }
            return token == JsonToken.VALUE_TRUE;
        }

        private Instant instant(String text, String name) throws ScenarioException
        {
            try {
                return Instant.parse(text);
            }
            catch (DateTimeParseException e) {
                throw problem(name + " is not an ISO-8601 instant: " + text);
            }
        }

        private ObservableType observableType(String text) throws ScenarioException
        {
            try {
                return ObservableType.parse(text);
            }
            catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private OrganisationStatus status(String text) throws ScenarioException
        {
            try {
                return OrganisationStatus.parse(text);
            }
            catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private void expect(JsonToken token, JsonToken expected, String what) throws ScenarioException
        {
            if (token != expected) {
                throw problem(what + " must be " + describe(expected) + ", found " + describe(token));
            }
        }

        private void require(Object value, String name) throws ScenarioException
        {
            if (value == null) {
                throw problem("missing " + name);
            }
        }

        private ScenarioException problem(String message)
        {
            JsonLocation location = json.currentTokenLocation();
            return new ScenarioException(SourcePosition.line(file, Math.max(0, location.getLineNr())),
                    "column " + location.getColumnNr() + ": " + message);
        }

        private static String describe(JsonToken token)
        {
            if (token == null) {
                return "end of input";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.toString();
            };
        }
    }
}
