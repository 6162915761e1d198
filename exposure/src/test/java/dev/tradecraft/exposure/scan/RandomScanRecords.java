package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Valid random records of each JSON scan format, one per line, with the awkward parts scanners
 * really produce: optional fields left out, fields in any order, numbers written as strings,
 * escapes, non-ASCII text, header values in every shape.
 */
final class RandomScanRecords
{
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String TEXT_CHARACTERS = "abcXYZ019 {}[]:,\"\\/\t\u0001é€\u2028😀<>&'-_.;=";
    private static final String[] HEADER_NAMES = {"Server", "MicrosoftSharePointTeamServices", "X-SharePointHealthScore", "SPRequestGuid",
        "Set-Cookie", "X-Powered-By", "WWW-Authenticate", "Content-Type", "X-MS-InvokeApp"};

    /** Writes one field; the writer decides the value. */
    private interface Field
    {
        void write(JsonGenerator json) throws IOException;
    }

    private RandomScanRecords() {}

    static String shodan(Random random)
    {
        List<Field> fields = new ArrayList<>();
        fields.add(json -> json.writeStringField("ip_str", address(random)));
        fields.add(json -> writeNumberish(json, random, "port", random.nextInt(65536)));
        maybe(random, fields, json -> json.writeStringField("transport", random.nextBoolean() ? "tcp" : "udp"));
        maybe(random, fields, json -> json.writeStringField("timestamp", "2025-07-" + (10 + random.nextInt(20)) + "T0" + random.nextInt(10) + ":1"
                + random.nextInt(6) + ":00." + random.nextInt(1_000_000)));
        maybe(random, fields, json -> {
            json.writeArrayFieldStart("hostnames");
            for (int i = random.nextInt(3); i > 0; i--) {
                json.writeString("h" + random.nextInt(100) + ".example.org");
            }
            json.writeEndArray();
        });
        maybe(random, fields, json -> json.writeStringField("org", text(random)));
        maybe(random, fields, json -> {
            if (random.nextBoolean()) {
                json.writeStringField("asn", "AS" + (64496 + random.nextInt(16)));
            }
            else {
                json.writeNumberField("asn", 64496 + random.nextInt(16));
            }
        });
        maybe(random, fields, json -> {
            json.writeObjectFieldStart("location");
            json.writeStringField("country_code", random.nextBoolean() ? "DE" : "us");
            json.writeStringField("city", text(random));
            json.writeEndObject();
        });
        maybe(random, fields, json -> json.writeStringField("product", text(random)));
        maybe(random, fields, json -> {
            json.writeArrayFieldStart("cpe23");
            json.writeString("cpe:2.3:a:microsoft:internet_information_services:10.0");
            json.writeEndArray();
        });
        maybe(random, fields, json -> json.writeStringField("data", random.nextInt(3) == 0 ? "SSH-2.0-" + text(random) + "\r\n" : rawResponse(random)));
        maybe(random, fields, json -> {
            json.writeObjectFieldStart("http");
            maybeWrite(random, json, j -> j.writeNumberField("status", 200 + random.nextInt(300)));
            maybeWrite(random, json, j -> j.writeStringField("title", text(random)));
            maybeWrite(random, json, j -> j.writeStringField("html", "<html><title>" + text(random) + "</title>" + text(random)));
            maybeWrite(random, json, j -> j.writeStringField("host", random.nextBoolean() ? "sp.example.gov" : address(random)));
            json.writeEndObject();
        });
        maybe(random, fields, json -> {
            json.writeObjectFieldStart("_shodan");
            json.writeStringField("module", "https");
            json.writeEndObject();
        });
        return object(random, fields);
    }

    static String censys(Random random)
    {
        List<Field> fields = new ArrayList<>();
        fields.add(json -> json.writeStringField("ip", address(random)));
        maybe(random, fields, json -> json.writeStringField("last_updated_at", "2025-07-21T11:02:44." + random.nextInt(1000) + "Z"));
        maybe(random, fields, json -> {
            json.writeObjectFieldStart("autonomous_system");
            writeNumberish(json, random, "asn", 64496 + random.nextInt(16));
            json.writeStringField("name", text(random));
            json.writeEndObject();
        });
        maybe(random, fields, json -> {
            json.writeObjectFieldStart("dns");
            json.writeObjectFieldStart("reverse_dns");
            json.writeArrayFieldStart("names");
            json.writeString("r" + random.nextInt(100) + ".example.net");
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        });
        fields.add(json -> {
            json.writeArrayFieldStart("services");
            for (int i = random.nextInt(4); i > 0; i--) {
                json.writeStartObject();
                writeNumberish(json, random, "port", random.nextInt(65536));
                json.writeStringField("transport_protocol", random.nextBoolean() ? "TCP" : "UDP");
                maybeWrite(random, json, j -> j.writeStringField("observed_at", "2025-07-21T10:58:1" + random.nextInt(10) + "Z"));
                maybeWrite(random, json, j -> j.writeStringField("banner", text(random)));
                maybeWrite(random, json, j -> {
                    j.writeArrayFieldStart("software");
                    j.writeStartObject();
                    j.writeStringField("vendor", "Microsoft");
                    j.writeStringField("product", text(random));
                    j.writeStringField("version", "16.0.0." + random.nextInt(20000));
                    j.writeEndObject();
                    j.writeEndArray();
                });
                maybeWrite(random, json, j -> {
                    j.writeObjectFieldStart("http");
                    j.writeObjectFieldStart("response");
                    writeNumberish(j, random, "status_code", 200 + random.nextInt(300));
                    j.writeStringField("html_title", text(random));
                    j.writeObjectFieldStart("headers");
                    for (int h = random.nextInt(4); h > 0; h--) {
                        String name = HEADER_NAMES[random.nextInt(HEADER_NAMES.length)] + h;
                        switch (random.nextInt(3)) {
                            case 0 -> j.writeStringField(name, text(random));
                            case 1 -> {
                                j.writeArrayFieldStart(name);
                                j.writeString(text(random));
                                j.writeEndArray();
                            }
                            default -> {
                                j.writeObjectFieldStart(name);
                                j.writeArrayFieldStart("headers");
                                j.writeString(text(random));
                                j.writeEndArray();
                                j.writeEndObject();
                            }
                        }
                    }
                    j.writeEndObject();
                    j.writeEndObject();
                    j.writeEndObject();
                });
                json.writeEndObject();
            }
            json.writeEndArray();
        });
        return object(random, fields);
    }

