package dev.tradecraft.readers.evtx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Concatenated JSON values as plain maps, lists, strings, numbers and booleans, for comparing documents in tests. */
final class JsonValues
{
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonValues() {}

    /** Every top-level value of {@code text}; strings passed through {@code strings}. */
    static List<Object> parseAll(String text, UnaryOperator<String> strings) throws IOException
    {
        List<Object> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                values.add(value(parser, token, strings));
            }
        }
        return values;
    }

    private static Object value(JsonParser parser, JsonToken token, UnaryOperator<String> strings) throws IOException
    {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken(), strings));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, element, strings));
                }
                return array;
            }
            case VALUE_STRING:
                return strings.apply(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return "<null>";
            default:
                throw new IOException("unexpected " + token);
        }
    }
}
