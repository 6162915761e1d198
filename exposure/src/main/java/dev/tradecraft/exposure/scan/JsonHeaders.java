package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * HTTP response headers written as JSON, in every shape the scan formats use:
 * <ul>
 * <li>{@code {"Server": {"headers": ["IIS"]}}} (Censys),</li>
 * <li>{@code {"server": ["IIS"]}} (ZGrab2, Censys),</li>
 * <li>{@code {"Server": "IIS"}} (Censys, a Shodan {@code http.headers} object),</li>
 * <li>{@code [{"key": "Server", "value": ...}]}, and ZGrab2's {@code "unknown": [{"key": ..., "value": [...]}]}.</li>
 * </ul>
 * Censys' {@code _encoding} member describes the others and is not a header.
 */
final class JsonHeaders
{
    /** How the format writes header names. */
    enum Names
    {
        /** As sent. */
        AS_SENT,
        /** Lower case with {@code _} for {@code -} (ZGrab2); turned back to {@code -}. */
        UNDERSCORED
    }

    // Real SharePoint headers that contain '_' (ZGrab2 cannot tell them from '-'); lower case as ZGrab2 writes them.
    private static final Map<String, String> UNDERSCORE_NAMES = Map.of(
            "x_forms_based_auth_required", "x-forms_based_auth_required",
            "x_forms_based_auth_return_url", "x-forms_based_auth_return_url",
            "x_forms_based_auth_dialog_size", "x-forms_based_auth_dialog_size",
            "x_msdavext_error", "x-msdavext_error");

    private JsonHeaders() {}

    /** Reads the headers value the parser is on (token already read) and adds what it holds to {@code out}. */
    static void read(JsonParser parser, JsonToken token, Names names, List<HttpHeaders.Header> out) throws IOException
    {
        if (token == JsonToken.START_ARRAY) {
            readPairs(parser, names, out);
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            JsonValues.text(parser, token);
            return;
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (name.equals("_encoding")) {
                parser.skipChildren();
            }
            else if (name.equals("unknown") && value == JsonToken.START_ARRAY && names == Names.UNDERSCORED) {
                readPairs(parser, Names.AS_SENT, out);
            }
            else {
                readValues(parser, value, headerName(name, names), out);
            }
        }
    }

    /** An array of {@code {key|name, value|values}} objects. */
    private static void readPairs(JsonParser parser, Names names, List<HttpHeaders.Header> out) throws IOException
    {
        List<String> values = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
            if (element != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String key = null;
            values.clear();
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "key", "name" -> key = JsonValues.text(parser, value);
                    case "value", "values" -> collect(parser, value, values);
                    default -> parser.skipChildren();
                }
            }
            if (key != null && !key.isBlank()) {
                String name = headerName(key, names);
                for (String value : values) {
                    add(out, name, value);
                }
            }
        }
    }

    private static void readValues(JsonParser parser, JsonToken token, String name, List<HttpHeaders.Header> out) throws IOException
    {
        if (token == JsonToken.START_ARRAY) {
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
                String value = JsonValues.text(parser, element);
                if (value != null) {
                    add(out, name, value);
                }
            }
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            List<String> values = new ArrayList<>(2);
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                if (field.equals("headers") || field.equals("values") || field.equals("value")) {
                    collect(parser, value, values);
                }
                else {
                    parser.skipChildren();
                }
            }
            for (String value : values) {
                add(out, name, value);
            }
            return;
        }
        String value = JsonValues.text(parser, token);
        if (value != null) {
            add(out, name, value);
        }
    }

    /** Collects a string, an array of strings, or an object holding {@code headers}. */
    private static void collect(JsonParser parser, JsonToken token, List<String> values) throws IOException
    {
        if (token == JsonToken.START_ARRAY) {
            JsonToken element;
            while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
                String value = JsonValues.text(parser, element);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        else if (token == JsonToken.START_OBJECT) {
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                if (field.equals("headers")) {
                    collect(parser, value, values);
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        else {
            String value = JsonValues.text(parser, token);
            if (value != null) {
                values.add(value);
            }
        }
    }

    private static void add(List<HttpHeaders.Header> out, String name, String value)
    {
        if (out.size() < HttpHeaderText.MAX_HEADERS && !name.isEmpty()) {
            out.add(new HttpHeaders.Header(name, value));
        }
    }

    static String headerName(String name, Names names)
    {
        if (names == Names.AS_SENT || name.indexOf('_') < 0) {
            return name;
        }
        String known = UNDERSCORE_NAMES.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name.replace('_', '-');
    }
}
