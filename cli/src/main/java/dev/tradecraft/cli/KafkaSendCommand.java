package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.tradecraft.flink.send.LogTreeSender;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.LogTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "send", sortOptions = false,
        description = {
                "Send log files to the Flink job's input topic: one record per line of an IIS log or per Windows JSON event, "
                        + "with organisation, host, file and line in its headers, exactly as tradecraft hunt would name them.",
                "Roots are laid out as for tradecraft hunt (<organisation>/<host>/...); formats are found by content, .gz is decompressed."})
final class KafkaSendCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ROOT", description = "Folders (or files) to send.")
    private List<Path> roots = new ArrayList<>();

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka brokers.")
    private String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Input topic (default: tradecraft-logs).")
    private String topic = "tradecraft-logs";

    @Option(names = "--org", paramLabel = "NAME", description = "Treat every root as this one organisation; its first folder level names the host.")
    private String organisation;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stderr = spec.commandLine().getErr();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                stderr.println("tradecraft kafka send: no such file or folder: " + TerminalText.safe(root.toString()));
                return ExitCodes.INVALID_INPUT;
            }
        }
        List<LogFile> files = LogTree.discover(roots, Optional.ofNullable(organisation));
        long started = System.nanoTime();
        LogTreeSender.Summary summary;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            summary = new LogTreeSender(producer, topic).send(files);
        }
        for (String skipped : summary.skipped()) {
            stderr.println("skipped " + TerminalText.safe(skipped));
        }
        spec.commandLine().getOut().printf("sent %d of %d files, %d records to %s in %.1f s%n", summary.files(), files.size(), summary.records(),
                TerminalText.safe(topic), (System.nanoTime() - started) / 1e9);
        spec.commandLine().getOut().flush();
        return summary.files() == 0 ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }

    private Properties producerConfig()
    {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Every record acknowledged by all replicas, and no duplicates when the producer retries.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