    static String zgrab2(Random random)
    {
        List<Field> fields = new ArrayList<>();
        fields.add(json -> json.writeStringField("ip", address(random)));
        maybe(random, fields, json -> json.writeStringField("domain", "z" + random.nextInt(100) + ".example.com"));
        maybe(random, fields, json -> json.writeNumberField("port", random.nextInt(65536)));
        fields.add(json -> {
            json.writeObjectFieldStart("data");
            json.writeObjectFieldStart("http");
            json.writeStringField("status", "success");
            maybeWrite(random, json, j -> j.writeStringField("timestamp", "2025-07-21T10:05:1" + random.nextInt(10) + "-04:00"));
            json.writeObjectFieldStart("result");
            json.writeObjectFieldStart("response");
            json.writeNumberField("status_code", 200 + random.nextInt(300));
            json.writeObjectFieldStart("headers");
            for (int h = random.nextInt(5); h > 0; h--) {
                json.writeArrayFieldStart(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)].toLowerCase(Locale.ROOT).replace('-', '_') + h);
                json.writeString(text(random));
                json.writeEndArray();
            }
            json.writeEndObject();
            maybeWrite(random, json, j -> j.writeStringField("body", "<title>" + text(random) + "</title>"));
            json.writeObjectFieldStart("request");
            json.writeObjectFieldStart("url");
            json.writeStringField("scheme", random.nextBoolean() ? "https" : "http");
            json.writeStringField("host", random.nextBoolean() ? "sp.example.net" : "sp.example.net:" + random.nextInt(65536));
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
        return object(random, fields);
    }

    /** A masscan line: the object, then the trailing comma masscan writes. */
    static String masscan(Random random)
    {
        List<Field> fields = new ArrayList<>();
        fields.add(json -> json.writeStringField("ip", address(random)));
        fields.add(json -> json.writeStringField("timestamp", String.valueOf(1753087000 + random.nextInt(1000))));
        fields.add(json -> {
            json.writeArrayFieldStart("ports");
            json.writeStartObject();
            json.writeNumberField("port", random.nextInt(65536));
            json.writeStringField("proto", "tcp");
            if (random.nextBoolean()) {
                json.writeStringField("status", "open");
                json.writeNumberField("ttl", random.nextInt(255));
            }
            else {
                json.writeObjectFieldStart("service");
                String name = random.nextBoolean() ? "http" : "title";
                json.writeStringField("name", name);
                json.writeStringField("banner", name.equals("http") ? rawResponse(random) : text(random));
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
        });
        return object(random, fields) + ",";
    }

    private static String object(Random random, List<Field> fields)
    {
        Collections.shuffle(fields, random);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (Field field : fields) {
                field.write(json);
            }
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void maybe(Random random, List<Field> fields, Field field)
    {
        if (random.nextInt(3) > 0) {
            fields.add(field);
        }
    }

    private static void maybeWrite(Random random, JsonGenerator json, Field field) throws IOException
    {
        if (random.nextInt(3) > 0) {
            field.write(json);
        }
    }

    private static void writeNumberish(JsonGenerator json, Random random, String name, int value) throws IOException
    {
        if (random.nextInt(4) == 0) {
            json.writeStringField(name, String.valueOf(value));
        }
        else {
            json.writeNumberField(name, value);
        }
    }

    private static String address(Random random)
    {
        if (random.nextInt(4) == 0) {
            return "2001:db8::" + Integer.toHexString(random.nextInt(65536));
        }
        return (random.nextBoolean() ? "192.0.2." : "198.51.100.") + random.nextInt(256);
    }

    private static String rawResponse(Random random)
    {
        String lineEnd = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder response = new StringBuilder("HTTP/1.1 ").append(200 + random.nextInt(300)).append(" OK").append(lineEnd);
        for (int i = random.nextInt(6); i > 0; i--) {
            response.append(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)]).append(": ").append(text(random).replace('\n', ' ').replace('\r', ' '))
                    .append(lineEnd);
            if (random.nextInt(5) == 0) {
                response.append("\tfolded ").append(random.nextInt(10)).append(lineEnd);
            }
        }
        return response.append(lineEnd).toString();
    }

    private static String text(Random random)
    {
        int length = random.nextInt(20);
        StringBuilder text = new StringBuilder(length + 2);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(TEXT_CHARACTERS.codePointAt(TEXT_CHARACTERS.offsetByCodePoints(0, random.nextInt(TEXT_CHARACTERS.codePointCount(0, TEXT_CHARACTERS.length())))));
        }
        return text.toString();
    }
}
