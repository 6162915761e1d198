package dev.tradecraft.readers.json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.tradecraft.readers.windows.WindowsFields;
import dev.tradecraft.readers.windows.WindowsFields.Section;

/**
 * Maps one JSON object to Sigma field names, recognising its shape as it streams by.
 *
 * <p><b>evtx_dump</b> ({@code {"Event": {"System": …, "EventData": …}}}): an element's text keeps the
 * element's name and an attribute {@code A} of element {@code Tag} becomes {@code Tag_A}
 * ({@code Provider_Name}, {@code TimeCreated_SystemTime}, {@code EventID_Qualifiers}). Attributes may
 * come as a {@code #attributes} object, as {@code @A} keys (xmltodict), or as a sibling
 * {@code Tag_attributes} object (evtx_dump {@code --separate-json-attributes}); {@code xmlns}
 * attributes are dropped. Named event data keeps its name. Unnamed data ({@code "Data": [..]},
 * {@code {"#text": [..]}}) becomes one field {@code Data}, the values joined with {@code ", "} in
 * order, so that {@code contains} matching works on it as on the rendered event. Elements nested
 * deeper (UserData) are flattened by their leaf name. A data field named like a System field does
 * not replace it and is kept as {@code EventData.X} or {@code UserData.X}; other sections
 * (RenderingInfo…) replace neither.
 *
 * <p><b>Winlogbeat/ECS</b> (any {@code winlog.*} key, nested or dotted): {@code winlog.event_id},
 * {@code channel}, {@code provider_name}, {@code provider_guid}, {@code computer_name},
 * {@code record_id}, {@code process.pid}, {@code process.thread.id} and {@code user.identifier}
 * become {@code EventID}, {@code Channel}, {@code Provider_Name}, {@code Provider_Guid},
 * {@code Computer}, {@code EventRecordID}, {@code Execution_ProcessID}, {@code Execution_ThreadID}
 * and {@code Security_UserID}; {@code winlog.event_data.X} and {@code winlog.user_data.X} become
 * {@code X}; every other leaf keeps its dotted path.
 *
 * <p><b>Flat</b>: names are kept; nested objects flatten to dotted paths.
 *
 * <p>Everywhere: numbers and booleans keep their JSON text, JSON {@code null} leaves the field
 * absent, arrays of values are joined with {@code ", "}, objects inside arrays are flattened under
 * the array's name.
 */
final class WindowsEventMapper
{
    static final String JOIN = ", ";
    private static final String SEPARATE_ATTRIBUTES = "_attributes";
    private static final int NAME_CACHE_LIMIT = 4096;

    // Attribute field names (Provider + Name -> Provider_Name) are the same in every event; build each once.
    private final Map<String, Map<String, String>> attributeNames = new HashMap<>();
    private int cachedNames;

