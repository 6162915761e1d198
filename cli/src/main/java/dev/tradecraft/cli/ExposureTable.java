package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.CrossReference;
import dev.tradecraft.exposure.ExposureRun;
import dev.tradecraft.exposure.ExposureSummary;

/** The exposure report on a terminal: the counts kept apart, then the largest groups of each kind. */
final class ExposureTable
{
    private static final int GROUPS = 10;

    private ExposureTable() {}

    static void print(ExposureRun.Result result, List<CrossReference.Match> matches, PrintWriter out)
    {
        ExposureSummary summary = result.summary();
        out.println(summary.cve() + ": " + summary.records() + " services read");
        out.println("  SharePoint on-premises: " + summary.services(ServiceKind.SHAREPOINT_ONPREM)
                + " (vulnerable " + summary.count(ExposureState.VULNERABLE)
                + ", not vulnerable " + summary.count(ExposureState.NOT_VULNERABLE)
                + ", ambiguous " + summary.count(ExposureState.AMBIGUOUS) + ")");
        out.println("  SharePoint Online (Microsoft's service, not counted above): " + summary.services(ServiceKind.SHAREPOINT_ONLINE));
        out.println("  Exchange " + summary.services(ServiceKind.EXCHANGE) + ", other IIS " + summary.services(ServiceKind.IIS)
                + ", other services " + summary.services(ServiceKind.OTHER));
        for (String dimension : ExposureSummary.dimensions()) {
            List<Map.Entry<String, ExposureSummary.Counts>> groups = summary.breakdown(dimension);
            if (groups.isEmpty()) {
                continue;
            }
            out.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {dimension.toUpperCase(java.util.Locale.ROOT), "SERVICES", "VULNERABLE", "NOT VULNERABLE", "AMBIGUOUS"});
            for (Map.Entry<String, ExposureSummary.Counts> group : groups.subList(0, Math.min(GROUPS, groups.size()))) {
                ExposureSummary.Counts counts = group.getValue();
                rows.add(new String[] {group.getKey(), Long.toString(counts.services()), Long.toString(counts.count(ExposureState.VULNERABLE)),
                        Long.toString(counts.count(ExposureState.NOT_VULNERABLE)), Long.toString(counts.count(ExposureState.AMBIGUOUS))});
            }
            TextTable.print(rows, new int[] {48, 8, 10, 14, 9}, out);
            if (groups.size() > GROUPS) {
                out.println("… " + (groups.size() - GROUPS) + " more (see --format json)");
            }
        }
        if (!matches.isEmpty()) {
            out.println();
            out.println("Exposed services of organisations the last hunt judged:");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ORGANISATION", "HUNT STATUS", "SERVICE", "STATE", "MATCHED BY"});
            for (CrossReference.Match match : matches) {
                rows.add(new String[] {match.organisation(), match.status(), match.exposure().address() + ":" + match.exposure().port(),
                        match.exposure().verdict(summary.cve()).map(verdict -> verdict.state().label()).orElse(match.exposure().kind().label()),
                        match.matchedBy()});
            }
            TextTable.print(rows, new int[] {32, 11, 30, 14, 40}, out);
        }
        out.flush();
    }
}
