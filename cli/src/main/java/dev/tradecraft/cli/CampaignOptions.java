package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.campaigns.CampaignAnalyzer;
import dev.tradecraft.campaigns.weight.ArtefactLists;
import dev.tradecraft.campaigns.weight.Exclusion;
import dev.tradecraft.campaigns.weight.PublicArtefact;
import picocli.CommandLine.Option;

/** Options that tune campaign analysis, shared by hunt, campaigns and demo. */
final class CampaignOptions
{
    @Option(names = "--public", paramLabel = "FILE", description = "More public artefacts (type,value,public_since[,source]) beside the built-in list (repeatable).")
    List<Path> publicFiles = new ArrayList<>();

    @Option(names = "--exclusions", paramLabel = "FILE", description = "More exclusions (type,pattern; MISP style) beside the built-in list (repeatable).")
    List<Path> exclusionFiles = new ArrayList<>();

    /** The analyzer with the user's lists added; problems with the lists go to {@code err}. */
    CampaignAnalyzer analyzer(PrintWriter err) throws IOException
    {
        List<PublicArtefact> artefacts = new ArrayList<>();
        for (Path file : publicFiles) {
            ArtefactLists.Loaded<PublicArtefact> loaded = ArtefactLists.publicArtefacts(file);
            loaded.problems().forEach(problem -> err.println("public artefacts: " + TerminalText.safe(problem)));
            artefacts.addAll(loaded.entries());
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (Path file : exclusionFiles) {
            ArtefactLists.Loaded<Exclusion> loaded = ArtefactLists.exclusions(file);
            loaded.problems().forEach(problem -> err.println("exclusions: " + TerminalText.safe(problem)));
            exclusions.addAll(loaded.entries());
        }
        return CampaignAnalyzer.builder().addPublicArtefacts(artefacts).addExclusions(exclusions).build();
    }
}
