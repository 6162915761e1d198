package dev.tradecraft.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.Placeholders;
import dev.tradecraft.sigma.SigmaException;
import picocli.CommandLine.Option;

/** What a site adds to Sigma rules: its own logsource mappings and its placeholder values. Shared by the commands that load rules. */
final class SigmaSiteOptions
{
    @Option(names = "--mappings", paramLabel = "FILE", description = "Extra Sigma logsource mappings (YAML), added to the built-in ones.")
    private Path mappingFile;

    @Option(names = "--placeholders", paramLabel = "FILE", description = "The site's values for |expand placeholders in the rules (YAML: name: [values]).")
    private Path placeholderFile;

    Optional<Path> mappingFile()
    {
        return Optional.ofNullable(mappingFile);
    }

    Optional<Path> placeholderFile()
    {
        return Optional.ofNullable(placeholderFile);
    }

    /** The built-in mappings plus the site's. */
    LogsourceMappings mappings() throws SigmaException
    {
        LogsourceMappings builtIn = LogsourceMappings.builtIn();
        return mappingFile == null ? builtIn : builtIn.plus(LogsourceMappings.load(mappingFile));
    }

    Placeholders placeholders() throws SigmaException
    {
        return placeholderFile == null ? Placeholders.NONE : Placeholders.load(placeholderFile);
    }
}
