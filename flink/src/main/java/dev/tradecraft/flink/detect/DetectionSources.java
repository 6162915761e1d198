package dev.tradecraft.flink.detect;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.tradecraft.hunt.content.DetectionContent;
import dev.tradecraft.sigma.SigmaException;

/**
 * Where a task loads its rules and indicators from, as {@code tradecraft hunt} takes them: empty
 * lists mean the built-in content. The paths are read on each task manager, so on a cluster they
 * must be there (a shared volume), or be left empty for the content packed in the job jar.
 *
 * @param ruleDirs Sigma rule files or folders
 * @param iocFiles indicator feeds
 * @param mappingFile extra logsource mappings; empty string for none
 */
public record DetectionSources(List<String> ruleDirs, List<String> iocFiles, String mappingFile) implements Serializable
{
    private static final long serialVersionUID = 1L;

    public DetectionSources
    {
        ruleDirs = List.copyOf(ruleDirs);
        iocFiles = List.copyOf(iocFiles);
        requireNonNull(mappingFile, "mappingFile is null");
    }

    public static DetectionSources builtIn()
    {
        return new DetectionSources(List.of(), List.of(), "");
    }

    public DetectionContent load() throws IOException, SigmaException
    {
        Optional<Path> mappings = mappingFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(mappingFile));
        return DetectionContent.load(ruleDirs.stream().map(Path::of).toList(), iocFiles.stream().map(Path::of).toList(), mappings);
    }
}
