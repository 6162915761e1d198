package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.Level;
import dev.tradecraft.hunt.verdict.OrganisationVerdict;

/** The per-organisation table a hunt prints: status first, then the evidence at a glance. */
final class OrganisationTable
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"ORGANISATION", "STATUS", "FIRST EXPLOIT", "WEBSHELLS", "SOURCE IPS", "HITS C/H/M/L/I"};
    private static final int[] MAX_WIDTH = {32, 11, 17, 44, 36, 20};

    private OrganisationTable() {}

    static void print(List<OrganisationVerdict> verdicts, PrintWriter out)
    {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (OrganisationVerdict verdict : verdicts) {
            rows.add(new String[] {
                    verdict.organisation(),
                    verdict.status().label(),
                    verdict.firstExploit().map(TIME::format).orElse("-"),
                    verdict.webshells().isEmpty() ? "-" : String.join(" ", shortNames(verdict.webshells())),
                    verdict.sourceIps().isEmpty() ? "-" : String.join(" ", verdict.sourceIps()),
                    levels(verdict)});
        }
        TextTable.print(rows, MAX_WIDTH, out);
    }

    private static List<String> shortNames(List<String> paths)
    {
        List<String> names = new ArrayList<>();
        for (String path : paths) {
            int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            String name = path.substring(cut + 1);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String levels(OrganisationVerdict verdict)
    {
        return verdict.hitsByLevel().get(Level.CRITICAL) + "/" + verdict.hitsByLevel().get(Level.HIGH) + "/"
                + verdict.hitsByLevel().get(Level.MEDIUM) + "/" + verdict.hitsByLevel().get(Level.LOW) + "/"
                + verdict.hitsByLevel().get(Level.INFORMATIONAL);
    }
}
