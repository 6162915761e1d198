package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Left-aligned columns for a terminal: every cell made safe ({@link TerminalText#safe}), cut to its
 * column's maximum width, and padded to the widest cell of its column plus two spaces.
 */
final class TextTable
{
    private TextTable() {}

    /** @param rows the header first; every row as long as {@code maxWidths} */
    static void print(List<String[]> rows, int[] maxWidths, PrintWriter out)
    {
        int[] widths = new int[maxWidths.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = TerminalText.fit(TerminalText.safe(row[i]), maxWidths[i]);
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
