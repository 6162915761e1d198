package dev.tradecraft.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", description = "Work with Sigma rule trees: check what loads (and why not), run regression cases.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
final class RulesCommand
{
}
