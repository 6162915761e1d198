package dev.tradecraft.store.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.tradecraft.core.CsvCells;

/**
 * Rows as CSV with a header line. Every cell goes through {@link CsvCells}: log values are attacker
 * controlled and a cell starting with {@code = + - @} would run as a formula in a spreadsheet.
 */
public final class CsvRows implements RowSink
{
    private final Writer out;

    public CsvRows(Writer out)
    {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void columns(List<String> names) throws IOException
    {
        line(names);
    }

    @Override
    public void row(List<String> values) throws IOException
    {
        line(values);
    }

    private void line(List<String> values) throws IOException
    {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = values.get(i);
            out.write(value == null ? "" : CsvCells.cell(value));
        }
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException
    {
        out.flush();
    }
}
