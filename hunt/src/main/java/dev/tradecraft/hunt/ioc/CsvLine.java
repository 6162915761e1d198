package dev.tradecraft.hunt.ioc;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote inside quotes). */
final class CsvLine
{
    private CsvLine() {}

    static List<String> split(String line)
    {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    }
                    else {
                        quoted = false;
                    }
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            }
            else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
