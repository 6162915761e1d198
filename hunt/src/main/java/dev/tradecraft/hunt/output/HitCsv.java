package dev.tradecraft.hunt.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import dev.tradecraft.core.CsvCells;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.SourcePosition;

/** Hits as CSV, one row per hit, the columns of {@link #HEADER}; every cell made safe by {@link CsvCells}. */
public final class HitCsv
{
    public static final String HEADER = "time,organisation,host,level,rule_id,title,author,file,line,record,fields";

    private HitCsv() {}

    public static void write(List<Hit> hits, Writer out) throws IOException
    {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(256);
        for (Hit hit : hits) {
            row.setLength(0);
            SourcePosition position = hit.position();
            append(row, hit.time().map(Object::toString).orElse(""));
            append(row, hit.origin().organisation());
            append(row, hit.origin().host());
            append(row, hit.rule().level().sigmaName());
            append(row, hit.rule().id());
            append(row, hit.rule().title());
            append(row, hit.rule().author());
            append(row, position.file());
            append(row, position.unit() == SourcePosition.Unit.LINE ? Long.toString(position.index()) : "");
            append(row, position.unit() == SourcePosition.Unit.LINE ? "" : Long.toString(position.index()));
            StringBuilder fields = new StringBuilder();
            for (Map.Entry<String, String> entry : hit.matchedFields().entrySet()) {
                if (fields.length() > 0) {
                    fields.append("; ");
                }
                fields.append(entry.getKey()).append('=').append(entry.getValue());
            }
            row.append(CsvCells.cell(fields.toString()));
            row.append('\n');
            out.write(row.toString());
        }
    }

    private static void append(StringBuilder row, String value)
    {
        row.append(CsvCells.cell(value)).append(',');
    }
}
