package dev.tradecraft.hunt.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.EventFields;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Level;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.RuleRef;
import dev.tradecraft.core.SourcePosition;

/**
 * The JSON form of a hit, one object per line in {@code --format jsonl} output. It is a contract:
 * other tools and later Tradecraft stages (campaigns) read it back with {@link #read}.
 *
 * <pre>{"rule_id":…,"title":…,"level":"high","author":…,"kind":"sigma","tags":[…],
 *  "organisation":…,"host":…,"file":…,"line":12,"time":"2025-07-18T18:06:14Z",
 *  "fields":{matched fields},"logsource":{…},"event":{all fields of the event}}</pre>
 * {@code line} is {@code record} or {@code offset} when the reader counts records or bytes; {@code time}
 * is absent when the event had none.
 */
public final class HitJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private HitJson() {}

    public static String toJson(Hit hit)
    {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(hit, generator);
        }
        catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }

    /** Writes one hit per line. */
    public static void writeLines(List<Hit> hits, Writer out) throws IOException
    {
        for (Hit hit : hits) {
            out.write(toJson(hit));
            out.write('\n');
        }
    }

    static void write(Hit hit, JsonGenerator generator) throws IOException
    {
        RuleRef rule = hit.rule();
        generator.writeStartObject();
        generator.writeStringField("rule_id", rule.id());
        generator.writeStringField("title", rule.title());
        generator.writeStringField("level", rule.level().sigmaName());
        generator.writeStringField("author", rule.author());
        generator.writeStringField("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT));
        generator.writeArrayFieldStart("tags");
        for (String tag : rule.tags()) {
            generator.writeString(tag);
        }
        generator.writeEndArray();
        generator.writeStringField("organisation", hit.origin().organisation());
        generator.writeStringField("host", hit.origin().host());
        SourcePosition position = hit.position();
        generator.writeStringField("file", position.file());
        generator.writeNumberField(position.unit().name().toLowerCase(java.util.Locale.ROOT), position.index());
        if (hit.time().isPresent()) {
            generator.writeStringField("time", hit.time().get().toString());
        }
        writeMap(generator, "fields", hit.matchedFields());
        Logsource logsource = hit.event().logsource();
        generator.writeObjectFieldStart("logsource");
        generator.writeStringField("product", logsource.product());
        generator.writeStringField("category", logsource.category());
        generator.writeStringField("service", logsource.service());
        generator.writeEndObject();
        EventFields fields = hit.event().fields();
        generator.writeObjectFieldStart("event");
        for (int i = 0; i < fields.size(); i++) {
            generator.writeStringField(fields.name(i), fields.value(i));
        }
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private static void writeMap(JsonGenerator generator, String name, Map<String, String> map) throws IOException
    {
        generator.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            generator.writeStringField(entry.getKey(), entry.getValue());
        }
        generator.writeEndObject();
    }

    /** Reads one line written by {@link #toJson}; throws IllegalArgumentException naming what is wrong. */
    public static Hit read(String line)
    {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a hit must be a JSON object");
            }
            Map<String, String> scalars = new LinkedHashMap<>();
            List<String> tags = new ArrayList<>();
            Map<String, String> matched = new LinkedHashMap<>();
            Map<String, String> logsource = new LinkedHashMap<>();
            EventFields.Builder event = EventFields.builder(16);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "tags" -> {
                        expect(token, JsonToken.START_ARRAY, name);
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            tags.add(parser.getText());
                        }
                    }
                    case "fields" -> readStringMap(parser, token, name, matched::put);
                    case "logsource" -> readStringMap(parser, token, name, logsource::put);
                    case "event" -> readStringMap(parser, token, name, event::put);
                    default -> {
                        if (token.isStructStart()) {
                            parser.skipChildren();
                        }
                        else {
                            scalars.put(name, parser.getText());
                        }
                    }
                }
            }
            RuleRef rule = new RuleRef(required(scalars, "rule_id"), required(scalars, "title"),
                    Level.parse(required(scalars, "level")), scalars.getOrDefault("author", ""), tags,
                    RuleRef.Kind.valueOf(required(scalars, "kind").toUpperCase(java.util.Locale.ROOT)));
            String file = required(scalars, "file");
            SourcePosition position;
            if (scalars.containsKey("line")) {
                position = SourcePosition.line(file, Long.parseLong(scalars.get("line")));
            }
            else if (scalars.containsKey("record")) {
                position = SourcePosition.record(file, Long.parseLong(scalars.get("record")));
            }
            else {
                position = SourcePosition.offset(file, Long.parseLong(required(scalars, "offset")));
            }
            Optional<Instant> time = scalars.containsKey("time") ? Optional.of(Instant.parse(scalars.get("time"))) : Optional.empty();
            Logsource source = new Logsource(logsource.getOrDefault("product", ""), logsource.getOrDefault("category", ""),
                    logsource.getOrDefault("service", ""));
            Origin origin = new Origin(required(scalars, "organisation"), required(scalars, "host"));
            return new Hit(rule, new Event(origin, position, time, source, event.build()), matched);
        }
        catch (IOException | DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a hit line: " + e.getMessage(), e);
        }
    }

    private interface Put
    {
        void put(String key, String value);
    }

    private static void readStringMap(JsonParser parser, JsonToken token, String name, Put put) throws IOException
    {
        expect(token, JsonToken.START_OBJECT, name);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            put.put(key, parser.getText());
        }
    }

    private static void expect(JsonToken token, JsonToken expected, String name)
    {
        if (token != expected) {
            throw new IllegalArgumentException("'" + name + "' must be " + (expected == JsonToken.START_ARRAY ? "an array" : "an object"));
        }
    }

    private static String required(Map<String, String> scalars, String name)
    {
        String value = scalars.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + name + "'");
        }
        return value;
    }
}
