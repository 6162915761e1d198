package dev.tradecraft.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads a stream of concatenated or line-separated JSON values into maps and lists with Jackson's parser. */
final class JsonDocuments
{
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonDocuments() {}

    static List<Object> read(Path file) throws IOException
    {
        List<Object> documents = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                JsonParser parser = JSON.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                documents.add(value(parser, token));
            }
        }
        return documents;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException
    {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (object.containsKey(name)) {
                        throw new AssertionError("duplicate key " + name + " at " + parser.currentLocation());
                    }
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected " + token + " at " + parser.currentLocation());
        }
    }

    /** The value at a path of object keys, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Object document, String... keys)
    {
        Object current = document;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    static String text(Object document, String... keys)
    {
        Object value = at(document, keys);
        return value == null ? "" : value.toString();
    }
}
