package dev.tradecraft.exposure.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/** Words for JSON tokens and parse errors in problem messages. */
final class JsonTokens
{
    private JsonTokens() {}

    static String describe(JsonToken token)
    {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT -> "object";
            case START_ARRAY, END_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case FIELD_NAME -> "field name";
            case NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT -> "value";
        };
    }

    /**
     * {@code not valid JSON at column 57: Unexpected character ...}, without the input Jackson may
     * quote; {@code columnOffset} is where the parsed text starts in its line.
     */
    static String describe(JsonProcessingException e, int columnOffset)
    {
        JsonLocation location = e.getLocation();
        if (location != null && location.getColumnNr() > 0) {
            return "not valid JSON at column " + (location.getColumnNr() + columnOffset) + ": " + message(e);
        }
        return "not valid JSON: " + message(e);
    }

    static String message(JsonProcessingException e)
    {
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
