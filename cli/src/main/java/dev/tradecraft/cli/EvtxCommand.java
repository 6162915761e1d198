package dev.tradecraft.cli;

import picocli.CommandLine.Command;

@Command(name = "evtx", description = "Read Windows .evtx event logs without Windows or another tool.",
        subcommands = {EvtxDumpCommand.class})
final class EvtxCommand
{
}
