package dev.tradecraft.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", description = "Work with Sigma rule trees: check what loads (and why not).",
        subcommands = {RulesCheckCommand.class})
final class RulesCommand
{
}
