package dev.tradecraft.cli;

import picocli.CommandLine.Command;

@Command(name = "kafka", description = {
        "Move logs and hits between files and the Kafka topics of the Flink job (docs/scale-out.md).",
        "kafka send puts a log tree on the input topic; kafka hits reads the hits the job wrote."},
        subcommands = {KafkaSendCommand.class, KafkaHitsCommand.class})
final class KafkaCommand
{
}
