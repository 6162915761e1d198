package dev.tradecraft.exposure.vuln;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.SourcePosition;

/**
 * Reads the built-in content tables: {@code #} comment lines and blank lines are skipped, the first
 * other line names the columns, each further line is one row. Cells are separated by commas; a cell
 * in double quotes may hold commas, and {@code ""} inside it is one quote. A row never spans lines.
 * A row with the wrong number of cells or an unclosed quote is reported and skipped.
 */
final class ContentCsv
{
    /** One data row and the line it was on. */
    record Row(long line, List<String> cells)
    {
        Row
        {
            cells = List.copyOf(requireNonNull(cells, "cells is null"));
        }

        String cell(int index)
        {
            return cells.get(index);
        }
    }

    private ContentCsv() {}

    /** The rows of a table whose header must be exactly {@code columns}; problems name {@code name} and the line. */
    static List<Row> read(BufferedReader reader, String name, List<String> columns, List<VulnProblem> problems) throws IOException
    {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (cells == null) {
                problems.add(new VulnProblem(SourcePosition.line(name, lineNumber), VulnProblemKind.BAD_CONTENT_ROW, "a quoted cell is not closed; row skipped"));
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!cells.equals(columns)) {
                    problems.add(new VulnProblem(SourcePosition.line(name, lineNumber), VulnProblemKind.BAD_CONTENT_ROW,
                            "header is " + cells + ", expected " + columns + "; table skipped"));
                    return List.of();
                }
                continue;
            }
            if (cells.size() != columns.size()) {
                problems.add(new VulnProblem(SourcePosition.line(name, lineNumber), VulnProblemKind.BAD_CONTENT_ROW,
                        "row has " + cells.size() + " cells, the header " + columns.size() + "; row skipped"));
                continue;
            }
            rows.add(new Row(lineNumber, cells));
        }
        if (!headerSeen) {
            problems.add(new VulnProblem(SourcePosition.line(name, lineNumber), VulnProblemKind.BAD_CONTENT_ROW, "no header line; table is empty"));
        }
        return rows;
    }

    /** The cells of one line, stripped of surrounding blanks; null when a quote is not closed. */
    static List<String> split(String line)
    {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < length) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && line.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    cell.append(c);
                    i++;
                }
                if (!closed) {
                    return null;
                }
                while (i < length && line.charAt(i) != ',') {
                    i++;
                }
            }
            else {
                while (i < length && line.charAt(i) != ',') {
                    cell.append(line.charAt(i));
                    i++;
                }
            }
            cells.add(cell.toString().strip());
            cell.setLength(0);
            if (i >= length) {
                return cells;
            }
            i++;
        }
    }

    /** The parts of a multi-valued cell ({@code a|b|c}); empty for an empty cell. */
    static List<String> values(String cell)
    {
        if (cell.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : cell.split("\\|")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
