package dev.tradecraft.campaigns.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Origin;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

/**
 * A sighting as one line of JSON, for the scale-out job's sightings topic and whoever reads it; it
 * reads back into the same {@link Sighting}, so the campaigns code can run over a stream of them.
 *
 * <pre>{"organisation":…,"host":…,"time":"2025-07-18T18:06:14Z","stage":"exploit","succeeded":true,
 *  "rule_id":…,"file":…,"line":12,"observables":[{"type":"source-ip","value":"107.191.58.76"},…]}</pre>
 * {@code line} is {@code record} or {@code offset} as the evidence counts; {@code time} is absent
 * when the event had none.
 */
public final class SightingJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private SightingJson() {}

    public static String toJson(Sighting sighting)
    {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("organisation", sighting.origin().organisation());
            json.writeStringField("host", sighting.origin().host());
            if (sighting.time().isPresent()) {
                json.writeStringField("time", sighting.time().get().toString());
            }
            json.writeStringField("stage", sighting.stage().tagName());
            json.writeBooleanField("succeeded", sighting.succeeded());
            json.writeStringField("rule_id", sighting.ruleId());
            json.writeStringField("file", sighting.evidence().file());
            json.writeNumberField(sighting.evidence().unit().name().toLowerCase(Locale.ROOT), sighting.evidence().index());
            json.writeArrayFieldStart("observables");
            for (Observable observable : sighting.observables()) {
                json.writeStartObject();
                json.writeStringField("type", observable.type().label());
                json.writeStringField("value", observable.value());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when {@code line} is not a sighting, saying why */
    public static Sighting read(String line)
    {
        String organisation = null;
        String host = null;
        Optional<Instant> time = Optional.empty();
        Stage stage = null;
        Boolean succeeded = null;
        String ruleId = null;
        String file = null;
        SourcePosition.Unit unit = null;
        long index = -1;
        List<Observable> observables = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "organisation" -> organisation = parser.getValueAsString();
                    case "host" -> host = parser.getValueAsString();
                    case "time" -> time = Optional.of(Instant.parse(parser.getValueAsString()));
                    case "stage" -> stage = stage(parser.getValueAsString());
                    case "succeeded" -> succeeded = value == JsonToken.VALUE_TRUE;
                    case "rule_id" -> ruleId = parser.getValueAsString();
                    case "file" -> file = parser.getValueAsString();
                    case "line", "record", "offset" -> {
                        unit = SourcePosition.Unit.valueOf(name.toUpperCase(Locale.ROOT));
                        index = parser.getValueAsLong(-1);
                    }
                    case "observables" -> readObservables(parser, value, observables);
                    default -> parser.skipChildren();
                }
            }
        }
        catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a sighting: " + e.getMessage(), e);
        }
        if (organisation == null || host == null || stage == null || succeeded == null || ruleId == null || file == null || unit == null) {
            throw new IllegalArgumentException("not a sighting: organisation, host, stage, succeeded, rule_id, file and a position are required");
        }
        return new Sighting(new Origin(organisation, host), time, stage, succeeded, observables, new SourcePosition(file, unit, index), ruleId);
    }

    private static Stage stage(String tag)
    {
        return Stage.fromTag("tradecraft.stage." + tag).orElseThrow(() -> new IllegalArgumentException("unknown stage '" + tag + "'"));
    }

    private static void readObservables(JsonParser parser, JsonToken start, List<Observable> out) throws IOException
    {
        if (start != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("observables must be an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("type")) {
                    type = parser.getValueAsString();
                }
                else if (name.equals("value")) {
                    value = parser.getValueAsString();
                }
                else {
                    parser.skipChildren();
                }
            }
            if (type == null || value == null) {
                throw new IllegalArgumentException("an observable needs a type and a value");
            }
            out.add(new Observable(ObservableType.parse(type), value));
        }
    }
}
