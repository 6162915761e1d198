package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.ObservableType;

/** Campaigns on a terminal: one row each, then the evidence and what argues against it. */
final class CampaignTable
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"CAMPAIGN", "VERDICT", "CONF", "ORGS", "INTRUSIONS", "FIRST SEEN", "LAST SEEN", "SOURCE IPS", "WEBSHELLS"};
    private static final int[] MAX_WIDTH = {8, 15, 4, 4, 10, 17, 17, 40, 36};

    private CampaignTable() {}

    static void print(CampaignAnalysis analysis, PrintWriter out, boolean withEvidence)
    {
        if (analysis.campaigns().isEmpty()) {
            out.println("No campaign: no intrusion was found (" + analysis.reconnaissance().size() + " reconnaissance sightings).");
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Campaign campaign : analysis.campaigns()) {
            rows.add(new String[] {
                    campaign.id(),
                    campaign.verdict().label(),
                    Integer.toString(campaign.confidence()),
                    Integer.toString(campaign.organisations().size()),
                    Integer.toString(campaign.intrusions().size()),
                    campaign.firstSeen().map(TIME::format).orElse("-"),
                    campaign.lastSeen().map(TIME::format).orElse("-"),
                    joined(campaign, ObservableType.SOURCE_IP),
                    joined(campaign, ObservableType.WEBSHELL_NAME)});
        }
        TextTable.print(rows, MAX_WIDTH, out);
        if (withEvidence) {
            for (Campaign campaign : analysis.campaigns()) {
                out.println();
                out.println(campaign.id() + " " + campaign.verdict().label() + " (confidence " + campaign.confidence() + "): "
                        + TerminalText.safe(String.join(", ", campaign.organisations())));
                for (String sentence : campaign.evidence()) {
                    out.println("  + " + TerminalText.safe(sentence));
                }
                for (String sentence : campaign.against()) {
                    out.println("  - " + TerminalText.safe(sentence));
                }
            }
        }
        out.println();
        out.println("Reconnaissance kept out of campaigns: " + analysis.reconnaissance().size() + " sightings (scans, webshell checks, refused requests).");
        out.flush();
    }

    private static String joined(Campaign campaign, ObservableType type)
    {
        List<String> values = new ArrayList<>(campaign.values(type));
        return values.isEmpty() ? "-" : String.join(" ", values);
    }
}
