package dev.tradecraft.store.sql;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Rows as JSON objects keyed by column name: one per line ({@code jsonl}) or in one array
 * ({@code json}). Values are strings as DuckDB renders them, null for SQL NULL.
 */
public final class JsonRows implements RowSink
{
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final boolean lines;
    private final JsonGenerator generator;
    private List<String> names = List.of();

    /** @param lines one object per line when true, else a JSON array */
    public JsonRows(Writer out, boolean lines) throws IOException
    {
        this.out = out;
        this.lines = lines;
        this.generator = JSON.createGenerator(out);
        // Lines must end where the object ends; the generator separates roots with a space otherwise.
        generator.setRootValueSeparator(null);
    }

    @Override
    public void columns(List<String> names) throws IOException
    {
        this.names = new ArrayList<>(names);
        if (!lines) {
            generator.writeStartArray();
        }
    }

    @Override
    public void row(List<String> values) throws IOException
    {
        generator.writeStartObject();
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                generator.writeNullField(names.get(i));
            }
            else {
                generator.writeStringField(names.get(i), value);
            }
        }
        generator.writeEndObject();
        if (lines) {
            generator.flush();
            out.write('\n');
        }
    }

    @Override
    public void end() throws IOException
    {
        if (!lines) {
            generator.writeEndArray();
            generator.flush();
            out.write('\n');
        }
        generator.flush();
    }
}
