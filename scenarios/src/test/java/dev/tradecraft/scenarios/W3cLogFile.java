package dev.tradecraft.scenarios;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately simple reading of one IIS W3C log for the tests: directives, and each data line's
 * values named by the {@code #Fields} in force. It fails loudly on anything a real reader would have
 * to repair, because the generator must not produce it.
 */
final class W3cLogFile
{
    /** One data line with its values by field name, and its place in the file. */
    record Line(Path file, int number, Map<String, String> values, long time)
    {
        String get(String field)
        {
            String value = values.get(field);
            return value == null ? "-" : value;
        }

        /** The real client: X-Forwarded-For where the balancer logs it, else c-ip. */
        String client()
        {
            String forwarded = get("X-Forwarded-For");
            return forwarded.equals("-") ? get("c-ip") : forwarded;
        }
    }

    final Path file;
    final List<Line> lines = new ArrayList<>();
    final List<String> fieldDirectives = new ArrayList<>();
    boolean crlf;
    boolean lf;
    int blocks;

    private W3cLogFile(Path file)
    {
        this.file = file;
    }

    static W3cLogFile read(Path file) throws IOException
    {
        W3cLogFile log = new W3cLogFile(file);
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    log.crlf = true;
                }
                else {
                    log.lf = true;
                }
            }
        }
        String[] fields = null;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("#")) {
                    if (line.startsWith("#Software:")) {
                        log.blocks++;
                    }
                    if (line.startsWith("#Fields: ")) {
                        fields = line.substring("#Fields: ".length()).split(" ");
                        log.fieldDirectives.add(line);
                    }
                    continue;
                }
                if (fields == null) {
                    throw new AssertionError(file + ":" + number + ": data before #Fields");
                }
                String[] values = line.split(" ", -1);
                if (values.length != fields.length) {
                    throw new AssertionError(file + ":" + number + ": " + values.length + " values for " + fields.length + " fields: "
                            + line);
                }
                Map<String, String> named = new LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    if (values[i].isEmpty()) {
                        throw new AssertionError(file + ":" + number + ": empty value for " + fields[i]);
                    }
                    named.put(fields[i], values[i]);
                }
                long time = Instant.parse(named.get("date") + "T" + named.get("time") + "Z").toEpochMilli();
                log.lines.add(new Line(file, number, named, time));
            }
        }
        return log;
    }

    private static InputStream open(Path file) throws IOException
    {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }
}