    /** Reads one object; the parser stands before its {@code START_OBJECT}. */
    void map(JsonParser parser, WindowsFields fields) throws IOException
    {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && name.equals("Event")) {
                readEvtxEvent(parser, fields);
            }
            else {
                readGeneric(parser, value, name, fields);
            }
        }
    }

    // ---- evtx_dump shape

    private void readEvtxEvent(JsonParser parser, WindowsFields fields) throws IOException
    {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "System" -> readChildren(parser, value, fields, Section.SYSTEM);
                case "UserData" -> readChildren(parser, value, fields, Section.USER_DATA);
                case "EventData" -> readEventData(parser, value, fields);
                default -> {
                    if (isAttributeKey(name)) {
                        // The Event element's own attributes are XML namespaces.
                        parser.skipChildren();
                    }
                    else {
                        readElement(parser, value, name, fields, Section.OTHER);
                    }
                }
            }
        }
    }

    private void readChildren(JsonParser parser, JsonToken token, WindowsFields fields, Section section) throws IOException
    {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (isAttributeKey(name)) {
                parser.skipChildren();
            }
            else if (isSeparateAttributes(name, value)) {
                readAttributes(parser, value, ownerOfSeparateAttributes(name), fields, section);
            }
            else {
                readElement(parser, value, name, fields, section);
            }
        }
    }

    private void readElement(JsonParser parser, JsonToken token, String name, WindowsFields fields, Section section)
            throws IOException
    {
        switch (token) {
            case VALUE_NULL:
                return;
            case START_ARRAY:
                put(fields, name, readText(parser, token), section);
                return;
            case START_OBJECT:
                break;
            default:
                put(fields, name, parser.getText(), section);
                return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("#attributes")) {
                readAttributes(parser, value, name, fields, section);
            }
            else if (key.startsWith("@")) {
                readAttribute(parser, value, name, key.substring(1), fields, section);
            }
            else if (key.equals("#text")) {
                put(fields, name, readText(parser, value), section);
            }
            else if (isSeparateAttributes(key, value)) {
                readAttributes(parser, value, ownerOfSeparateAttributes(key), fields, section);
            }
            else {
                readElement(parser, value, key, fields, section);
            }
        }
    }

    private void readAttributes(JsonParser parser, JsonToken token, String owner, WindowsFields fields, Section section)
            throws IOException
    {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String attribute = parser.currentName();
            readAttribute(parser, parser.nextToken(), owner, attribute, fields, section);
        }
    }

    private void readAttribute(JsonParser parser, JsonToken token, String owner, String attribute, WindowsFields fields,
            Section section)
            throws IOException
    {
        if (attribute.startsWith("xmlns")) {
            parser.skipChildren();
            return;
        }
        put(fields, attributeName(owner, attribute), readText(parser, token), section);
    }

    private void readEventData(JsonParser parser, JsonToken token, WindowsFields fields) throws IOException
    {
        if (token != JsonToken.START_OBJECT) {
            put(fields, "Data", readText(parser, token), Section.EVENT_DATA);
            return;
        }
        StringBuilder unnamed = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("#attributes")) {
                readAttributes(parser, value, "EventData", fields, Section.EVENT_DATA);
            }
            else if (key.startsWith("@")) {
                readAttribute(parser, value, "EventData", key.substring(1), fields, Section.EVENT_DATA);
            }
            else if (key.equals("Data") || key.equals("#text")) {
                unnamed = readData(parser, value, fields, unnamed);
            }
            else {
                readElement(parser, value, key, fields, Section.EVENT_DATA);
            }
        }
        if (unnamed != null) {
            put(fields, "Data", unnamed.toString(), Section.EVENT_DATA);
        }
    }

    /**
     * Reads {@code Data} content: plain values are unnamed data; an object with a {@code Name}
     * attribute (xmltodict's {@code {"@Name": "Image", "#text": "…"}}) is named data.
     */
    private StringBuilder readData(JsonParser parser, JsonToken token, WindowsFields fields, StringBuilder unnamed)
            throws IOException
    {
        switch (token) {
            case VALUE_NULL:
                return unnamed;
            case START_ARRAY: {
                StringBuilder joined = unnamed;
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    joined = readData(parser, element, fields, joined);
                }
                return joined;
            }
            case START_OBJECT: {
                String name = null;
                String text = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (key.equals("#text")) {
                        text = readText(parser, value);
                    }
                    else if (key.equals("@Name")) {
                        name = readText(parser, value);
                    }
                    else if (key.equals("#attributes") && value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String attribute = parser.currentName();
                            JsonToken attributeValue = parser.nextToken();
                            if (attribute.equals("Name")) {
                                name = readText(parser, attributeValue);
                            }
                            else {
                                parser.skipChildren();
                            }
                        }
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                if (name != null && !name.isEmpty()) {
                    put(fields, name, text, Section.EVENT_DATA);
                    return unnamed;
                }
                return append(unnamed, text);
            }
            default:
                return append(unnamed, parser.getText());
        }
    }

    // ---- Winlogbeat/ECS and flat shapes

    private void readGeneric(JsonParser parser, JsonToken token, String path, WindowsFields fields) throws IOException
    {
        switch (token) {
            case VALUE_NULL:
                return;
            case START_OBJECT:
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String child = path + "." + parser.currentName();
                    readGeneric(parser, parser.nextToken(), child, fields);
                }
                return;
            case START_ARRAY: {
                StringBuilder joined = null;
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (element == JsonToken.START_OBJECT) {
                        readGeneric(parser, element, path, fields);
                    }
                    else {
                        joined = append(joined, readText(parser, element));
                    }
                }
                if (joined != null) {
                    putGeneric(fields, path, joined.toString());
                }
                return;
            }
            default:
                putGeneric(fields, path, parser.getText());
        }
    }

    private static void putGeneric(WindowsFields fields, String path, String value)
    {
        fields.put(path.startsWith("winlog.") ? winlogName(path) : path, value, Section.PLAIN);
    }

    static String winlogName(String path)
    {
        switch (path) {
            case "winlog.event_id":
                return "EventID";
            case "winlog.channel":
                return "Channel";
            case "winlog.provider_name":
                return "Provider_Name";
            case "winlog.provider_guid":
                return "Provider_Guid";
            case "winlog.computer_name":
                return "Computer";
            case "winlog.record_id":
                return "EventRecordID";
            case "winlog.process.pid":
                return "Execution_ProcessID";
            case "winlog.process.thread.id":
                return "Execution_ThreadID";
            case "winlog.user.identifier":
                return "Security_UserID";
            default:
                break;
        }
        String eventData = "winlog.event_data.";
        if (path.startsWith(eventData) && path.length() > eventData.length()) {
            return path.substring(eventData.length());
        }
        String userData = "winlog.user_data.";
        if (path.startsWith(userData) && path.length() > userData.length()) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
        return path;
    }

    // ---- shared

    /**
     * The text of a value: scalars as written, arrays joined, objects by their {@code #text};
     * null for JSON null and for values without text.
     */
    private static String readText(JsonParser parser, JsonToken token) throws IOException
    {
        switch (token) {
            case VALUE_NULL:
                return null;
            case START_ARRAY: {
                StringBuilder joined = null;
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    joined = append(joined, readText(parser, element));
                }
                return joined == null ? null : joined.toString();
            }
            case START_OBJECT: {
                String text = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (key.equals("#text")) {
                        text = readText(parser, value);
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                return text;
            }
            default:
                return parser.getText();
        }
    }

    private static StringBuilder append(StringBuilder joined, String text)
    {
        if (text == null) {
            return joined;
        }
        if (joined == null) {
            return new StringBuilder(text);
        }
        return joined.append(JOIN).append(text);
    }

    private static void put(WindowsFields fields, String name, String value, Section section)
    {
        fields.put(name, value, section);
    }

    private static boolean isAttributeKey(String name)
    {
        return name.equals("#attributes") || name.startsWith("@");
    }

    /** evtx_dump {@code --separate-json-attributes} writes {@code Tag_attributes} beside {@code Tag}. */
    private static boolean isSeparateAttributes(String key, JsonToken value)
    {
        return value == JsonToken.START_OBJECT && key.endsWith(SEPARATE_ATTRIBUTES) && key.length() > SEPARATE_ATTRIBUTES.length();
    }

    private static String ownerOfSeparateAttributes(String key)
    {
        return key.substring(0, key.length() - SEPARATE_ATTRIBUTES.length());
    }

    private String attributeName(String owner, String attribute)
    {
        Map<String, String> byAttribute = attributeNames.get(owner);
        if (byAttribute != null) {
            String cached = byAttribute.get(attribute);
            if (cached != null) {
                return cached;
            }
        }
        String name = owner + "_" + attribute;
        // Names come from the input; stop caching rather than grow without bound.
        if (cachedNames < NAME_CACHE_LIMIT) {
            if (byAttribute == null) {
                byAttribute = new HashMap<>();
                attributeNames.put(owner, byAttribute);
            }
            byAttribute.put(attribute, name);
            cachedNames++;
        }
        return name;
    }
}
