package dev.tradecraft.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.tradecraft.hunt.HuntCounters;
import dev.tradecraft.hunt.HuntResult;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.content.DetectionContent;

/** One hunt as the commands run it: the content's rules, correlations and indicators, a progress line when wanted. */
final class TerminalHunt
{
    private TerminalHunt() {}

    static HuntResult run(DetectionContent content, List<LogFile> files, int threads, boolean quiet, PrintWriter err)
    {
        Hunter hunter = Hunter.builder(content.ruleset()).iocs(content.iocs()).correlations(content.correlations()).threads(threads).build();
        HuntCounters counters = new HuntCounters();
        try (ProgressLine progress = ProgressLine.start(counters, err, ProgressLine.wanted(quiet))) {
            return hunter.hunt(files, counters);
        }
    }
}
