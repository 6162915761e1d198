package dev.tradecraft.store.sql;

import java.io.IOException;
import java.util.List;

/** Where the rows of a query go, one at a time, so a large table never has to fit in memory. */
public interface RowSink
{
    void columns(List<String> names) throws IOException;

    /** One row; SQL NULL arrives as {@code null}. */
    void row(List<String> values) throws IOException;

    void end() throws IOException;
}
