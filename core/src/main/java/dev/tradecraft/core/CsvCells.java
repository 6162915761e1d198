package dev.tradecraft.core;

/**
 * Makes text safe as a CSV cell: quoted when needed, and neutralised when it starts like a
 * spreadsheet formula ({@code = + - @}, tab, carriage return), because log values are attacker
 * controlled and analysts open CSV in spreadsheets.
 */
public final class CsvCells
{
    private CsvCells() {}

    public static String cell(String value)
    {
        String safe = value;
        if (!safe.isEmpty()) {
            char first = safe.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                safe = "'" + safe;
            }
        }
        boolean quote = false;
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
