package dev.tradecraft.exposure.vuln;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A small read-only JSON tree built from jackson's streaming parser, so the module needs no
 * databind. Navigation never fails: a missing member or an item of a non-array is {@link #MISSING},
 * and the loaders turn a wrong shape into a problem with the line the value starts on.
 */
final class JsonNode
{
    enum Kind
    {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING
    }

    static final JsonNode MISSING = new JsonNode(Kind.MISSING, null, Map.of(), List.of(), 0);

    /** Nesting deeper than any CVE or KEV document; deeper input is refused by the parser, not the stack. */
    private static final int MAX_DEPTH = 128;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final Kind kind;
    private final String scalar;
    private final Map<String, JsonNode> members;
    private final List<JsonNode> items;
    private final int line;

    private JsonNode(Kind kind, String scalar, Map<String, JsonNode> members, List<JsonNode> items, int line)
    {
        this.kind = kind;
        this.scalar = scalar;
        this.members = members;
        this.items = items;
        this.line = line;
    }

    /** Reads the value starting at the parser's current token, leaving the parser on its last token. */
    static JsonNode read(JsonParser parser) throws IOException
    {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return MISSING;
        }
        int line = parser.currentTokenLocation().getLineNr();
        return switch (token) {
            case START_OBJECT -> readObject(parser, line);
            case START_ARRAY -> readArray(parser, line);
            case VALUE_STRING -> new JsonNode(Kind.STRING, parser.getText(), Map.of(), List.of(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNode(Kind.NUMBER, parser.getText(), Map.of(), List.of(), line);
            case VALUE_TRUE -> new JsonNode(Kind.BOOLEAN, "true", Map.of(), List.of(), line);
            case VALUE_FALSE -> new JsonNode(Kind.BOOLEAN, "false", Map.of(), List.of(), line);
            case VALUE_NULL -> new JsonNode(Kind.NULL, null, Map.of(), List.of(), line);
            default -> throw new JsonParseException(parser, "unexpected JSON token " + token + " at line " + line);
        };
    }

    private static JsonNode readObject(JsonParser parser, int line) throws IOException
    {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        JsonToken token = parser.nextToken();
        while (token == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.put(name, read(parser));
            token = parser.nextToken();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "object starting at line " + line + " is not closed");
        }
        return new JsonNode(Kind.OBJECT, null, Collections.unmodifiableMap(members), List.of(), line);
    }

    private static JsonNode readArray(JsonParser parser, int line) throws IOException
    {
        List<JsonNode> items = new ArrayList<>();
        JsonToken token = parser.nextToken();
        while (token != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "array starting at line " + line + " is not closed");
            }
            items.add(read(parser));
            token = parser.nextToken();
        }
        return new JsonNode(Kind.ARRAY, null, Map.of(), Collections.unmodifiableList(items), line);
    }

    Kind kind()
    {
        return kind;
    }

    /** The line the value starts on (1-based), 0 for {@link #MISSING}. */
    int line()
    {
        return line;
    }

    boolean isMissing()
    {
        return kind == Kind.MISSING;
    }

    boolean isObject()
    {
        return kind == Kind.OBJECT;
    }

    boolean isArray()
    {
        return kind == Kind.ARRAY;
    }

    /** The member {@code name} of an object; {@link #MISSING} for anything else. */
    JsonNode get(String name)
    {
        JsonNode member = members.get(name);
        return member == null ? MISSING : member;
    }

    /** The members of an object in document order; empty for anything else. */
    Map<String, JsonNode> members()
    {
        return members;
    }

    /** The items of an array; empty for anything else. */
    List<JsonNode> items()
    {
        return items;
    }

    /** The text of a string value; empty for every other kind. */
    Optional<String> string()
    {
        return kind == Kind.STRING ? Optional.of(scalar) : Optional.empty();
    }

    /** The value of a boolean; empty for every other kind. */
    Optional<Boolean> bool()
    {
        return kind == Kind.BOOLEAN ? Optional.of(Boolean.valueOf(scalar)) : Optional.empty();
    }

    /** The value of a number, or of a string holding one; empty otherwise. */
    Optional<Double> number()
    {
        if (kind != Kind.NUMBER && kind != Kind.STRING) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.valueOf(scalar.strip()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the value is, for messages: "a string", "an object", ... */
    String describe()
    {
        return switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "missing";
        };
    }
}
