package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reading JSON values whatever type the scanner chose: scan formats write a port as a number or a
 * string, an ASN as {@code 64500} or {@code "AS64500"}, a list as an array or a single string. A
 * value of a type that makes no sense is skipped whole, never an error.
 */
final class JsonValues
{
    private JsonValues() {}

    /** The text of a scalar (strings, numbers, booleans); null for JSON null and for objects and arrays, which are skipped. */
    static String text(JsonParser parser, JsonToken token) throws IOException
    {
        if (token == null) {
            return null;
        }
        switch (token) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getText();
            case START_OBJECT:
            case START_ARRAY:
                parser.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** Like {@link #text} but at most {@code max} characters, without building the whole string first. */
    static String cappedText(JsonParser parser, JsonToken token, int max) throws IOException
    {
        if (token != JsonToken.VALUE_STRING) {
            return text(parser, token);
        }
        int length = parser.getTextLength();
        if (length <= max) {
            return parser.getText();
        }
        char[] characters = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int end = max;
        if (Character.isHighSurrogate(characters[offset + max - 1])) {
            end--;
        }
        return new String(characters, offset, end);
    }

    /** A whole number from a JSON integer or a string of digits; {@link ScanValues#INVALID} otherwise (the value is skipped). */
    static long number(JsonParser parser, JsonToken token) throws IOException
    {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return ScanValues.INVALID;
            }
            long value = parser.getLongValue();
            return value < 0 ? ScanValues.INVALID : value;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            return ScanValues.digits(text, 0, text.length(), 18);
        }
        text(parser, token);
        return ScanValues.INVALID;
    }

    /** Adds the strings of an array, or the string itself; other values are skipped. */
    static void strings(JsonParser parser, JsonToken token, List<String> out) throws IOException
    {
        if (token == JsonToken.VALUE_STRING) {
            addNonBlank(out, parser.getText());
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            text(parser, token);
            return;
        }
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
            if (element == JsonToken.VALUE_STRING) {
                addNonBlank(out, parser.getText());
            }
            else {
                parser.skipChildren();
            }
        }
    }

    /**
     * The text of one field of an object value (the last, if repeated), the object read through;
     * {@code absent} when the value is not an object or has no such field.
     */
    static String fieldText(JsonParser parser, JsonToken token, String field, String absent) throws IOException
    {
        String found = absent;
        if (!isObject(parser, token)) {
            return found;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals(field)) {
                found = text(parser, value);
            }
            else {
                parser.skipChildren();
            }
        }
        return found;
    }

    /** Whether the value is an object, whose fields the caller reads next; any other value is skipped. */
    static boolean isObject(JsonParser parser, JsonToken token) throws IOException
    {
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        parser.skipChildren();
        return false;
    }

    private static void addNonBlank(List<String> out, String value)
    {
        if (!value.isBlank() && !out.contains(value)) {
            out.add(value);
        }
    }
}
