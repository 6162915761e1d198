package dev.tradecraft.flink.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.core.Hit;
import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.scenarios.World;
import dev.tradecraft.scenarios.WorldGenerator;
import dev.tradecraft.scenarios.WorldSpec;
import dev.tradecraft.sigma.SigmaException;

/**
 * A small seeded ToolShell world (six organisations, IIS logs plain and gzipped, Windows events as
 * JSON one per line and pretty-printed) and what the embedded hunt finds in it with the built-in
 * content: the reference the Flink job is held to.
 *
 * @param files the world's log files, as {@code tradecraft hunt weblogs/ events/} lists them
 * @param hits the embedded hunt's hits, in its stable order
 */
record HuntedWorld(List<LogFile> files, List<Hit> hits)
{
    HuntedWorld
    {
        files = List.copyOf(files);
        hits = List.copyOf(hits);
    }

    static HuntedWorld create(Path dir) throws IOException, SigmaException
    {
        WorldSpec demo = WorldSpec.demo();
        World world = new WorldGenerator(new WorldSpec(77, 6, demo.firstDay(), demo.days(), demo.requestsPerHostPerDay() / 4)).write(dir);
        List<LogFile> files = LogTree.discover(List.of(world.webLogs(), world.events()), Optional.empty());
        DetectionContent content = DetectionContent.load(List.of(), List.of(), Optional.empty());
        List<Hit> hits = Hunter.builder(content.ruleset())
                .iocs(content.iocs())
                .correlations(content.correlations())
                .threads(2)
                .build()
                .hunt(files)
                .hits();
        return new HuntedWorld(files, hits);
    }
}
